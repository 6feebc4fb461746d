import { createHash } from "node:crypto";
import {
  asId,
  canonicalJson,
  type Statement,
  type StatementId,
  type TenantId,
  toLearnerEvent,
  type UserId,
} from "@pathwise/domain";
import { type Database, type Queryable, StorageError } from "../database";
import { json, toDate } from "./rows";

export interface StoredEvent {
  readonly statement: Statement;
  readonly storedAt: Date;
  /** Opaque position in the learner's history, usable as a page cursor. */
  readonly cursor: string;
}

export interface AppendResult {
  /** Per statement, in input order: newly stored, or an identical statement was already stored. */
  readonly results: readonly { readonly id: StatementId; readonly status: "stored" | "unchanged" }[];
}

/** The same statement id already stored with different content (xAPI: 409 Conflict). */
export class EventConflictError extends StorageError {
  constructor(readonly ids: readonly StatementId[]) {
    super(`Statement id already stored with different content: ${ids.join(", ")}`, "conflict", { ids });
    this.name = "EventConflictError";
  }
}

export function statementHash(statement: Statement): string {
  return createHash("sha256").update(canonicalJson(statement)).digest("hex");
}

async function storedHashes(tx: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await tx.query<{ id: string; content_hash: string }>(
    "SELECT id::text, content_hash FROM events WHERE id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)",
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((row) => [row.id, row.content_hash]));
}

/**
 * The append-only learning record store. `append` writes a whole batch in one transaction or nothing:
 * statements already stored with identical content are left unchanged (idempotent replay), any with
 * different content abort the batch with EventConflictError. Callers check actors belong to the tenant.
 */
export function eventRepository(db: Database) {
  return {
    async append(tenantId: TenantId, statements: readonly Statement[]): Promise<AppendResult> {
      const ids = statements.map((statement) => statement.id.toLowerCase());
      const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
      if (duplicate !== undefined) {
        throw new StorageError(`Duplicate statement id in batch: ${duplicate}`, "invalid", { id: duplicate });
      }
      const hashes = statements.map(statementHash);
      const appendBatch = async (tx: Queryable): Promise<AppendResult> => {
        const rows = statements.map((statement, i) => {
          const event = toLearnerEvent(statement);
          return {
            ord: i,
            id: event.id,
            learner_id: event.learnerId,
            verb: event.verb,
            object_id: event.objectId,
            item_id: event.itemId ?? null,
            correct: event.correct ?? null,
            occurred_at: statement.timestamp,
            content_hash: hashes[i],
            statement,
          };
        });
        // Insert first (ORDER BY ord keeps `seq` in batch order); ids already stored are skipped by
        // ON CONFLICT and compared afterwards. A conflict throws, rolling the whole batch back.
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO events (id, tenant_id, learner_id, verb, object_id, item_id, correct, occurred_at, content_hash, statement)
           SELECT r.id, $1, r.learner_id, r.verb, r.object_id, r.item_id, r.correct, r.occurred_at, r.content_hash, r.statement
           FROM jsonb_to_recordset($2::jsonb) AS r(ord integer, id uuid, learner_id uuid, verb text, object_id text,
             item_id uuid, correct boolean, occurred_at timestamptz, content_hash text, statement jsonb)
           ORDER BY r.ord
           ON CONFLICT (id) DO NOTHING
           RETURNING id::text`,
          [tenantId, json(rows)],
        );
        const stored = new Set(inserted.rows.map((row) => row.id));
        const existing = ids.filter((id) => !stored.has(id));
        if (existing.length > 0) {
          const hashesStored = await storedHashes(tx, existing);
          const conflicts = ids.filter((id, i) => hashesStored.has(id) && hashesStored.get(id) !== hashes[i]);
          if (conflicts.length > 0)
            throw new EventConflictError(conflicts.map((id) => asId<StatementId>(id)));
        }
        return {
          results: ids.map((id) => ({
            id: asId<StatementId>(id),
            status: stored.has(id) ? "stored" : "unchanged",
          })),
        };
      };
      // One statement is one INSERT, atomic by itself: if it conflicts nothing was written, so it
      // needs no explicit transaction (in PGlite, BEGIN and COMMIT are two more round trips).
      return statements.length === 1 ? appendBatch(db) : db.transaction(appendBatch);
    },

    async get(tenantId: TenantId, id: StatementId): Promise<StoredEvent | undefined> {
      const { rows } = await db.query<{ statement: Statement; stored_at: unknown; seq: string }>(
        "SELECT statement, stored_at, seq::text FROM events WHERE tenant_id = $1 AND id = $2",
        [tenantId, id],
      );
      const row = rows[0];
      return row && { statement: row.statement, storedAt: toDate(row.stored_at), cursor: row.seq };
    },

    /** A learner's statements in (timestamp, arrival) order, `limit` at a time after `cursor`. */
    async history(
      tenantId: TenantId,
      learnerId: UserId,
      page: { limit: number; cursor?: string },
    ): Promise<{ events: StoredEvent[]; nextCursor?: string }> {
      if (page.cursor !== undefined && !/^\d{1,19}$/.test(page.cursor)) {
        throw new StorageError(`Invalid history cursor: ${JSON.stringify(page.cursor)}`, "invalid", {
          field: "cursor",
        });
      }
      // ORDER BY names the table's columns: a bare `seq` would sort by the text output column
      // `seq::text` ("100009" < "99949"), disagreeing with the numeric keyset comparison.
      const { rows } = await db.query<{ statement: Statement; stored_at: unknown; seq: string }>(
        `SELECT statement, stored_at, seq::text FROM events
         WHERE tenant_id = $1 AND learner_id = $2
           AND ($3::bigint IS NULL OR (occurred_at, seq) >
                (SELECT occurred_at, seq FROM events WHERE seq = $3::bigint AND learner_id = $2))
         ORDER BY events.occurred_at, events.seq LIMIT $4`,
        [tenantId, learnerId, page.cursor ?? null, page.limit + 1],
      );
      const events = rows.slice(0, page.limit).map((row) => ({
        statement: row.statement,
        storedAt: toDate(row.stored_at),
        cursor: row.seq,
      }));
      const last = events[events.length - 1];
      return rows.length > page.limit && last ? { events, nextCursor: last.cursor } : { events };
    },

    async countForTenant(tenantId: TenantId): Promise<number> {
      const { rows } = await db.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM events WHERE tenant_id = $1",
        [tenantId],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
export type EventRepository = ReturnType<typeof eventRepository>;
