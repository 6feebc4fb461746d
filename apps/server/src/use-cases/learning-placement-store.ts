import type { Queryable } from "@pathwise/storage";

/**
 * SQL for the `placement_sessions` table (migration 0004). Kept beside the learning use cases because
 * only they read it. Responses are `{ itemId, correct, at }` in the order administered.
 */
export interface PlacementResponse {
  readonly itemId: string;
  readonly correct: boolean;
  readonly at: string;
}

export interface StoredPlacementResult {
  readonly theta: number;
  readonly se: number;
  readonly itemsAdministered: number;
  readonly stopReason: "se-threshold" | "item-cap" | "bank-exhausted";
  /** Seeded mastery by concept key. */
  readonly mastery: Record<string, number>;
}

export interface PlacementSession {
  readonly id: string;
  readonly tenantId: string;
  readonly learnerId: string;
  readonly courseId: string;
  readonly maxItems: number;
  readonly responses: readonly PlacementResponse[];
  readonly pendingItemId: string | null;
  readonly status: "in_progress" | "finished";
  readonly result: StoredPlacementResult | null;
  readonly createdAt: Date;
}

interface Row {
  id: string;
  tenant_id: string;
  learner_id: string;
  course_id: string;
  max_items: number;
  responses: unknown;
  pending_item_id: string | null;
  status: "in_progress" | "finished";
  result: unknown;
  created_at: unknown;
}

const parseJson = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);

const toSession = (row: Row): PlacementSession => ({
  id: row.id,
  tenantId: row.tenant_id,
  learnerId: row.learner_id,
  courseId: row.course_id,
  maxItems: Number(row.max_items),
  responses: parseJson(row.responses) as PlacementResponse[],
  pendingItemId: row.pending_item_id,
  status: row.status,
  result: (parseJson(row.result) as StoredPlacementResult | null) ?? null,
  createdAt: row.created_at instanceof Date ? row.created_at : new Date(String(row.created_at)),
});

const SELECT = `SELECT id::text, tenant_id::text, learner_id::text, course_id::text, max_items, responses,
  pending_item_id::text, status, result, created_at FROM placement_sessions`;

export function placementStore(db: Queryable) {
  return {
    async create(session: {
      id: string;
      tenantId: string;
      learnerId: string;
      courseId: string;
      maxItems: number;
      pendingItemId: string;
      createdAt: Date;
    }): Promise<void> {
      await db.query(
        `INSERT INTO placement_sessions (id, tenant_id, learner_id, course_id, max_items, pending_item_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          session.id,
          session.tenantId,
          session.learnerId,
          session.courseId,
          session.maxItems,
          session.pendingItemId,
          session.createdAt,
        ],
      );
    },

    /** A session of this learner in this tenant (undefined otherwise: other people's ids are not revealed). */
    async get(tenantId: string, learnerId: string, sessionId: string): Promise<PlacementSession | undefined> {
      const { rows } = await db.query<Row>(`${SELECT} WHERE id = $1 AND tenant_id = $2 AND learner_id = $3`, [
        sessionId,
        tenantId,
        learnerId,
      ]);
      return rows[0] && toSession(rows[0]);
    },

    async latest(
      tenantId: string,
      learnerId: string,
      courseId: string,
      status?: "finished",
    ): Promise<PlacementSession | undefined> {
      const { rows } = await db.query<Row>(
        `${SELECT} WHERE tenant_id = $1 AND learner_id = $2 AND course_id = $3 AND ($4::text IS NULL OR status = $4)
         ORDER BY created_at DESC, id LIMIT 1`,
        [tenantId, learnerId, courseId, status ?? null],
      );
      return rows[0] && toSession(rows[0]);
    },

    /**
     * Records an answer to the pending item: only if `expectedPending` is still the pending item (a
     * concurrent or repeated answer finds it changed and gets false; nothing is written twice).
     */
    async recordAnswer(
      sessionId: string,
      expectedPending: string,
      response: PlacementResponse,
      next: { pendingItemId: string | null; result: StoredPlacementResult | null; finishedAt: Date | null },
    ): Promise<boolean> {
      const { affectedRows } = await db.query(
        `UPDATE placement_sessions
         SET responses = responses || $3::jsonb, pending_item_id = $4, result = $5::jsonb,
             status = CASE WHEN $5::jsonb IS NULL THEN 'in_progress' ELSE 'finished' END, finished_at = $6
         WHERE id = $1 AND status = 'in_progress' AND pending_item_id = $2`,
        [
          sessionId,
          expectedPending,
          JSON.stringify([response]),
          next.pendingItemId,
          next.result === null ? null : JSON.stringify(next.result),
          next.finishedAt,
        ],
      );
      return affectedRows === 1;
    },
  };
}
