import { createHash, randomUUID } from "node:crypto";
import type { PlacementSessionResponse } from "@pathwise/contracts";
import {
  asId,
  checkAnswer,
  type ItemId,
  itemObjectId,
  type StatementId,
  type UserId,
  VERBS,
} from "@pathwise/domain";
import {
  createRng,
  DEFAULT_PLACEMENT,
  deriveSeed,
  type IrtItem,
  masteryFromAbility,
  PlacementTest,
} from "@pathwise/engine";
import type { Principal } from "../auth/principal";
import type { AppDeps } from "../deps";
import { ApiError } from "../http/errors";
import { presentItem } from "../http/presenters";
import { type CourseContext, itemConceptKeys, loadCourse } from "./learning-context";
import {
  type PlacementSession,
  placementStore,
  type StoredPlacementResult,
} from "./learning-placement-store";

/**
 * Adaptive placement sessions over HTTP. The engine's PlacementTest is a pure state machine: each call
 * rebuilds it from the stored responses. Item selection is randomesque (exposure control), so its random
 * stream is seeded from the session id and the number of answers: a rebuilt test picks the same item.
 *
 * Item parameters (2PL): an item's calibrated `difficulty.irt {a, b}` when present; otherwise the author's
 * level 1–5 mapped to b = level − 3 (−2 … +2 on the N(0, 1) ability scale) with a = 1 — an assumption, not
 * a calibration. Calibrating from this platform's response data (engine cat/calibrate.ts) is not wired yet.
 * Open-text items are left out (they cannot be graded automatically).
 */
export function itemBank(context: CourseContext): IrtItem[] {
  return context.items
    .filter((item) => item.kind !== "open_text" && item.conceptIds.length > 0)
    .map((item) => ({
      id: item.id,
      a: item.difficulty.irt?.a ?? 1,
      b: item.difficulty.irt?.b ?? item.difficulty.level - 3,
    }));
}

function seedOf(sessionId: string): number {
  return createHash("sha256").update(sessionId).digest().readUInt32LE(0);
}

function rebuild(bank: readonly IrtItem[], session: Pick<PlacementSession, "maxItems" | "responses">) {
  const test = new PlacementTest(bank, { ...DEFAULT_PLACEMENT, maxItems: session.maxItems });
  for (const r of session.responses) test.answer(r.itemId, r.correct);
  return test;
}

const nextOf = (test: PlacementTest, sessionId: string, answered: number) =>
  test.nextItem(createRng(deriveSeed(seedOf(sessionId), answered)));

function seededMastery(
  context: CourseContext,
  bank: readonly IrtItem[],
  theta: number,
): Record<string, number> {
  const byConcept = new Map<string, IrtItem[]>();
  for (const irt of bank) {
    const item = context.itemById.get(irt.id);
    if (!item) continue;
    for (const key of itemConceptKeys(context, item))
      byConcept.set(key, [...(byConcept.get(key) ?? []), irt]);
  }
  return Object.fromEntries(masteryFromAbility(theta, byConcept));
}

function view(
  context: CourseContext,
  session: PlacementSession,
  test: PlacementTest,
): PlacementSessionResponse {
  const next = session.pendingItemId ? context.itemById.get(session.pendingItemId) : undefined;
  const result = session.result;
  return {
    sessionId: session.id,
    courseId: session.courseId,
    status: session.status,
    answered: session.responses.length,
    maxItems: session.maxItems,
    ...test.estimate,
    // Never the answer key: the learner is taking a test.
    ...(next && session.status === "in_progress"
      ? { nextItem: presentItem(next, { withAnswer: false }) }
      : {}),
    ...(result
      ? {
          result: {
            theta: result.theta,
            se: result.se,
            itemsAdministered: result.itemsAdministered,
            stopReason: result.stopReason,
            seededMastery: Object.entries(result.mastery).map(([key, mastery]) => ({
              conceptId: context.conceptByKey.get(key)?.id ?? key,
              key,
              mastery,
            })),
          },
        }
      : {}),
  };
}

export async function startPlacement(
  deps: AppDeps,
  principal: Principal,
  learnerId: string,
  courseId: string,
  maxItems = DEFAULT_PLACEMENT.maxItems,
): Promise<PlacementSessionResponse> {
  const tenantId = principal.user.tenantId;
  const context = await loadCourse(deps, tenantId, courseId);
  const bank = itemBank(context);
  if (bank.length === 0)
    throw new ApiError("validation_failed", `Course ${courseId} has no gradable items for a placement test`);
  const id = randomUUID();
  const test = rebuild(bank, { maxItems, responses: [] });
  const first = nextOf(test, id, 0);
  if (!first) throw new ApiError("validation_failed", "The placement test has no item to start with");
  const session = {
    id,
    tenantId,
    learnerId,
    courseId: context.course.id,
    maxItems,
    pendingItemId: first.id,
    createdAt: deps.clock(),
  };
  await placementStore(deps.db).create(session);
  return view(context, { ...session, responses: [], status: "in_progress", result: null }, test);
}

async function sessionFor(
  deps: AppDeps,
  principal: Principal,
  learnerId: string,
  courseId: string,
  id: string,
) {
  const session = await placementStore(deps.db).get(principal.user.tenantId, learnerId, id);
  if (!session || session.courseId !== courseId)
    throw new ApiError("not_found", `No placement session ${id} for this learner in course ${courseId}`);
  return session;
}

export async function placementState(
  deps: AppDeps,
  principal: Principal,
  learnerId: string,
  courseId: string,
) {
  // The course first: an unknown course is 404 even for a learner without sessions.
  const context = await loadCourse(deps, principal.user.tenantId, courseId);
  const session = await placementStore(deps.db).latest(principal.user.tenantId, learnerId, courseId);
  // No session yet is an ordinary answer (the page offers to start one), not an error.
  return { session: session ? view(context, session, rebuild(itemBank(context), session)) : null };
}

export async function answerPlacement(
  deps: AppDeps,
  principal: Principal,
  learnerId: string,
  courseId: string,
  input: { sessionId: string; itemId: string; response: string },
): Promise<PlacementSessionResponse> {
  const session = await sessionFor(deps, principal, learnerId, courseId, input.sessionId);
  if (session.status !== "in_progress" || session.pendingItemId !== input.itemId) {
    throw new ApiError(
      "validation_failed",
      session.status !== "in_progress"
        ? `Placement session ${session.id} has finished`
        : `Item ${input.itemId} is not the item placement session ${session.id} is waiting for`,
      { field: session.status !== "in_progress" ? "body.sessionId" : "body.itemId" },
    );
  }
  const context = await loadCourse(deps, principal.user.tenantId, courseId);
  const item = context.itemById.get(input.itemId);
  if (!item) throw new ApiError("not_found", `No item ${input.itemId} in course ${courseId}`);
  // An unreadable response counts as wrong (the learner could not produce a valid answer).
  const correct = checkAnswer(item.answer, input.response).status === "correct";
  const bank = itemBank(context);
  const test = rebuild(bank, session);
  test.answer(item.id, correct);
  const at = deps.clock();
  const responses = [...session.responses, { itemId: item.id as string, correct, at: at.toISOString() }];
  const next = test.stopReason() ? undefined : nextOf(test, session.id, responses.length);
  const outcome = test.result();
  const result: StoredPlacementResult | null = next
    ? null
    : {
        theta: outcome.theta,
        se: outcome.se,
        itemsAdministered: outcome.itemsAdministered,
        stopReason: outcome.stopReason ?? "bank-exhausted",
        mastery: seededMastery(context, bank, outcome.theta),
      };
  const claimed = await placementStore(deps.db).recordAnswer(
    session.id,
    input.itemId,
    responses.at(-1) as never,
    {
      pendingItemId: next?.id ?? null,
      result,
      finishedAt: result ? at : null,
    },
  );
  if (!claimed)
    throw new ApiError(
      "validation_failed",
      `Item ${input.itemId} was already answered in session ${session.id}`,
      {
        field: "body.itemId",
      },
    );
  // The answer is also learning evidence: an event in the log, grouped by the session (xAPI registration).
  await deps.repos.events.append(principal.user.tenantId, [
    {
      id: asId<StatementId>(randomUUID()),
      actor: { id: asId<UserId>(learnerId) },
      verb: { id: VERBS.answered },
      object: { id: itemObjectId(asId<ItemId>(item.id)) },
      result: { success: correct, response: input.response },
      context: { registration: session.id },
      timestamp: at.toISOString(),
    },
  ]);
  const updated: PlacementSession = {
    ...session,
    responses,
    pendingItemId: next?.id ?? null,
    status: result ? "finished" : "in_progress",
    result,
  };
  return view(context, updated, test);
}
