import { DEFAULT_BKT } from "@pathwise/engine";
import type { Principal } from "../auth/principal";
import type { AppDeps } from "../deps";
import { ApiError } from "../http/errors";
import { learnerEstimate } from "./learner-estimate";
import { type CourseContext, itemConceptKeys, loadCourse } from "./learning-context";
import { INTERIM_MODEL, influentialAnswers, itemSuccess } from "./learning-model";

/** Beyond this many items a prediction request must name the items it wants. */
const MAX_ALL_ITEMS = 5_000;
const TOP_INFLUENCES = 8;
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** p(correct) for the named items (or all of the course's) as the learner's next answer. */
export async function predictItems(
  deps: AppDeps,
  principal: Principal,
  learnerId: string,
  courseId: string,
  itemIds: readonly string[] | undefined,
) {
  const tenantId = principal.user.tenantId;
  const context = await loadCourse(deps, tenantId, courseId);
  if (itemIds === undefined && context.items.length > MAX_ALL_ITEMS)
    throw new ApiError(
      "validation_failed",
      `querystring.items: this course has ${context.items.length} items; name at most ${MAX_ALL_ITEMS}`,
      { field: "querystring.items" },
    );
  const ids = itemIds ?? context.items.map((i) => i.id as string);
  ids.forEach((id, i) => {
    if (!context.itemById.has(id))
      throw new ApiError("validation_failed", `querystring.items.${i}: no item ${id} in this course`, {
        field: "querystring.items",
      });
  });
  const { estimate } = await learnerEstimate(deps, tenantId, learnerId, context);
  return {
    model: estimate.model ?? INTERIM_MODEL,
    predictions: ids.map((itemId) => ({
      itemId,
      key: context.itemById.get(itemId)?.key ?? itemId,
      pCorrect: round(itemSuccess(context, estimate, itemId)),
    })),
  };
}

/**
 * Why the model predicts what it does for one item: the past answers that weighed most and the model's
 * parameters. The champion explains itself (`Predictor.explain`: attention weights for SAKT/AKT, gradient
 * × input for DNN/DKT, leave-one-out with the fitted parameters for BKT/Elo/PFA); before a champion exists
 * the interim BKT does, by leave-one-out over each of the item's concepts.
 */
export async function explainItem(
  deps: AppDeps,
  principal: Principal,
  learnerId: string,
  courseId: string,
  itemId: string,
) {
  const tenantId = principal.user.tenantId;
  const context = await loadCourse(deps, tenantId, courseId);
  const item = context.itemById.get(itemId);
  if (!item)
    throw new ApiError("not_found", `No item ${itemId} in this course`, { field: "querystring.item" });
  const { record, placement, estimate, served } = await learnerEstimate(deps, tenantId, learnerId, context);
  const concepts = itemConceptKeys(context, item).map((key) => ({
    conceptId: context.conceptByKey.get(key)?.id as string,
    key,
    mastery: round(estimate.mastery.get(key) ?? 0),
  }));
  const base = {
    model: estimate.model ?? INTERIM_MODEL,
    item: { itemId, key: item.key as string },
    concepts,
  };

  const skills = served
    ? item.conceptIds.map((id) => served.model.skillOf.get(id)).filter((s): s is number => s !== undefined)
    : [];
  if (served && skills.length > 0) {
    const { model, history } = served;
    const explanation = model.predictor.explain(
      history.state,
      { problem: model.problemOf.get(itemId) ?? 0, skills },
      TOP_INFLUENCES,
    );
    return {
      ...base,
      pCorrect: round(explanation.probability),
      method: explanation.method,
      parameters: { ...(explanation.parameters ?? {}) },
      influences: explanation.influences.flatMap(({ position, weight }) => {
        const answer = record.answers[history.answerIndex[position] ?? -1];
        return answer ? [presentInfluence(context, answer, weight)] : [];
      }),
    };
  }
  // The interim BKT: each concept's leave-one-out influences, merged, strongest first.
  const perConcept = influentialAnswers(
    context,
    record,
    estimate,
    placement?.result ? placement.id : undefined,
  );
  const influences = concepts
    .flatMap((c) => perConcept[c.key] ?? [])
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, TOP_INFLUENCES)
    .flatMap((influence) => {
      const answered = context.items.find((i) => i.key === influence.itemId);
      return answered
        ? [
            presentInfluence(
              context,
              { itemId: answered.id, correct: influence.correct, at: influence.at },
              influence.weight,
            ),
          ]
        : [];
    });
  return {
    ...base,
    pCorrect: round(itemSuccess(context, estimate, itemId)),
    method: "leave-one-out",
    parameters: {
      prior: DEFAULT_BKT.init,
      learn: DEFAULT_BKT.learn,
      guess: DEFAULT_BKT.guess,
      slip: DEFAULT_BKT.slip,
    },
    influences,
  };
}

function presentInfluence(
  context: CourseContext,
  answer: { itemId: string; correct: boolean; at: Date },
  weight: number,
) {
  return {
    itemId: answer.itemId,
    key: (context.itemById.get(answer.itemId)?.key as string | undefined) ?? answer.itemId,
    correct: answer.correct,
    at: answer.at.toISOString(),
    weight: round(weight),
  };
}
