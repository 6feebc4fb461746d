import { createHash, randomUUID } from "node:crypto";
import { asId, type CourseId, type TenantId, type UserId } from "@pathwise/domain";
import { type Database, isUniqueViolation, type Queryable, StorageError } from "../database";
import { modelTrainingData } from "./model-training-data";
import { json, toDate } from "./rows";

/**
 * The model registry (migration 0006): trained knowledge-tracing models per course, the audited
 * decisions that make one the champion, per-course retraining settings, and the reads that snapshot a
 * course's answers for training. JSON columns are written once at registration and returned as stored;
 * the model file never leaves through the summaries, only through `getChampion`/`getFile`. Settings and
 * training-data reads live in model-training-data.ts and are part of the same repository.
 */
export type ModelStatus = "candidate" | "champion" | "retired" | "rejected";
export type DecisionAction = "promote" | "rollback" | "reject" | "keep";
type Json = Record<string, unknown>;

/** Platform ids → the model's integer ids (plain records of an `IdVocabulary`'s maps). */
export interface StoredVocabulary {
  readonly concepts: Readonly<Record<string, number>>;
  readonly items: Readonly<Record<string, number>>;
}

export interface NewModel {
  readonly tenantId: TenantId;
  readonly courseId: CourseId;
  readonly kind: string;
  readonly config: Json;
  readonly metrics: Json;
  readonly fairness: readonly unknown[];
  readonly snapshot: Json;
  readonly training: Json;
  readonly card: string;
  readonly file: Uint8Array;
  readonly vocabulary: StoredVocabulary;
  readonly jobId?: string;
  /** Optional fixed id (the card names the model before it is stored). */
  readonly id?: string;
}

export interface ModelSummary {
  readonly id: string;
  readonly tenantId: TenantId;
  readonly courseId: CourseId;
  readonly kind: string;
  readonly status: ModelStatus;
  readonly config: Json;
  readonly metrics: Json;
  readonly snapshot: Json;
  readonly jobId: string | null;
  readonly createdAt: Date;
  readonly promotedAt: Date | null;
}

export interface ModelDetail extends ModelSummary {
  readonly fairness: readonly unknown[];
  readonly training: Json;
  readonly card: string;
  readonly fileSha256: string;
}

/** What serving needs to load a model: the bytes, their SHA-256 (check before decoding) and the ids. */
export interface ModelFile {
  readonly id: string;
  readonly kind: string;
  readonly file: Uint8Array;
  readonly sha256: string;
  readonly vocabulary: StoredVocabulary;
  readonly createdAt: Date;
}

export interface ModelDecision {
  readonly id: string;
  readonly tenantId: TenantId;
  readonly courseId: CourseId;
  readonly action: DecisionAction;
  readonly modelId: string | null;
  readonly previousModelId: string | null;
  readonly actorId: UserId | null;
  readonly reason: string;
  readonly comparison: Json;
  readonly decidedAt: Date;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const SUMMARY_COLUMNS = `id::text, tenant_id::text, course_id::text, kind, status, config, metrics, snapshot,
  job_id::text, created_at, promoted_at`;

interface SummaryRow {
  id: string;
  tenant_id: string;
  course_id: string;
  kind: string;
  status: ModelStatus;
  config: Json;
  metrics: Json;
  snapshot: Json;
  job_id: string | null;
  created_at: unknown;
  promoted_at: unknown;
}

const toSummary = (row: SummaryRow): ModelSummary => ({
  id: row.id,
  tenantId: asId<TenantId>(row.tenant_id),
  courseId: asId<CourseId>(row.course_id),
  kind: row.kind,
  status: row.status,
  config: row.config,
  metrics: row.metrics,
  snapshot: row.snapshot,
  jobId: row.job_id,
  createdAt: toDate(row.created_at),
  promotedAt: row.promoted_at === null ? null : toDate(row.promoted_at),
});

interface DecisionRow {
  id: string;
  tenant_id: string;
  course_id: string;
  action: DecisionAction;
  model_id: string | null;
  previous_model_id: string | null;
  actor_id: string | null;
  reason: string;
  comparison: Json;
  decided_at: unknown;
}

const toDecision = (row: DecisionRow): ModelDecision => ({
  id: row.id,
  tenantId: asId<TenantId>(row.tenant_id),
  courseId: asId<CourseId>(row.course_id),
  action: row.action,
  modelId: row.model_id,
  previousModelId: row.previous_model_id,
  actorId: row.actor_id === null ? null : asId<UserId>(row.actor_id),
  reason: row.reason,
  comparison: row.comparison,
  decidedAt: toDate(row.decided_at),
});

/** `pg` returns bytea as a Buffer, PGlite as a Uint8Array; both are Uint8Arrays. */
const toBytes = (value: unknown): Uint8Array =>
  value instanceof Uint8Array ? value : Uint8Array.from(value as ArrayLike<number>);

export interface Decide {
  readonly tenantId: TenantId;
  readonly courseId: CourseId;
  readonly modelId: string;
  /** null = the automatic champion/challenger rule. */
  readonly actorId: UserId | null;
  readonly reason: string;
  readonly comparison?: Json;
  readonly at: Date;
}

export function modelRepository(db: Database) {
  async function currentChampion(tx: Queryable, tenantId: TenantId, courseId: CourseId) {
    const { rows } = await tx.query<{ id: string }>(
      "SELECT id::text FROM models WHERE tenant_id = $1 AND course_id = $2 AND status = 'champion' FOR UPDATE",
      [tenantId, courseId],
    );
    return rows[0]?.id ?? null;
  }

  async function insertDecision(
    tx: Queryable,
    action: DecisionAction,
    input: Decide,
    previousModelId: string | null,
  ): Promise<ModelDecision> {
    const { rows } = await tx.query<DecisionRow>(
      `INSERT INTO model_decisions
         (id, tenant_id, course_id, action, model_id, previous_model_id, actor_id, reason, comparison, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
       RETURNING id::text, tenant_id::text, course_id::text, action, model_id::text,
         previous_model_id::text, actor_id::text, reason, comparison, decided_at`,
      [
        randomUUID(),
        input.tenantId,
        input.courseId,
        action,
        input.modelId,
        previousModelId,
        input.actorId,
        input.reason,
        json(input.comparison ?? {}),
        input.at,
      ],
    );
    return toDecision(rows[0] as DecisionRow);
  }

  async function requireModel(tx: Queryable, input: Decide): Promise<ModelStatus> {
    const { rows } = await tx.query<{ status: ModelStatus }>(
      "SELECT status FROM models WHERE id = $1 AND tenant_id = $2 AND course_id = $3 FOR UPDATE",
      [input.modelId, input.tenantId, input.courseId],
    );
    const status = rows[0]?.status;
    if (!status)
      throw new StorageError(`No model ${input.modelId} in course ${input.courseId}`, "not_found", {
        modelId: input.modelId,
      });
    return status;
  }

  /** Makes `modelId` the champion and retires the current one, with the decision, in one transaction. */
  async function crown(action: "promote" | "rollback", input: Decide): Promise<ModelDecision> {
    try {
      return await db.transaction(async (tx) => {
        const status = await requireModel(tx, input);
        if (status === "champion")
          throw new StorageError(`Model ${input.modelId} is already the champion`, "conflict", {
            modelId: input.modelId,
          });
        const previous = await currentChampion(tx, input.tenantId, input.courseId);
        if (previous) await tx.query("UPDATE models SET status = 'retired' WHERE id = $1", [previous]);
        await tx.query("UPDATE models SET status = 'champion', promoted_at = $2 WHERE id = $1", [
          input.modelId,
          input.at,
        ]);
        return insertDecision(tx, action, input, previous);
      });
    } catch (error) {
      // Two promotions racing into a course without a champion: the partial unique index lets one win.
      if (isUniqueViolation(error))
        throw new StorageError("Another promotion in this course happened at the same time", "conflict");
      throw error;
    }
  }

  return {
    /** Stores a trained model as a candidate; the file's SHA-256 is computed here, from the bytes stored. */
    async register(input: NewModel): Promise<ModelSummary> {
      const { rows } = await db.query<SummaryRow>(
        `INSERT INTO models (id, tenant_id, course_id, kind, config, metrics, fairness, snapshot, training, card,
           file, file_sha256, vocabulary, job_id)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13::jsonb, $14)
         RETURNING ${SUMMARY_COLUMNS}`,
        [
          input.id ?? randomUUID(),
          input.tenantId,
          input.courseId,
          input.kind,
          json(input.config),
          json(input.metrics),
          json(input.fairness),
          json(input.snapshot),
          json(input.training),
          input.card,
          input.file,
          sha256Hex(input.file),
          json(input.vocabulary),
          input.jobId ?? null,
        ],
      );
      return toSummary(rows[0] as SummaryRow);
    },

    async list(tenantId: TenantId, courseId: CourseId): Promise<ModelSummary[]> {
      const { rows } = await db.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM models WHERE tenant_id = $1 AND course_id = $2
         ORDER BY created_at DESC, id`,
        [tenantId, courseId],
      );
      return rows.map(toSummary);
    },

    /** Everything about one model but its weights. */
    async get(tenantId: TenantId, modelId: string): Promise<ModelDetail | undefined> {
      const { rows } = await db.query<
        SummaryRow & { fairness: unknown[]; training: Json; card: string; file_sha256: string }
      >(
        `SELECT ${SUMMARY_COLUMNS}, fairness, training, card, file_sha256 FROM models
         WHERE tenant_id = $1 AND id = $2`,
        [tenantId, modelId],
      );
      const row = rows[0];
      return (
        row && {
          ...toSummary(row),
          fairness: row.fairness,
          training: row.training,
          card: row.card,
          fileSha256: row.file_sha256,
        }
      );
    },

    async getFile(tenantId: TenantId, modelId: string): Promise<ModelFile | undefined> {
      const { rows } = await db.query<{
        id: string;
        kind: string;
        file: unknown;
        file_sha256: string;
        vocabulary: StoredVocabulary;
        created_at: unknown;
      }>(
        "SELECT id::text, kind, file, file_sha256, vocabulary, created_at FROM models WHERE tenant_id = $1 AND id = $2",
        [tenantId, modelId],
      );
      const row = rows[0];
      return (
        row && {
          id: row.id,
          kind: row.kind,
          file: toBytes(row.file),
          sha256: row.file_sha256,
          vocabulary: row.vocabulary,
          createdAt: toDate(row.created_at),
        }
      );
    },

    /** The id of the course's champion (an index lookup: serving checks it on every request). */
    async championId(tenantId: TenantId, courseId: CourseId): Promise<string | undefined> {
      const { rows } = await db.query<{ id: string }>(
        "SELECT id::text FROM models WHERE tenant_id = $1 AND course_id = $2 AND status = 'champion'",
        [tenantId, courseId],
      );
      return rows[0]?.id;
    },

    /** The course's champion with its file, or undefined when none has been promoted yet. */
    async getChampion(tenantId: TenantId, courseId: CourseId): Promise<ModelFile | undefined> {
      const id = await this.championId(tenantId, courseId);
      return id ? this.getFile(tenantId, id) : undefined;
    },

    promote: (input: Decide) => crown("promote", input),
    rollback: (input: Decide) => crown("rollback", input),

    /** The challenger lost the comparison: it is marked rejected, with the decision. */
    async reject(input: Decide): Promise<ModelDecision> {
      return db.transaction(async (tx) => {
        const status = await requireModel(tx, input);
        if (status !== "candidate")
          throw new StorageError(`Model ${input.modelId} is ${status}, not a candidate`, "conflict");
        const champion = await currentChampion(tx, input.tenantId, input.courseId);
        await tx.query("UPDATE models SET status = 'rejected' WHERE id = $1", [input.modelId]);
        return insertDecision(tx, "reject", input, champion);
      });
    },

    /**
     * The champion before the current one: the model the current champion replaced when it was last
     * promoted (not rolled back to). Repeated rollbacks therefore walk back through the promotions.
     */
    async previousChampion(tenantId: TenantId, courseId: CourseId): Promise<string | undefined> {
      const { rows } = await db.query<{ previous: string | null }>(
        `SELECT d.previous_model_id::text AS previous FROM model_decisions d
         JOIN models m ON m.id = d.model_id AND m.status = 'champion'
         WHERE d.tenant_id = $1 AND d.course_id = $2 AND d.action = 'promote'
         ORDER BY d.decided_at DESC, d.id LIMIT 1`,
        [tenantId, courseId],
      );
      return rows[0]?.previous ?? undefined;
    },

    async decisions(tenantId: TenantId, courseId: CourseId, limit = 100): Promise<ModelDecision[]> {
      const { rows } = await db.query<DecisionRow>(
        `SELECT id::text, tenant_id::text, course_id::text, action, model_id::text, previous_model_id::text,
           actor_id::text, reason, comparison, decided_at
         FROM model_decisions WHERE tenant_id = $1 AND course_id = $2
         ORDER BY decided_at DESC, id LIMIT $3`,
        [tenantId, courseId, limit],
      );
      return rows.map(toDecision);
    },

    ...modelTrainingData(db),
  };
}
export type ModelRepository = ReturnType<typeof modelRepository>;
