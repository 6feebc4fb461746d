import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { getModelSettings, type ModelSettingsView, putModelSettings } from "../../api/models";
import { useResource } from "../../api/use-resource";
import { Alert, ErrorMessage, Loaded } from "../../components/Feedback";
import { useFormSubmit } from "../../components/use-form-submit";
import { uiLocale } from "../../i18n/locales";
import { type MessageKey, messageKey } from "../../i18n/message-key";
import {
  kindChoices,
  MAX_RETRAIN_EVENTS,
  MAX_RETRAIN_HOURS,
  type SettingsField,
  settingsFromForm,
} from "./settings-form";

const KIND_NAMES: Partial<Record<string, MessageKey>> = {
  bkt: messageKey("models.kindName.bkt"),
  elo: messageKey("models.kindName.elo"),
  pfa: messageKey("models.kindName.pfa"),
  dnn: messageKey("models.kindName.dnn"),
  dkt: messageKey("models.kindName.dkt"),
  sakt: messageKey("models.kindName.sakt"),
  akt: messageKey("models.kindName.akt"),
};

/** An optional whole-number rule, with its hint and (after a failed save) its problem, both announced. */
function RuleField({
  name,
  label,
  hint,
  max,
  value,
  problem,
}: {
  name: SettingsField;
  label: string;
  hint: string;
  max: number;
  value: number | null;
  problem: MessageKey | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        className="input"
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        step={1}
        defaultValue={value ?? ""}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
      />
      <span id={`${id}-hint`} className="field__hint">
        {hint}
      </span>
      {problem && (
        <span id={`${id}-problem`} className="field__error">
          {t(problem)}
        </span>
      )}
    </div>
  );
}

/**
 * The form over loaded settings; on a failed check the typed values stay as they were. A new `trainings`
 * count (a training run finished on this page) refreshes the last-training line only, so nothing typed
 * and not yet saved is lost.
 */
function SettingsForm({
  courseId,
  initial,
  trainings,
}: {
  courseId: string;
  initial: ModelSettingsView;
  trainings: number;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [view, setView] = useState(initial);
  const seen = useRef(trainings);
  useEffect(() => {
    if (seen.current === trainings) return;
    seen.current = trainings;
    const controller = new AbortController();
    getModelSettings(courseId, controller.signal).then(
      ({ lastTrainedSeq, lastTrainedAt, answersSinceTraining }) =>
        setView((current) => ({ ...current, lastTrainedSeq, lastTrainedAt, answersSinceTraining })),
      () => undefined, // the line keeps its last known figures; saving reports any real failure
    );
    return () => controller.abort();
  }, [courseId, trainings]);
  const [problems, setProblems] = useState<Partial<Record<SettingsField, MessageKey>>>({});
  const [saved, setSaved] = useState(false);
  const { busy, error, onSubmit } = useFormSubmit(async (form) => {
    setSaved(false);
    const parsed = settingsFromForm(form, view);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems({});
    setView(await putModelSettings(courseId, parsed.settings));
    setSaved(true);
  });
  const when = new Intl.DateTimeFormat(uiLocale(i18n.language), { dateStyle: "medium", timeStyle: "short" });
  const ticked = new Set(view.candidates.map((candidate) => candidate.kind));
  const invalid = Object.keys(problems).length > 0;
  return (
    <form className="stack" noValidate onSubmit={onSubmit}>
      <p>
        {view.lastTrainedAt
          ? t("models.settings.lastTrained", { when: when.format(new Date(view.lastTrainedAt)) })
          : t("models.settings.neverTrained")}{" "}
        {view.answersSinceTraining !== undefined &&
          t(
            view.lastTrainedAt
              ? messageKey("models.settings.answersSince")
              : messageKey("models.settings.answersSoFar"),
            {
              count: view.answersSinceTraining,
            },
          )}
      </p>
      <fieldset
        className="concept-picker"
        aria-describedby={problems.candidates ? `${id}-kinds-hint ${id}-kinds-problem` : `${id}-kinds-hint`}
      >
        <legend>{t("models.settings.kinds")}</legend>
        <span id={`${id}-kinds-hint`} className="field__hint">
          {t("models.settings.kindsHint")}
        </span>
        <div className="concept-picker__list">
          {kindChoices(view).map((kind) => {
            const name = KIND_NAMES[kind];
            return (
              <label key={kind} className="concept-picker__option">
                <input type="checkbox" name="kinds" value={kind} defaultChecked={ticked.has(kind)} />
                <span>
                  <strong className="model-kind">{kind}</strong>
                  {name && <span className="table__sub">{t(name)}</span>}
                </span>
              </label>
            );
          })}
        </div>
        {problems.candidates && (
          <span id={`${id}-kinds-problem`} className="field__error">
            {t(problems.candidates)}
          </span>
        )}
      </fieldset>
      <RuleField
        name="retrainEveryEvents"
        label={t("models.settings.everyEvents")}
        hint={t("models.settings.everyEventsHint")}
        max={MAX_RETRAIN_EVENTS}
        value={view.retrainEveryEvents}
        problem={problems.retrainEveryEvents}
      />
      <RuleField
        name="retrainIntervalHours"
        label={t("models.settings.everyHours")}
        hint={t("models.settings.everyHoursHint")}
        max={MAX_RETRAIN_HOURS}
        value={view.retrainIntervalHours}
        problem={problems.retrainIntervalHours}
      />
      {invalid && <Alert kind="error">{t("models.settings.invalid")}</Alert>}
      {error !== undefined && <ErrorMessage error={error} />}
      {saved && <Alert kind="success">{t("models.settings.saved")}</Alert>}
      <div>
        <button type="submit" className="button" disabled={busy}>
          {t("models.settings.save")}
        </button>
      </div>
    </form>
  );
}

/**
 * The course's retraining settings (admins): the candidate kinds every training run trains, and the two
 * optional rules of the periodic check — after N new answers, every H hours (docs/models.md) — with
 * when the course was last trained and how many answers arrived since.
 */
export function ModelSettingsPanel({ courseId, trainings }: { courseId: string; trainings: number }) {
  const { t } = useTranslation();
  const settings = useResource((signal) => getModelSettings(courseId, signal), [courseId]);
  return (
    <section className="card stack" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("models.settings.title")}</h2>
      <p className="muted">{t("models.settings.lead")}</p>
      <Loaded resource={settings}>
        {(data) => <SettingsForm courseId={courseId} initial={data} trainings={trainings} />}
      </Loaded>
    </section>
  );
}
