import { DEFAULT_BKT } from "@pathwise/engine";
import type { Candidate } from "@pathwise/ml/serving";
import type { CourseContext, LearnerRecord } from "../use-cases/learning-context";
import {
  type ConceptInfluences,
  estimateMastery,
  type MasteryEstimate,
  type PlacementPrior,
} from "../use-cases/learning-model";
import { type FoldedHistory, foldAnswers, type ServedAnswer, type ServedModel } from "./serving";

/**
 * Mastery and item predictions from a course's trained champion (issue 4, item 4). Documented in
 * docs/models.md ("What mastery means").
 *
 * p(correct) of an item is the champion's prediction for it as the learner's next answer, given every
 * answer so far. Mastery of concept c is defined from those predictions:
 *
 *   p̄_c       = mean of p(correct) over the course's items that practise c
 *   mastery_c = clip((p̄_c − g) / (1 − s − g), 0, 1),   g = 0.25, s = 0.1
 *
 * i.e. the probability of the "mastered" state of a two-state learner (Corbett & Anderson 1995) whose
 * expected success on c's items is p̄_c, with the guess and slip rates of the interim BKT (DEFAULT_BKT).
 * Reading every model's predictions through one fixed two-state link keeps "mastery" on one scale
 * whichever model is champion, so the planner's 0.95 threshold, the goals' "mastered" and the map's colour
 * bands mean the same thing for all of them. Concepts the champion does not know (added after it was
 * trained) keep the interim BKT estimate.
 */
export function masteryFromSuccess(meanSuccess: number): number {
  const { guess, slip } = DEFAULT_BKT;
  return Math.min(1, Math.max(0, (meanSuccess - guess) / (1 - slip - guess)));
}

/**
 * How many past answers explain each concept, and how many concepts get explanations per plan: each
 * explanation costs up to a replay of the history per past answer (leave-one-out for the baselines).
 */
const TOP_INFLUENCES = 5;
const MAX_EXPLAINED_CONCEPTS = 12;

export function servedAnswers(context: CourseContext, record: LearnerRecord): ServedAnswer[] {
  return record.answers.map((a) => ({
    itemId: a.itemId,
    conceptIds: context.itemById.get(a.itemId)?.conceptIds ?? [],
    correct: a.correct,
    at: a.at,
  }));
}

/** The model as the learning API names it in every response. */
export function servedModelInfo(served: ServedModel) {
  return {
    name: served.kind,
    interim: false,
    modelId: served.id,
    trainedAt: served.trainedAt.toISOString(),
    description:
      `The course's champion ${served.kind} model, trained ${served.trainedAt.toISOString().slice(0, 10)}; ` +
      "mastery is the two-state reading of its predicted success on each concept's items (docs/models.md).",
  };
}

/**
 * The estimate under `served`: item predictions for every item of the course the model can score, mastery
 * per concept as defined above, and for each concept the learner has practised the past answers that
 * weighed most on it (the model's own explanation method, `Predictor.explain`).
 */
export function championEstimate(
  context: CourseContext,
  record: LearnerRecord,
  placement: PlacementPrior | undefined,
  served: ServedModel,
  history: FoldedHistory = foldAnswers(served, servedAnswers(context, record)),
): MasteryEstimate {
  const interim = estimateMastery(context, record, placement);
  const scored: { itemId: string; candidate: Candidate }[] = [];
  for (const item of context.items) {
    const skills = item.conceptIds
      .map((id) => served.skillOf.get(id))
      .filter((s): s is number => s !== undefined);
    if (skills.length > 0)
      scored.push({ itemId: item.id, candidate: { problem: served.problemOf.get(item.id) ?? 0, skills } });
  }
  const probabilities = served.predictor.predict(
    history.state,
    scored.map((s) => s.candidate),
  );
  const itemSuccess = new Map<string, number>();
  const sums = new Map<string, { total: number; count: number }>();
  scored.forEach(({ itemId }, i) => {
    const p = probabilities[i] as number;
    itemSuccess.set(itemId, p);
    for (const conceptId of context.itemById.get(itemId)?.conceptIds ?? []) {
      const key = context.keyOfConcept.get(conceptId);
      if (key === undefined || !served.skillOf.has(conceptId)) continue;
      const sum = sums.get(key) ?? { total: 0, count: 0 };
      sum.total += p;
      sum.count += 1;
      sums.set(key, sum);
    }
  });
  const mastery = new Map(interim.mastery);
  for (const [key, { total, count }] of sums) mastery.set(key, masteryFromSuccess(total / count));

  const answers = record.answers;
  // The most recently practised concepts first: they are the ones a plan reviews or builds on next.
  const lastPractised = new Map<string, number>();
  answers.forEach((answer, i) => {
    for (const id of context.itemById.get(answer.itemId)?.conceptIds ?? []) lastPractised.set(id, i);
  });
  const practised = context.concepts
    .filter((c) => lastPractised.has(c.id))
    .sort((a, b) => (lastPractised.get(b.id) ?? 0) - (lastPractised.get(a.id) ?? 0));
  const influences = (): ConceptInfluences => {
    const out: ConceptInfluences = {};
    for (const concept of practised.slice(0, MAX_EXPLAINED_CONCEPTS)) {
      const skill = served.skillOf.get(concept.id);
      if (skill === undefined) continue;
      const explanation = served.predictor.explain(
        history.state,
        { problem: 0, skills: [skill] },
        TOP_INFLUENCES,
      );
      out[concept.key] = explanation.influences.flatMap(({ position, weight }) => {
        // Positions beyond this request's answers were folded in by a later request: not ours to name.
        const answer = answers[history.answerIndex[position] ?? -1];
        if (!answer || !Number.isFinite(weight)) return [];
        const itemKey = context.itemById.get(answer.itemId)?.key ?? answer.itemId;
        return [{ itemId: itemKey, correct: answer.correct, at: answer.at, weight }];
      });
    }
    return out;
  };
  return {
    ...interim,
    mastery,
    // The champion saw the placement answers as answers; no concept is "seeded" by a prior any more.
    seeded: new Set(),
    itemSuccess,
    influences,
    model: servedModelInfo(served),
  };
}
