import { randomUUID } from "node:crypto";
import { asId, type ConceptId, type CourseId, type TenantId, type UserId } from "@pathwise/domain";
import type { Queryable } from "../database";
import { toDate } from "./rows";

/** Who set a goal: the learner for themselves, or staff for the learner (the stored form of an assignment). */
export type GoalSetterRole = "learner" | "teacher" | "admin";
export type GoalStatus = "open" | "achieved" | "dropped";

/** A learning goal (migration 7): concepts a learner aims to master in a course. */
export interface StoredGoal {
  readonly id: string;
  readonly tenantId: TenantId;
  readonly learnerId: UserId;
  readonly courseId: CourseId;
  readonly conceptIds: readonly ConceptId[];
  readonly setBy: UserId;
  readonly setByRole: GoalSetterRole;
  readonly note: string | null;
  /** `YYYY-MM-DD`, a calendar day (no time zone). */
  readonly targetDate: string | null;
  readonly status: GoalStatus;
  readonly createdAt: Date;
  readonly closedAt: Date | null;
}

export interface NewGoal {
  readonly tenantId: TenantId;
  readonly learnerId: UserId;
  readonly courseId: CourseId;
  readonly conceptIds: readonly ConceptId[];
  readonly setBy: UserId;
  readonly setByRole: GoalSetterRole;
  readonly note?: string | undefined;
  readonly targetDate?: string | undefined;
}

interface GoalRow {
  id: string;
  tenant_id: string;
  learner_id: string;
  course_id: string;
  concept_ids: unknown;
  set_by: string;
  set_by_role: GoalSetterRole;
  note: string | null;
  target_date: string | null;
  status: GoalStatus;
  created_at: unknown;
  closed_at: unknown;
}

// uuid[] and date decode differently in `pg` and PGlite: read them as JSON and text, the same on both.
const COLUMNS = `id, tenant_id, learner_id, course_id, array_to_json(concept_ids) AS concept_ids, set_by,
  set_by_role, note, to_char(target_date, 'YYYY-MM-DD') AS target_date, status, created_at, closed_at`;

const toGoal = (row: GoalRow): StoredGoal => ({
  id: row.id,
  tenantId: asId<TenantId>(row.tenant_id),
  learnerId: asId<UserId>(row.learner_id),
  courseId: asId<CourseId>(row.course_id),
  conceptIds: row.concept_ids as ConceptId[],
  setBy: asId<UserId>(row.set_by),
  setByRole: row.set_by_role,
  note: row.note,
  targetDate: row.target_date,
  status: row.status,
  createdAt: toDate(row.created_at),
  closedAt: row.closed_at === null ? null : toDate(row.closed_at),
});

/**
 * Learning goals. Every read and write names the tenant, so a goal id from another school is simply not
 * found. `createMany` writes through whatever `Queryable` it is given: inside `db.transaction` a class's
 * goals are all stored or none.
 */
export function goalRepository(db: Queryable) {
  async function insert(goal: NewGoal): Promise<StoredGoal> {
    const { rows } = await db.query<GoalRow>(
      `INSERT INTO goals (id, tenant_id, learner_id, course_id, concept_ids, set_by, set_by_role, note, target_date)
       VALUES ($1, $2, $3, $4, ARRAY(SELECT jsonb_array_elements_text($5::jsonb)::uuid), $6, $7, $8, $9::date)
       RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        goal.tenantId,
        goal.learnerId,
        goal.courseId,
        JSON.stringify(goal.conceptIds),
        goal.setBy,
        goal.setByRole,
        goal.note ?? null,
        goal.targetDate ?? null,
      ],
    );
    return toGoal(rows[0] as GoalRow);
  }

  return {
    create: insert,
    /** Inserts in order; the caller wraps it in a transaction when all-or-nothing matters. */
    async createMany(goals: readonly NewGoal[]): Promise<StoredGoal[]> {
      const stored: StoredGoal[] = [];
      for (const goal of goals) stored.push(await insert(goal));
      return stored;
    },
    async get(tenantId: TenantId, id: string): Promise<StoredGoal | undefined> {
      const { rows } = await db.query<GoalRow>(
        `SELECT ${COLUMNS} FROM goals WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      );
      return rows[0] && toGoal(rows[0]);
    },
    /** A learner's goals in a course, oldest first; `status` narrows to open, achieved or dropped ones. */
    async listForLearner(
      tenantId: TenantId,
      learnerId: UserId,
      courseId: CourseId,
      status?: GoalStatus,
    ): Promise<StoredGoal[]> {
      const { rows } = await db.query<GoalRow>(
        `SELECT ${COLUMNS} FROM goals
         WHERE tenant_id = $1 AND learner_id = $2 AND course_id = $3 AND ($4::text IS NULL OR status = $4)
         ORDER BY created_at, id`,
        [tenantId, learnerId, courseId, status ?? null],
      );
      return rows.map(toGoal);
    },
    /**
     * Closes an open goal (achieved or dropped) at `at`. A goal already closed is left as it is and
     * returned unchanged, so a repeated or concurrent close cannot overwrite the first.
     */
    async close(
      tenantId: TenantId,
      id: string,
      status: Exclude<GoalStatus, "open">,
      at: Date,
    ): Promise<StoredGoal | undefined> {
      const { rows } = await db.query<GoalRow>(
        `UPDATE goals SET status = $3, closed_at = $4 WHERE tenant_id = $1 AND id = $2 AND status = 'open'
         RETURNING ${COLUMNS}`,
        [tenantId, id, status, at],
      );
      if (rows[0]) return toGoal(rows[0]);
      const { rows: existing } = await db.query<GoalRow>(
        `SELECT ${COLUMNS} FROM goals WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id],
      );
      return existing[0] && toGoal(existing[0]);
    },
  };
}
export type GoalRepository = ReturnType<typeof goalRepository>;
