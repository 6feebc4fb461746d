import type { AutomaticReasonCode } from "@pathwise/contracts";

/**
 * The champion/challenger rule (DESIGN.md, "select a model" and "optimize"): among a training run's
 * candidates, the challenger is the one with the best validation AUC — validation learners chose it, so
 * the test learners stay untouched by the choice. A course without a champion takes the challenger. A
 * course with one keeps it unless the challenger's AUC on the same held-out learners (scored by both
 * models) beats the champion's by at least the configured minimum gain: a new model must earn the
 * disruption of changing every learner's mastery estimates.
 */
export interface ScoredCandidate {
  readonly modelId: string;
  readonly kind: string;
  readonly validAuc: number;
}

/** Best validation AUC; a candidate whose AUC is not a number never wins; ties keep the earlier one. */
export function chooseChallenger(candidates: readonly ScoredCandidate[]): ScoredCandidate | undefined {
  let best: ScoredCandidate | undefined;
  for (const candidate of candidates) {
    if (!Number.isFinite(candidate.validAuc)) continue;
    if (!best || candidate.validAuc > best.validAuc) best = candidate;
  }
  return best;
}

/** How the current champion and the challenger scored on the same held-out answers. */
export interface HeadToHead {
  readonly championId: string;
  readonly championKind: string;
  readonly championAuc: number;
  readonly challengerAuc: number;
  /** Answers both models were scored on (those whose item and concepts the champion knows). */
  readonly answers: number;
  readonly learners: number;
}

/**
 * The decision, the reason as a code (clients say it in their language from the code and the
 * decision's comparison figures) and the same reason in English for logs and the audit record.
 */
export interface Verdict {
  readonly action: "promote" | "reject";
  readonly code: AutomaticReasonCode;
  readonly reason: string;
}

const f = (value: number) => (Number.isFinite(value) ? value.toFixed(4) : "undefined");

export function decide(input: {
  readonly challenger: ScoredCandidate;
  readonly candidates: number;
  /** Absent: the course has no champion. */
  readonly champion?:
    | { readonly kind: "compared"; readonly result: HeadToHead }
    | { readonly kind: "unusable"; readonly championId: string; readonly problem: string };
  readonly minGain: number;
}): Verdict {
  const { challenger, champion, minGain } = input;
  const chosen = `${challenger.kind} had the best validation AUC (${f(challenger.validAuc)}) of ${input.candidates} candidate(s)`;
  if (!champion) return { action: "promote", code: "first-champion", reason: `No champion yet; ${chosen}` };
  if (champion.kind === "unusable")
    return {
      action: "promote",
      code: "champion-unusable",
      reason: `The champion ${champion.championId} could not be evaluated (${champion.problem}); ${chosen}`,
    };
  const { championAuc, challengerAuc, championKind, answers, learners } = champion.result;
  const on = `on ${answers} answers of ${learners} held-out learners`;
  if (!Number.isFinite(challengerAuc) || !Number.isFinite(championAuc))
    return {
      action: "reject",
      code: "auc-undefined",
      reason: `AUC is undefined ${on} (too few answers, or all of one kind); the champion stays`,
    };
  if (challengerAuc >= championAuc + minGain)
    return {
      action: "promote",
      code: "challenger-better",
      reason: `${challenger.kind} AUC ${f(challengerAuc)} beats the champion (${championKind}) ${f(championAuc)} by at least ${minGain} ${on}`,
    };
  return {
    action: "reject",
    code: "challenger-not-better",
    reason: `${challenger.kind} AUC ${f(challengerAuc)} does not beat the champion (${championKind}) ${f(championAuc)} by ${minGain} ${on}`,
  };
}
