import {
  DEFAULT_BKT,
  type DueReview,
  predictCorrect,
  type ReviewCard,
  ReviewScheduler,
  updateMastery,
} from "@pathwise/engine";
import type { Answer, CourseContext, LearnerRecord } from "./learning-context";
import { itemConceptKeys } from "./learning-context";
import type { StoredPlacementResult } from "./learning-placement-store";

/**
 * The interim learner model of the learning API: the engine's online BKT tracker (Corbett & Anderson 1995)
 * with fixed textbook parameters (DEFAULT_BKT), replayed over the learner's answers in this course. It
 * serves a course until a trained model has been promoted to its champion (learner-model/serving.ts);
 * every response names the model it used.
 */
export const INTERIM_MODEL: LearnerModelInfo = {
  name: "bkt-online",
  interim: true,
  description:
    "Online Bayesian Knowledge Tracing (Corbett & Anderson 1995) with fixed parameters init 0.1, learn 0.3, " +
    "guess 0.25, slip 0.1, replayed over this learner's answers; used until the course has a trained champion model.",
};

/** The learner model an estimate came from, as every learning response names it. */
export interface LearnerModelInfo {
  readonly name: string;
  readonly interim: boolean;
  readonly description: string;
  readonly modelId?: string;
  readonly trainedAt?: string;
}

/** A concept's most influential past answers (item keys), for "why this?". */
export type ConceptInfluences = Record<
  string,
  { itemId: string; correct: boolean; at: Date; weight: number }[]
>;

export interface MasteryEstimate {
  /** P(mastered) by concept key. */
  readonly mastery: Map<string, number>;
  readonly answers: Map<string, number>;
  readonly seeded: Set<string>;
  /** The prior each concept started from (default P(L0) or the placement seed). */
  readonly priors: Map<string, number>;
  /** p(correct) by item id, when a trained model predicts items directly (else derived from mastery). */
  readonly itemSuccess?: ReadonlyMap<string, number>;
  /**
   * The trained model's explanations by concept key (else the interim model's leave-one-out), computed on
   * demand: only the plan needs them, and they cost more than the estimate itself.
   */
  readonly influences?: () => ConceptInfluences;
  /** Which model produced the estimate (absent: the interim BKT). */
  readonly model?: LearnerModelInfo;
}

/** The placement argument of an estimator: the finished test's id and result. */
export interface PlacementPrior {
  readonly sessionId: string;
  readonly result: StoredPlacementResult;
}

/**
 * Mastery per concept. The prior is the default P(L0), or the mastery a finished placement test seeded;
 * then every answer updates each concept of its item. Answers given inside that placement test are not
 * replayed (the test's ability estimate already used them).
 */
export function estimateMastery(
  context: CourseContext,
  record: LearnerRecord,
  placement?: PlacementPrior,
): MasteryEstimate {
  const mastery = new Map<string, number>();
  const answers = new Map<string, number>();
  const seeded = new Set<string>();
  const priors = new Map<string, number>();
  for (const concept of context.concepts) {
    const seed = placement?.result.mastery[concept.key];
    mastery.set(concept.key, seed ?? DEFAULT_BKT.init);
    priors.set(concept.key, seed ?? DEFAULT_BKT.init);
    if (seed !== undefined) seeded.add(concept.key);
  }
  for (const answer of record.answers) {
    const item = context.itemById.get(answer.itemId);
    if (!item) continue;
    for (const key of itemConceptKeys(context, item)) {
      answers.set(key, (answers.get(key) ?? 0) + 1);
      if (placement && answer.registration === placement.sessionId) continue;
      mastery.set(key, updateMastery(mastery.get(key) ?? DEFAULT_BKT.init, answer.correct));
    }
  }
  return { mastery, answers, seeded, priors };
}

/**
 * p(correct) of an item: the trained model's own prediction when there is one, else BKT's prediction from
 * the item's weakest concept (all its concepts are needed).
 */
export function itemSuccess(context: CourseContext, estimate: MasteryEstimate, itemId: string): number {
  const predicted = estimate.itemSuccess?.get(itemId);
  if (predicted !== undefined) return predicted;
  const item = context.itemById.get(itemId);
  const keys = item ? itemConceptKeys(context, item) : [];
  const weakest = Math.min(...keys.map((k) => estimate.mastery.get(k) ?? DEFAULT_BKT.init));
  return predictCorrect(Number.isFinite(weakest) ? weakest : DEFAULT_BKT.init);
}

/**
 * FSRS cards, one per studied concept, replayed from the answers (each answer to an item reviews the cards
 * of its concepts; grades from correctness and, when known, the time taken — see engine review/fsrs.ts).
 * Expected time per item is not known yet, so grades are Again/Good only.
 */
export function reviewCards(context: CourseContext, answers: readonly Answer[]): ReviewCard[] {
  const byConcept = new Map<string, { correct: boolean; at: Date }[]>();
  for (const answer of answers) {
    const item = context.itemById.get(answer.itemId);
    if (!item) continue;
    for (const key of itemConceptKeys(context, item)) {
      byConcept.set(key, [...(byConcept.get(key) ?? []), { correct: answer.correct, at: answer.at }]);
    }
  }
  const scheduler = new ReviewScheduler();
  return [...byConcept.entries()]
    .map(([concept, history]) => scheduler.replay(concept, history))
    .filter((card): card is ReviewCard => card !== undefined);
}

export interface ReviewQueue {
  readonly due: DueReview[];
  readonly upcoming: DueReview[];
}

export function reviewQueue(cards: readonly ReviewCard[], now: Date): ReviewQueue {
  const scheduler = new ReviewScheduler();
  const due = scheduler.due(cards, now);
  const all = scheduler.due(
    cards.map((c) => ({
      ...c,
      card: { ...c.card, due: new Date(Math.min(c.card.due.getTime(), now.getTime())) },
    })),
    now,
  );
  const dueAt = new Map(cards.map((c) => [c.concept, c.card.due]));
  const upcoming = all
    .map((r) => ({ ...r, due: dueAt.get(r.concept) ?? r.due }))
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.concept.localeCompare(b.concept));
  return { due, upcoming };
}

/** Leave-one-out is quadratic in a concept's answers: only the latest ones are weighed. */
const INFLUENCE_WINDOW = 30;

/**
 * The past answers that weighed most on each concept's BKT estimate, for the explanations: an answer's
 * weight is how much the final mastery changes when that answer is left out of the replay (leave-one-out,
 * the influence measure of Cook 1977 applied to the tracker). Items are named by their stable key.
 */
export function influentialAnswers(
  context: CourseContext,
  record: LearnerRecord,
  estimate: MasteryEstimate,
  placementSessionId?: string,
) {
  const byConcept = new Map<string, Answer[]>();
  for (const answer of record.answers) {
    if (placementSessionId !== undefined && answer.registration === placementSessionId) continue;
    const item = context.itemById.get(answer.itemId);
    if (!item) continue;
    for (const key of itemConceptKeys(context, item))
      byConcept.set(key, [...(byConcept.get(key) ?? []), answer]);
  }
  const influences: ConceptInfluences = {};
  for (const [concept, all] of byConcept) {
    const earlier = all.slice(0, -INFLUENCE_WINDOW);
    const window = all.slice(-INFLUENCE_WINDOW);
    // The mastery before the window: the final estimate's prior replayed through the earlier answers.
    const prior = replay(estimate.priors.get(concept) ?? DEFAULT_BKT.init, earlier);
    const final = replay(prior, window);
    influences[concept] = window.map((answer, i) => ({
      itemId: context.itemById.get(answer.itemId)?.key ?? answer.itemId,
      correct: answer.correct,
      at: answer.at,
      weight: Math.abs(
        final -
          replay(
            prior,
            window.filter((_, j) => j !== i),
          ),
      ),
    }));
  }
  return influences;
}

const replay = (start: number, answers: readonly Answer[]) =>
  answers.reduce((m, a) => updateMastery(m, a.correct), start);
