import { randomUUID } from "node:crypto";
import {
  asId,
  type ClassId,
  type Enrolment,
  type EnrolmentRole,
  type LocalizedText,
  type SchoolClass,
  type TenantId,
  type UserId,
} from "@pathwise/domain";
import { isUniqueViolation, type Queryable, StorageError } from "../database";
import { json, text, toDate } from "./rows";

interface ClassRow {
  id: string;
  tenant_id: string;
  name: unknown;
  join_code: string;
  created_at: unknown;
}

const toClass = (row: ClassRow): SchoolClass => ({
  id: asId<ClassId>(row.id),
  tenantId: asId<TenantId>(row.tenant_id),
  name: text(row.name),
  joinCode: row.join_code,
  createdAt: toDate(row.created_at),
});

export function classRepository(db: Queryable) {
  return {
    async create(input: { tenantId: TenantId; name: LocalizedText; joinCode: string }): Promise<SchoolClass> {
      try {
        const { rows } = await db.query<ClassRow>(
          "INSERT INTO classes (id, tenant_id, name, join_code) VALUES ($1, $2, $3::jsonb, $4) RETURNING *",
          [randomUUID(), input.tenantId, json(input.name), input.joinCode],
        );
        return toClass(rows[0] as ClassRow);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new StorageError("Join code already in use", "unique_violation", { field: "joinCode" });
        throw error;
      }
    },
    async get(id: ClassId): Promise<SchoolClass | undefined> {
      const { rows } = await db.query<ClassRow>("SELECT * FROM classes WHERE id = $1", [id]);
      return rows[0] && toClass(rows[0]);
    },
    async findByJoinCode(joinCode: string): Promise<SchoolClass | undefined> {
      const { rows } = await db.query<ClassRow>("SELECT * FROM classes WHERE join_code = $1", [joinCode]);
      return rows[0] && toClass(rows[0]);
    },
    async listByTenant(tenantId: TenantId): Promise<SchoolClass[]> {
      const { rows } = await db.query<ClassRow>(
        "SELECT * FROM classes WHERE tenant_id = $1 ORDER BY created_at, id",
        [tenantId],
      );
      return rows.map(toClass);
    },
    /** Classes a user belongs to (as learner or teacher). */
    async listForUser(userId: UserId): Promise<(SchoolClass & { role: EnrolmentRole })[]> {
      const { rows } = await db.query<ClassRow & { role: EnrolmentRole }>(
        `SELECT c.*, e.role FROM classes c JOIN enrolments e ON e.class_id = c.id
         WHERE e.user_id = $1 ORDER BY c.created_at, c.id`,
        [userId],
      );
      return rows.map((row) => ({ ...toClass(row), role: row.role }));
    },
    async enrol(enrolment: Enrolment): Promise<void> {
      await db.query(
        `INSERT INTO enrolments (class_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (class_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
        [enrolment.classId, enrolment.userId, enrolment.role],
      );
    },
    async members(classId: ClassId): Promise<Enrolment[]> {
      const { rows } = await db.query<{ class_id: string; user_id: string; role: EnrolmentRole }>(
        "SELECT class_id, user_id, role FROM enrolments WHERE class_id = $1 ORDER BY created_at, user_id",
        [classId],
      );
      return rows.map((row) => ({
        classId: asId<ClassId>(row.class_id),
        userId: asId<UserId>(row.user_id),
        role: row.role,
      }));
    },
    /** True when `teacherId` teaches a class in which `learnerId` is a learner. */
    async teaches(teacherId: UserId, learnerId: UserId): Promise<boolean> {
      const { rows } = await db.query(
        `SELECT 1 FROM enrolments t JOIN enrolments l ON l.class_id = t.class_id
         WHERE t.user_id = $1 AND t.role = 'teacher' AND l.user_id = $2 AND l.role = 'learner' LIMIT 1`,
        [teacherId, learnerId],
      );
      return rows.length > 0;
    },
    async isEnrolled(classId: ClassId, userId: UserId, role?: EnrolmentRole): Promise<boolean> {
      const { rows } = await db.query(
        "SELECT 1 FROM enrolments WHERE class_id = $1 AND user_id = $2 AND ($3::text IS NULL OR role = $3)",
        [classId, userId, role ?? null],
      );
      return rows.length > 0;
    },
  };
}
export type ClassRepository = ReturnType<typeof classRepository>;
