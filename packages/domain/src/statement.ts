import { z } from "zod";
import {
  type ItemId,
  ItemIdSchema,
  type StatementId,
  StatementIdSchema,
  type UserId,
  UserIdSchema,
} from "./ids";

/**
 * A learning record, shaped like an xAPI 1.0.3 statement (https://github.com/adlnet/xAPI-Spec):
 * actor, verb, object, result, context, timestamp and a client-generated UUID `id`. The client makes
 * the id so a retried POST is recognised: the same id with the same content changes nothing, the same
 * id with different content is a conflict. Simplifications: the actor is identified by its Pathwise
 * user id (an xAPI account whose name is that id); language maps hold English and Chinese.
 */
export const VERBS = {
  answered: "http://adlnet.gov/expapi/verbs/answered",
  attempted: "http://adlnet.gov/expapi/verbs/attempted",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  experienced: "http://adlnet.gov/expapi/verbs/experienced",
  rated: "https://pathwise.dev/verbs/rated",
  requestedHint: "https://pathwise.dev/verbs/requested-hint",
} as const;

/** Object ids for Pathwise items: `urn:pathwise:item:<uuid>`. Other activities may use any IRI. */
export const ITEM_OBJECT_PREFIX = "urn:pathwise:item:";
export function itemObjectId(itemId: ItemId): string {
  return `${ITEM_OBJECT_PREFIX}${itemId}`;
}

const IriSchema = z
  .string()
  .min(3)
  .max(2048)
  .regex(/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/, "expected an IRI (scheme:rest)");
const LanguageMapSchema = z.record(z.string().min(2).max(20), z.string().max(1000));

export const StatementSchema = z.strictObject({
  id: StatementIdSchema,
  actor: z.strictObject({
    objectType: z.literal("Agent").optional(),
    id: UserIdSchema,
  }),
  verb: z.strictObject({ id: IriSchema, display: LanguageMapSchema.optional() }),
  object: z.strictObject({
    objectType: z.literal("Activity").optional(),
    id: IriSchema,
    definition: z.strictObject({ type: IriSchema.optional(), name: LanguageMapSchema.optional() }).optional(),
  }),
  result: z
    .strictObject({
      success: z.boolean().optional(),
      completion: z.boolean().optional(),
      score: z
        .strictObject({
          scaled: z.number().min(-1).max(1).optional(),
          raw: z.number().finite().optional(),
          min: z.number().finite().optional(),
          max: z.number().finite().optional(),
        })
        .optional(),
      response: z.string().max(5000).optional(),
      duration: z.iso.duration().optional(),
    })
    .optional(),
  context: z
    .strictObject({
      registration: z.uuid().optional(),
      platform: z.string().max(100).optional(),
      language: z.string().min(2).max(20).optional(),
      extensions: z.record(IriSchema, z.json()).optional(),
    })
    .optional(),
  timestamp: z.iso.datetime({ offset: true }),
});
export type Statement = z.infer<typeof StatementSchema>;

/**
 * The canonical learner event: what knowledge-tracing and the path engine read. One per statement;
 * `correct` comes from `result.success`; `itemId` only when the object is a Pathwise item.
 */
export interface LearnerEvent {
  readonly id: StatementId;
  readonly learnerId: UserId;
  readonly verb: string;
  readonly objectId: string;
  readonly itemId?: ItemId;
  readonly correct?: boolean;
  readonly score?: number;
  readonly response?: string;
  readonly durationMs?: number;
  readonly timestamp: Date;
}

/** Parses an ISO 8601 duration (`PT1M30.5S`) into milliseconds; years/months are not allowed in xAPI results. */
export function durationToMs(duration: string): number | undefined {
  const match =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      duration,
    );
  if (!match) return undefined;
  const [, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return Math.round(((((days ?? 0) * 24 + (hours ?? 0)) * 60 + (minutes ?? 0)) * 60 + (seconds ?? 0)) * 1000);
}

export function toLearnerEvent(statement: Statement): LearnerEvent {
  const itemText = statement.object.id.startsWith(ITEM_OBJECT_PREFIX)
    ? statement.object.id.slice(ITEM_OBJECT_PREFIX.length)
    : undefined;
  const item = itemText === undefined ? undefined : ItemIdSchema.safeParse(itemText);
  const result = statement.result;
  const durationMs = result?.duration === undefined ? undefined : durationToMs(result.duration);
  return {
    id: statement.id,
    learnerId: statement.actor.id,
    verb: statement.verb.id,
    objectId: statement.object.id,
    ...(item?.success ? { itemId: item.data } : {}),
    ...(result?.success === undefined ? {} : { correct: result.success }),
    ...(result?.score?.scaled === undefined ? {} : { score: result.score.scaled }),
    ...(result?.response === undefined ? {} : { response: result.response }),
    ...(durationMs === undefined ? {} : { durationMs }),
    timestamp: new Date(statement.timestamp),
  };
}

/**
 * A canonical JSON text of a statement (keys sorted, absent fields omitted) so "same content" can be
 * decided by comparing strings or their hashes, independent of the key order a client happened to send.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
