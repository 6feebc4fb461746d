import { localize } from "@pathwise/domain";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ItemView } from "../../api/courses";
import { uiLocale } from "../../i18n/locales";

/** The answer control for an item's kind: radio choices, or one labelled text box. */
export function AnswerInput({
  item,
  value,
  onChange,
  disabled,
}: {
  item: ItemView;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const id = useId();
  if (item.kind === "multiple_choice" && item.choices) {
    return (
      <fieldset className="choices" disabled={disabled}>
        <legend className="visually-hidden">{t("practice.choose")}</legend>
        {item.choices.map((choice) => (
          <label key={choice.id} className="choice">
            <input
              type="radio"
              name={`choice-${item.id}`}
              value={choice.id}
              checked={value === choice.id}
              onChange={() => onChange(choice.id)}
            />
            <span>{localize(choice.text, locale)}</span>
          </label>
        ))}
      </fieldset>
    );
  }
  const multiline = item.kind === "open_text";
  return (
    <div className="field">
      <label htmlFor={id}>{t("practice.answer")}</label>
      {multiline ? (
        <textarea
          id={id}
          className="input"
          rows={4}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          id={id}
          className="input"
          autoComplete="off"
          spellCheck={false}
          inputMode={item.kind === "numeric" ? "decimal" : "text"}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
