import type { AutomaticReasonCode } from "@pathwise/contracts";
import type { ModelDecision } from "../../api/models";
import { type MessageKey, messageKey } from "../../i18n/message-key";
import { formatMetric } from "./format";

const MESSAGES: Record<AutomaticReasonCode, MessageKey> = {
  "first-champion": messageKey("models.reasonCode.firstChampion"),
  "champion-unusable": messageKey("models.reasonCode.championUnusable"),
  "auc-undefined": messageKey("models.reasonCode.aucUndefined"),
  "challenger-better": messageKey("models.reasonCode.challengerBetter"),
  "challenger-not-better": messageKey("models.reasonCode.challengerNotBetter"),
  "no-valid-auc": messageKey("models.reasonCode.noValidAuc"),
};

/** A challenger scored against the champion on the same held-out answers. */
const HEAD_TO_HEAD = [
  "challengerKind",
  "challengerAuc",
  "championKind",
  "championAuc",
  "minGain",
  "answers",
  "learners",
] as const;

/** The figures each reason's sentence names, by the key the server stores them under in `comparison`. */
const FIGURES: Record<AutomaticReasonCode, readonly string[]> = {
  "first-champion": ["challengerKind", "challengerValidAuc", "candidates"],
  "champion-unusable": ["challengerKind", "challengerValidAuc", "candidates", "championProblem"],
  "auc-undefined": ["answers", "learners"],
  "challenger-better": HEAD_TO_HEAD,
  "challenger-not-better": HEAD_TO_HEAD,
  "no-valid-auc": [],
};

const AUC_FIGURES = new Set(["challengerValidAuc", "challengerAuc", "championAuc"]);
/** The number of candidates chooses the plural form of its sentence, so it is i18next's `count`. */
const placeholder = (figure: string) => (figure === "candidates" ? "count" : figure);

export interface LocalizedReason {
  readonly key: MessageKey;
  readonly values: Record<string, string | number>;
}

/**
 * How to say an automatic decision's reason in the UI language: the message for its reason code and
 * the figures from its comparison (AUCs to three decimals in the locale's digits, counts as numbers).
 * Undefined — show the stored reason as it is — for a person's decision (their words stay as typed),
 * for a decision recorded without a code, or when a figure the sentence needs is missing.
 */
export function localizedReason(decision: ModelDecision, locale: string): LocalizedReason | undefined {
  if (decision.actorId !== null || decision.reasonCode === undefined) return undefined;
  const values: Record<string, string | number> = {};
  for (const name of FIGURES[decision.reasonCode]) {
    const figure = decision.comparison[name];
    if (AUC_FIGURES.has(name)) {
      values[name] = formatMetric(typeof figure === "number" ? figure : null, locale);
    } else if (typeof figure === "number" || typeof figure === "string") {
      values[placeholder(name)] = figure;
    } else {
      return undefined;
    }
  }
  return { key: MESSAGES[decision.reasonCode], values };
}
