import { en, type Messages } from "./messages/en";
import { zhCN } from "./messages/zh-CN";

/**
 * The registry of UI languages. Adding a language = adding a catalogue file and one entry here;
 * the switcher, the stored preference and the tests pick it up from this list.
 */
export const UI_LOCALES = [
  { code: "en", label: "English", htmlLang: "en", messages: en },
  { code: "zh-CN", label: "简体中文", htmlLang: "zh-CN", messages: zhCN },
] as const satisfies readonly { code: string; label: string; htmlLang: string; messages: Messages }[];

export type UiLocale = (typeof UI_LOCALES)[number]["code"];
export const DEFAULT_LOCALE: UiLocale = "en";

export function isUiLocale(value: unknown): value is UiLocale {
  return UI_LOCALES.some((locale) => locale.code === value);
}

/** The UI language i18next reports, narrowed to one we ship (English when it is anything else). */
export function uiLocale(language: string): UiLocale {
  return isUiLocale(language) ? language : DEFAULT_LOCALE;
}
