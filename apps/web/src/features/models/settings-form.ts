import type { ModelSettings, ModelSettingsView } from "../../api/models";
import { type MessageKey, messageKey } from "../../i18n/message-key";

/** The contract's bounds (packages/contracts/src/models.ts), repeated here to say them before sending. */
export const MAX_RETRAIN_EVENTS = 100_000_000;
export const MAX_RETRAIN_HOURS = 24 * 365;

export type SettingsField = "candidates" | "retrainEveryEvents" | "retrainIntervalHours";

export type SettingsParse =
  | { readonly ok: true; readonly settings: ModelSettings }
  | { readonly ok: false; readonly problems: Partial<Record<SettingsField, MessageKey>> };

/**
 * The kinds offered as checkboxes: those the server can train and serve, then any kind the course's
 * settings already name that the server does not list (so saving the form never drops it silently).
 */
export function kindChoices(view: ModelSettingsView): string[] {
  const known = view.knownKinds ?? [];
  const configured = view.candidates.map((candidate) => candidate.kind);
  return [...new Set([...known, ...configured])];
}

/** An optional whole number: empty means "no such rule" (null); anything else must be within bounds. */
function optionalCount(raw: string, max: number): { value: number | null } | { problem: MessageKey } {
  const text = raw.trim();
  if (text === "") return { value: null };
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max)
    return { problem: messageKey("models.settings.wholeNumber") };
  return { value };
}

/**
 * Reads the settings form: ticked kinds (`kinds`) keep the config the course already had for them;
 * the two rules are optional whole numbers. Every problem is reported at once, per field.
 */
export function settingsFromForm(form: FormData, current: ModelSettingsView): SettingsParse {
  const problems: Partial<Record<SettingsField, MessageKey>> = {};
  const kinds = form.getAll("kinds").map(String);
  if (kinds.length === 0) problems.candidates = messageKey("models.settings.chooseOne");
  const events = optionalCount(String(form.get("retrainEveryEvents") ?? ""), MAX_RETRAIN_EVENTS);
  if ("problem" in events) problems.retrainEveryEvents = events.problem;
  const hours = optionalCount(String(form.get("retrainIntervalHours") ?? ""), MAX_RETRAIN_HOURS);
  if ("problem" in hours) problems.retrainIntervalHours = hours.problem;
  if ("problem" in events || "problem" in hours || kinds.length === 0) return { ok: false, problems };
  const configOf = new Map(current.candidates.map((candidate) => [candidate.kind, candidate.config]));
  return {
    ok: true,
    settings: {
      candidates: kinds.map((kind) => {
        const config = configOf.get(kind);
        return config ? { kind, config } : { kind };
      }),
      retrainEveryEvents: events.value,
      retrainIntervalHours: hours.value,
    },
  };
}
