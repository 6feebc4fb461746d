import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LOCALE, isUiLocale, UI_LOCALES, type UiLocale } from "./locales";

/** localStorage key that remembers the chosen language across visits. */
export const LOCALE_STORAGE_KEY = "pathwise.locale";

/**
 * The language to start in: the remembered choice, else the browser's preferred language when we
 * have it (any `zh*` → Simplified Chinese), else English.
 */
export function initialLocale(stored: string | null, browserLanguages: readonly string[]): UiLocale {
  if (isUiLocale(stored)) return stored;
  for (const language of browserLanguages) {
    if (isUiLocale(language)) return language;
    if (language.toLowerCase().startsWith("zh")) return "zh-CN";
    if (language.toLowerCase().startsWith("en")) return "en";
  }
  return DEFAULT_LOCALE;
}

function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null; // storage disabled (privacy mode): fall back to the browser language
  }
}

function applyDocumentLanguage(locale: UiLocale): void {
  const entry = UI_LOCALES.find((candidate) => candidate.code === locale);
  document.documentElement.lang = entry?.htmlLang ?? locale;
  document.title = entry?.messages.app.name ?? "Pathwise";
}

export async function setupI18n(): Promise<typeof i18next> {
  const locale = initialLocale(readStoredLocale(), navigator.languages ?? [navigator.language]);
  await i18next.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false, // a missing key must show up as a bug, not silently as English
    resources: Object.fromEntries(UI_LOCALES.map((entry) => [entry.code, { translation: entry.messages }])),
    interpolation: { escapeValue: false }, // React escapes text already
    returnNull: false,
  });
  applyDocumentLanguage(locale);
  return i18next;
}

/** Switches the UI language and remembers it for the next visit. */
export async function changeLocale(locale: UiLocale): Promise<void> {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // storage disabled: the switch still works for this visit
  }
  await i18next.changeLanguage(locale);
  applyDocumentLanguage(locale);
}
