import { useId } from "react";
import { useTranslation } from "react-i18next";
import { changeLocale } from "../i18n";
import { isUiLocale, UI_LOCALES } from "../i18n/locales";

/** A labelled select of the UI languages; the choice is remembered in localStorage. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t("language.label")}
      </label>
      <select
        id={id}
        className="select select--compact"
        value={i18n.language}
        onChange={(event) => {
          if (isUiLocale(event.target.value)) void changeLocale(event.target.value);
        }}
      >
        {UI_LOCALES.map((locale) => (
          <option key={locale.code} value={locale.code} lang={locale.htmlLang}>
            {locale.label}
          </option>
        ))}
      </select>
    </div>
  );
}
