import { StatementSchema } from "@pathwise/domain";
import { z } from "zod";

/** Largest batch one POST may carry (the body-size limit applies too). */
export const MAX_BATCH = 10_000;

/** One statement or a batch of them (xAPI allows both on POST /statements). */
export const PostEventsRequestSchema = z.union([
  StatementSchema,
  z.array(StatementSchema).min(1).max(MAX_BATCH),
]);

export const PostEventsResponseSchema = z.object({
  /** Per statement, in request order: stored now, or already stored with identical content. */
  results: z.array(z.object({ id: z.uuid(), status: z.enum(["stored", "unchanged"]) })),
});

export const HistoryQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, "a cursor is the nextCursor of the previous page")
    .optional(),
});

export const HistoryResponseSchema = z.object({
  events: z.array(z.object({ statement: StatementSchema, storedAt: z.iso.datetime() })),
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor: z.string().optional(),
});
