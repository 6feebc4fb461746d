import { z } from "zod";

/**
 * Roles a user can hold inside one tenant (school). A guardian sees the data of the learners linked to
 * them; a teacher sees their classes; an admin manages the tenant; a learner sees only their own data.
 */
export const ROLES = ["learner", "teacher", "admin", "guardian"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Roles whose members are staff of the school: their reads of a learner's record are audited later (TRUST #23). */
export function isStaff(role: Role): boolean {
  return role === "teacher" || role === "admin";
}
