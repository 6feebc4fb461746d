import {
  asId,
  type ClassId,
  type CourseId,
  type LocalizedText,
  type TenantId,
  VERBS,
} from "@pathwise/domain";
import type { Queryable } from "../database";
import { json, text, toDate } from "./rows";

type Json = Record<string, unknown>;

/**
 * The model registry's training side: per-course retraining settings (`model_settings`), and the reads
 * that snapshot a course's answers and its learners' groups for training and the fairness table.
 */
export interface ModelSettings {
  readonly courseId: CourseId;
  readonly tenantId: TenantId;
  readonly candidates: readonly { readonly kind: string; readonly config?: Json }[];
  readonly retrainEveryEvents: number | null;
  readonly retrainIntervalHours: number | null;
  readonly lastTrainedSeq: number;
  readonly lastTrainedAt: Date | null;
  readonly updatedAt: Date;
}

/** One answer of a course's snapshot: who, which item, right or wrong, when, and its log position. */
export interface SnapshotAnswer {
  readonly learnerId: string;
  readonly itemId: string;
  readonly correct: boolean;
  readonly occurredAt: Date;
  readonly seq: number;
}

export interface CourseAnswers {
  /** The largest event seq included (0 when the course has no answers). */
  readonly maxSeq: number;
  readonly answers: readonly SnapshotAnswer[];
  /** item id → its concept ids (items without concepts are absent). */
  readonly itemConcepts: ReadonlyMap<string, readonly string[]>;
}

interface SettingsRow {
  course_id: string;
  tenant_id: string;
  candidates: ModelSettings["candidates"];
  retrain_every_events: number | null;
  retrain_interval_hours: number | null;
  last_trained_seq: string;
  last_trained_at: unknown;
  updated_at: unknown;
}

const toSettings = (row: SettingsRow): ModelSettings => ({
  courseId: asId<CourseId>(row.course_id),
  tenantId: asId<TenantId>(row.tenant_id),
  candidates: row.candidates,
  retrainEveryEvents: row.retrain_every_events,
  retrainIntervalHours: row.retrain_interval_hours,
  lastTrainedSeq: Number(row.last_trained_seq),
  lastTrainedAt: row.last_trained_at === null ? null : toDate(row.last_trained_at),
  updatedAt: toDate(row.updated_at),
});

/** The answer events of one course: verb answered, graded, on one of the course's items. */
const COURSE_ANSWERS = `FROM events e JOIN items i ON i.id = e.item_id
  WHERE e.tenant_id = $1 AND i.course_id = $2 AND e.verb = $3 AND e.correct IS NOT NULL`;

export function modelTrainingData(db: Queryable) {
  return {
    async getSettings(tenantId: TenantId, courseId: CourseId): Promise<ModelSettings | undefined> {
      const { rows } = await db.query<SettingsRow>(
        "SELECT * FROM model_settings WHERE tenant_id = $1 AND course_id = $2",
        [tenantId, courseId],
      );
      return rows[0] && toSettings(rows[0]);
    },

    async putSettings(input: {
      tenantId: TenantId;
      courseId: CourseId;
      candidates: ModelSettings["candidates"];
      retrainEveryEvents: number | null;
      retrainIntervalHours: number | null;
      at: Date;
    }): Promise<ModelSettings> {
      const { rows } = await db.query<SettingsRow>(
        `INSERT INTO model_settings (course_id, tenant_id, candidates, retrain_every_events, retrain_interval_hours, updated_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6)
         ON CONFLICT (course_id) DO UPDATE SET candidates = EXCLUDED.candidates,
           retrain_every_events = EXCLUDED.retrain_every_events,
           retrain_interval_hours = EXCLUDED.retrain_interval_hours, updated_at = EXCLUDED.updated_at
         RETURNING *`,
        [
          input.courseId,
          input.tenantId,
          json(input.candidates),
          input.retrainEveryEvents,
          input.retrainIntervalHours,
          input.at,
        ],
      );
      return toSettings(rows[0] as SettingsRow);
    },

    /** Records what a training run consumed; creates the settings row (with these candidates) if missing. */
    async markTrained(input: {
      tenantId: TenantId;
      courseId: CourseId;
      seq: number;
      at: Date;
      candidates: ModelSettings["candidates"];
    }): Promise<void> {
      await db.query(
        `INSERT INTO model_settings (course_id, tenant_id, candidates, last_trained_seq, last_trained_at, updated_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, $5)
         ON CONFLICT (course_id) DO UPDATE SET
           last_trained_seq = GREATEST(model_settings.last_trained_seq, EXCLUDED.last_trained_seq),
           last_trained_at = EXCLUDED.last_trained_at`,
        [input.courseId, input.tenantId, json(input.candidates), input.seq, input.at],
      );
    },

    /**
     * Courses with a retraining rule, with the number of answer events after their last training
     * (counted up to `retrain_every_events`, or to 1 without it: all the rules need).
     */
    async retrainingCandidates(): Promise<(ModelSettings & { newAnswers: number })[]> {
      const { rows } = await db.query<SettingsRow & { new_answers: string }>(
        `SELECT s.*, (SELECT count(*) FROM (SELECT 1 FROM events e JOIN items i ON i.id = e.item_id
             WHERE e.tenant_id = s.tenant_id AND i.course_id = s.course_id AND e.verb = $1
               AND e.correct IS NOT NULL AND e.seq > s.last_trained_seq
             LIMIT coalesce(s.retrain_every_events, 1)) AS recent)::text AS new_answers
         FROM model_settings s
         WHERE s.retrain_every_events IS NOT NULL OR s.retrain_interval_hours IS NOT NULL
         ORDER BY s.course_id`,
        [VERBS.answered],
      );
      return rows.map((row) => ({ ...toSettings(row), newAnswers: Number(row.new_answers) }));
    },

    /** Graded answers of the course after `seq` (the settings page shows what arrived since training). */
    async countAnswersAfter(tenantId: TenantId, courseId: CourseId, seq: number): Promise<number> {
      const { rows } = await db.query<{ count: string }>(
        `SELECT count(*)::text AS count ${COURSE_ANSWERS} AND e.seq > $4`,
        [tenantId, courseId, VERBS.answered, seq],
      );
      return Number(rows[0]?.count ?? 0);
    },

    /** Every answer of the course up to the largest seq present now (the training snapshot). */
    async courseAnswers(tenantId: TenantId, courseId: CourseId): Promise<CourseAnswers> {
      const max = await db.query<{ max: string | null }>(`SELECT max(e.seq)::text AS max ${COURSE_ANSWERS}`, [
        tenantId,
        courseId,
        VERBS.answered,
      ]);
      const maxSeq = Number(max.rows[0]?.max ?? 0);
      const { rows } = await db.query<{
        learner_id: string;
        item_id: string;
        correct: boolean;
        occurred_at: unknown;
        seq: string;
      }>(
        `SELECT e.learner_id::text, e.item_id::text, e.correct, e.occurred_at, e.seq::text ${COURSE_ANSWERS}
           AND e.seq <= $4 ORDER BY e.seq`,
        [tenantId, courseId, VERBS.answered, maxSeq],
      );
      const links = await db.query<{ item_id: string; concept_id: string }>(
        `SELECT ic.item_id::text, ic.concept_id::text FROM item_concepts ic JOIN items i ON i.id = ic.item_id
         WHERE i.course_id = $1 ORDER BY ic.item_id, ic.concept_id`,
        [courseId],
      );
      const itemConcepts = new Map<string, string[]>();
      for (const link of links.rows) {
        const list = itemConcepts.get(link.item_id) ?? [];
        list.push(link.concept_id);
        itemConcepts.set(link.item_id, list);
      }
      return {
        maxSeq,
        answers: rows.map((row) => ({
          learnerId: row.learner_id,
          itemId: row.item_id,
          correct: row.correct,
          occurredAt: toDate(row.occurred_at),
          seq: Number(row.seq),
        })),
        itemConcepts,
      };
    },

    /** The classes each of these learners is enrolled in as a learner (for the per-class fairness rows). */
    async learnerClasses(
      tenantId: TenantId,
      learnerIds: readonly string[],
    ): Promise<Map<string, { id: ClassId; name: LocalizedText }[]>> {
      const { rows } = await db.query<{ user_id: string; class_id: string; name: unknown }>(
        `SELECT e.user_id::text, c.id::text AS class_id, c.name FROM enrolments e
         JOIN classes c ON c.id = e.class_id
         WHERE c.tenant_id = $1 AND e.role = 'learner'
           AND e.user_id IN (SELECT (jsonb_array_elements_text($2::jsonb))::uuid)
         ORDER BY e.user_id, c.id`,
        [tenantId, JSON.stringify([...new Set(learnerIds)])],
      );
      const out = new Map<string, { id: ClassId; name: LocalizedText }[]>();
      for (const row of rows) {
        const list = out.get(row.user_id) ?? [];
        list.push({ id: asId<ClassId>(row.class_id), name: text(row.name) });
        out.set(row.user_id, list);
      }
      return out;
    },
  };
}
