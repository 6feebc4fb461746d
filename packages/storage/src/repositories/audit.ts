import type { Role, TenantId, UserId } from "@pathwise/domain";
import type { Queryable } from "../database";
import { toDate } from "./rows";

export type AccessOutcome = "allowed" | "forbidden" | "not_found";

/**
 * Whose data a request reached: learners named by the request, the learners of a class (a class-level
 * read), or the learner of a goal. The repository resolves classes and goals inside the append itself,
 * within the caller's school only.
 */
export type AuditSubject =
  | { readonly kind: "learners"; readonly learnerIds: readonly string[] }
  | { readonly kind: "class"; readonly classId: string }
  | { readonly kind: "goal"; readonly goalId: string };

export interface NewAccessRecord {
  readonly tenantId: TenantId;
  readonly at: Date;
  readonly actorId: UserId;
  readonly actorRole: Role;
  readonly subject: AuditSubject;
  /** The route template with its method, e.g. `GET /api/learners/:learnerId/events`. */
  readonly route: string;
  /** The concrete path (no query string). */
  readonly path: string;
  readonly outcome: AccessOutcome;
}

export interface AccessRecord {
  readonly tenantId: string;
  readonly seq: number;
  readonly at: Date;
  readonly actorId: string;
  readonly actorRole: string;
  readonly learnerIds: readonly string[];
  readonly route: string;
  readonly path: string;
  readonly outcome: AccessOutcome;
  readonly hash: string;
}

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

interface AccessRow {
  tenant_id: string;
  seq: string | number;
  at: unknown;
  actor_id: string;
  actor_role: string;
  learner_ids: string[];
  route: string;
  path: string;
  outcome: AccessOutcome;
  hash: string;
}

const toRecord = (row: AccessRow): AccessRecord => ({
  tenantId: row.tenant_id,
  seq: Number(row.seq),
  at: toDate(row.at),
  actorId: row.actor_id,
  actorRole: row.actor_role,
  learnerIds: row.learner_ids,
  route: row.route,
  path: row.path,
  outcome: row.outcome,
  hash: row.hash,
});

/**
 * One statement appends a row: it resolves the subject's learners, advances the school's head (its row
 * lock orders concurrent appends) computing the chained hash with `access_audit_hash` (migration 8), and
 * inserts the row. When the only learner reached is the actor (a learner's own goal) or nobody, nothing is
 * written. Parameters: $1 tenant, $2 at, $3 actor, $4 role, $5 route, $6 path, $7 outcome, $8 subject kind,
 * $9 class or goal id, $10 learner ids.
 */
const APPEND = `
WITH subject AS (
  SELECT CASE $8::text
    WHEN 'class' THEN ARRAY(
      SELECT e.user_id::text FROM enrolments e JOIN classes c ON c.id = e.class_id
      WHERE e.class_id = $9::uuid AND c.tenant_id = $1::uuid AND e.role = 'learner' ORDER BY 1)
    WHEN 'goal' THEN ARRAY(SELECT g.learner_id::text FROM goals g WHERE g.id = $9::uuid AND g.tenant_id = $1::uuid)
    ELSE $10::text[]
  END AS learner_ids
), kept AS (
  SELECT learner_ids FROM subject
  WHERE cardinality(learner_ids) > 0 AND learner_ids <> ARRAY[$3::uuid::text]
), head AS (
  INSERT INTO access_audit_heads AS h (tenant_id, seq, hash)
  SELECT $1::uuid, 1,
    access_audit_hash('', 1, $1::uuid, $2::timestamptz, $3::uuid, $4::text, kept.learner_ids, $5::text, $6::text, $7::text)
  FROM kept
  ON CONFLICT (tenant_id) DO UPDATE SET
    seq = h.seq + 1,
    hash = access_audit_hash(h.hash, h.seq + 1, $1::uuid, $2::timestamptz, $3::uuid, $4::text,
      (SELECT learner_ids FROM kept), $5::text, $6::text, $7::text)
  RETURNING seq, hash
)
INSERT INTO access_audit (tenant_id, seq, at, actor_id, actor_role, learner_ids, route, path, outcome, hash)
SELECT $1::uuid, head.seq, $2::timestamptz, $3::uuid, $4::text, kept.learner_ids, $5::text, $6::text, $7::text, head.hash
FROM head, kept
RETURNING seq`;

/** The staff-access audit log (TRUST #23): append-only, hash-chained per school (TRUST #15). */
export function auditRepository(db: Queryable) {
  return {
    /** Appends one row; answers its sequence number, or undefined when nobody else's data was reached. */
    async append(record: NewAccessRecord): Promise<number | undefined> {
      const { subject } = record;
      const { rows } = await db.query<{ seq: string | number }>(APPEND, [
        record.tenantId,
        record.at,
        record.actorId,
        record.actorRole,
        record.route,
        record.path,
        record.outcome,
        subject.kind,
        subject.kind === "class" ? subject.classId : subject.kind === "goal" ? subject.goalId : null,
        subject.kind === "learners" ? subject.learnerIds : [],
      ]);
      return rows[0] === undefined ? undefined : Number(rows[0].seq);
    },
    /** Newest first; optionally only rows naming one learner, and only before a sequence number (paging). */
    async list(
      tenantId: TenantId,
      query: { learnerId?: string | undefined; before?: number | undefined; limit: number },
    ): Promise<AccessRecord[]> {
      const { rows } = await db.query<AccessRow>(
        `SELECT * FROM access_audit WHERE tenant_id = $1
           AND ($2::text IS NULL OR learner_ids @> ARRAY[$2::text])
           AND ($3::bigint IS NULL OR seq < $3::bigint)
         ORDER BY seq DESC LIMIT $4`,
        [tenantId, query.learnerId ?? null, query.before ?? null, query.limit],
      );
      return rows.map(toRecord);
    },
    /** Oldest first after a sequence number: what the chain verifier walks. */
    async chainAfter(tenantId: TenantId, afterSeq: number, limit: number): Promise<AccessRecord[]> {
      const { rows } = await db.query<AccessRow>(
        "SELECT * FROM access_audit WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        [tenantId, afterSeq, limit],
      );
      return rows.map(toRecord);
    },
    /** The school's last sequence number and hash; undefined before its first row. */
    async head(tenantId: TenantId): Promise<AuditHead | undefined> {
      const { rows } = await db.query<{ seq: string | number; hash: string }>(
        "SELECT seq, hash FROM access_audit_heads WHERE tenant_id = $1",
        [tenantId],
      );
      const row = rows[0];
      return row && { seq: Number(row.seq), hash: row.hash };
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
