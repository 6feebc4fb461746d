import { z } from "zod";

/**
 * Text shown to people, in every supported language. English is required so there is always a
 * fallback; Simplified Chinese (`zh-CN`) is optional.
 */
export const LOCALES = ["en", "zh-CN"] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const LocalizedTextSchema = z.strictObject({
  en: z.string().min(1).max(10_000),
  "zh-CN": z.string().min(1).max(10_000).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** The text in the requested locale, falling back to English when no translation exists. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.en;
}
