import {
  asId,
  buildConceptGraph,
  type ConceptGraph,
  type ConceptId,
  type CourseId,
  type LearnerEvent,
  type TenantId,
  toLearnerEvent,
  type UserId,
  VERBS,
} from "@pathwise/domain";
import type { ConceptLabels } from "@pathwise/engine";
import type { StoredConcept, StoredCourse, StoredItem } from "@pathwise/storage";
import type { AppDeps } from "../deps";
import { ApiError } from "../http/errors";

/**
 * Everything the learning endpoints read for one learner in one course: the course, its concept graph
 * (keyed by the concepts' stable keys, which the engine's reasons and explanations then name), its items,
 * and the learner's answers and recommendation ratings from the event log, oldest first.
 */
export interface CourseContext {
  readonly course: StoredCourse;
  readonly concepts: readonly StoredConcept[];
  readonly conceptByKey: ReadonlyMap<string, StoredConcept>;
  readonly keyOfConcept: ReadonlyMap<ConceptId, string>;
  readonly graph: ConceptGraph<string>;
  readonly labels: ConceptLabels;
  readonly items: readonly StoredItem[];
  readonly itemById: ReadonlyMap<string, StoredItem>;
}

export interface Answer {
  readonly itemId: string;
  readonly correct: boolean;
  readonly at: Date;
  readonly seconds?: number;
  /** xAPI context.registration: the placement session id for placement answers. */
  readonly registration?: string;
}

export interface LearnerRecord {
  readonly answers: readonly Answer[];
  readonly ratings: readonly { itemId: string; rating: string; at: Date }[];
}

/** Upper bounds that keep one request's work bounded (a learner with more history is read up to this). */
const MAX_ITEMS = 20_000;
const MAX_EVENTS = 100_000;
const PAGE = 1_000;

export async function loadCourse(
  deps: AppDeps,
  tenantId: TenantId,
  courseId: string,
): Promise<CourseContext> {
  const id = asId<CourseId>(courseId);
  const course = await deps.repos.content.getCourse(tenantId, id);
  const stored = course && (await deps.repos.content.getConceptGraph(tenantId, id));
  if (!course || !stored) throw new ApiError("not_found", `No course ${courseId}`);
  const keyOfConcept = new Map(stored.concepts.map((c) => [c.id, c.key as string]));
  const keyOf = (conceptId: ConceptId) => keyOfConcept.get(conceptId) ?? conceptId;
  const graph = buildConceptGraph<string>(
    stored.concepts.map((c) => c.key),
    stored.prerequisites.map((e) => ({ concept: keyOf(e.concept), requires: keyOf(e.requires) })),
  );
  const items: StoredItem[] = [];
  for (let offset = 0; offset < MAX_ITEMS; offset += PAGE) {
    const page = await deps.repos.content.listItems(tenantId, id, { limit: PAGE, offset });
    items.push(...page);
    if (page.length < PAGE) break;
  }
  return {
    course,
    concepts: stored.concepts,
    conceptByKey: new Map(stored.concepts.map((c) => [c.key as string, c])),
    keyOfConcept,
    graph,
    labels: new Map(
      stored.concepts.map((c) => [
        c.key as string,
        { en: c.title.en, ...(c.title["zh-CN"] ? { "zh-CN": c.title["zh-CN"] } : {}) },
      ]),
    ),
    items,
    itemById: new Map(items.map((item) => [item.id as string, item])),
  };
}

/** The concept keys an item practises (the engine works on keys). */
export function itemConceptKeys(context: CourseContext, item: StoredItem): string[] {
  return item.conceptIds
    .map((id) => context.keyOfConcept.get(id))
    .filter((k): k is string => k !== undefined);
}

/** The learner's answers to this course's items and their recommendation ratings, oldest first. */
export async function loadLearnerRecord(
  deps: AppDeps,
  tenantId: TenantId,
  learnerId: string,
  context: CourseContext,
): Promise<LearnerRecord> {
  const events: LearnerEvent[] = [];
  const registrations = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await deps.repos.events.history(tenantId, asId<UserId>(learnerId), {
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    });
    for (const stored of page.events) {
      const event = toLearnerEvent(stored.statement);
      if (event.itemId === undefined || !context.itemById.has(event.itemId)) continue;
      events.push(event);
      const registration = stored.statement.context?.registration;
      if (registration) registrations.set(event.id, registration);
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined && events.length < MAX_EVENTS);
  const answers: Answer[] = [];
  const ratings: { itemId: string; rating: string; at: Date }[] = [];
  for (const event of events) {
    const itemId = event.itemId as string;
    if (event.verb === VERBS.answered && event.correct !== undefined) {
      const registration = registrations.get(event.id);
      answers.push({
        itemId,
        correct: event.correct,
        at: event.timestamp,
        ...(event.durationMs === undefined ? {} : { seconds: event.durationMs / 1000 }),
        ...(registration ? { registration } : {}),
      });
    } else if (event.verb === VERBS.rated && event.response !== undefined) {
      ratings.push({ itemId, rating: event.response, at: event.timestamp });
    }
  }
  return { answers, ratings };
}
