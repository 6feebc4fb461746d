import { HistoryResponseSchema, PostEventsResponseSchema } from "@pathwise/contracts";
import { ItemIdSchema, itemObjectId, type Statement, StatementSchema, VERBS } from "@pathwise/domain";
import type { z } from "zod";
import { ApiError, apiRequest } from "./http";

export type HistoryEntry = z.infer<typeof HistoryResponseSchema>["events"][number];

/**
 * Records that a learner answered an item, as an xAPI statement with a client-made id, so a retried
 * request is recognised by the server instead of stored twice.
 */
export function answeredStatement(input: {
  learnerId: string;
  itemId: string;
  response: string;
  success: boolean | undefined;
  durationMs: number;
  language: string;
  at: Date;
}): Statement {
  const seconds = Math.max(0, Math.round(input.durationMs / 100) / 10);
  // Parsed with the shared schema: a malformed statement fails here, naming the field, not on the server.
  return StatementSchema.parse({
    id: crypto.randomUUID(),
    actor: { objectType: "Agent", id: input.learnerId },
    verb: { id: VERBS.answered, display: { en: "answered" } },
    object: { objectType: "Activity", id: itemObjectId(ItemIdSchema.parse(input.itemId)) },
    result: {
      ...(input.success === undefined ? {} : { success: input.success }),
      response: input.response,
      duration: `PT${seconds}S`,
    },
    context: { platform: "Pathwise web", language: input.language },
    timestamp: input.at.toISOString(),
  });
}

/** Sends statements, retrying network failures with the same ids (the server de-duplicates them). */
export async function postStatements(statements: Statement[], attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await apiRequest("/api/events", {
        method: "POST",
        body: statements,
        response: PostEventsResponseSchema,
      });
      return;
    } catch (error) {
      const retryable = error instanceof ApiError && error.status === 0;
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

/** Upper bound on pages read for one learner (1,000 statements each), so a huge history cannot hang a page. */
const MAX_PAGES = 20;

/** A learner's statements, oldest first, following the API's cursor pages. */
export async function fullHistory(learnerId: string, signal?: AbortSignal): Promise<HistoryEntry[]> {
  const all: HistoryEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ limit: "1000", ...(cursor ? { cursor } : {}) });
    const body = await apiRequest(`/api/learners/${encodeURIComponent(learnerId)}/events?${query}`, {
      response: HistoryResponseSchema,
      ...(signal ? { signal } : {}),
    });
    all.push(...body.events);
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return all;
}

/**
 * A learner's most recent statements, newest first. The API pages oldest first, so this reads the
 * whole history; fine for school-sized histories (hundreds of answers), to revisit with a
 * newest-first API option.
 */
export async function recentHistory(
  learnerId: string,
  count: number,
  signal?: AbortSignal,
): Promise<HistoryEntry[]> {
  return (await fullHistory(learnerId, signal)).slice(-count).reverse();
}
