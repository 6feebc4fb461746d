import type { Role } from "@pathwise/domain";

/**
 * The declarative policy table: every API route, who may call it, and which object rule then decides
 * per object. The server refuses to start when a route under /api has no entry (see http/authorize.ts),
 * so a new route cannot ship unguarded; TRUST #11 checks every route against this table.
 *
 * Object rules (auth/object-rules.ts):
 *  - `learner`: :learnerId is the caller (learner), a linked child (guardian), a learner in one of the
 *    caller's classes (teacher), or any learner of the school (admin).
 *  - `class`: :classId is one of the caller's classes (teacher/learner) or of the school (admin).
 *  - `course` / `item`: the object belongs to the caller's school.
 *  - `job`: the background job belongs to the caller's school.
 *  - `model`: :modelId is a trained model of a course of the caller's school.
 *  - `goal`: :goalId belongs to the caller's school and its learner passes the `learner` rule.
 *  - `user`: :userId is an account of the caller's school.
 * Requests passing through the `learner`, `goal` and `class` rules are written to the staff-access audit
 * log unless they reach only the caller's own data (audit/record.ts).
 * Objects of another school answer 404 (their existence is not revealed); same-school denials 403.
 */
export type ObjectRule = "learner" | "class" | "course" | "item" | "goal" | "job" | "model" | "user";

export type Access =
  | { readonly kind: "public" }
  | { readonly kind: "signed-in"; readonly roles: readonly Role[]; readonly object?: ObjectRule };

const ANYONE: readonly Role[] = ["learner", "teacher", "admin", "guardian"];
const STAFF: readonly Role[] = ["teacher", "admin"];
const ADMIN: readonly Role[] = ["admin"];

export const POLICY_TABLE = {
  "GET /health": { kind: "public" },
  "GET /health/ready": { kind: "public" },
  "POST /api/auth/register": { kind: "public" },
  "POST /api/auth/register-school": { kind: "public" },
  "POST /api/auth/login": { kind: "public" },
  "POST /api/auth/logout": { kind: "signed-in", roles: ANYONE },
  "GET /api/auth/me": { kind: "signed-in", roles: ANYONE },
  "POST /api/tokens": { kind: "signed-in", roles: STAFF },
  "DELETE /api/tokens/:tokenId": { kind: "signed-in", roles: STAFF },
  "GET /api/users": { kind: "signed-in", roles: ADMIN },
  "POST /api/users": { kind: "signed-in", roles: ADMIN },
  // Account state (routes/admin.ts): disabling or deleting ends every session and token at once.
  "POST /api/users/:userId/disable": { kind: "signed-in", roles: ADMIN, object: "user" },
  "POST /api/users/:userId/enable": { kind: "signed-in", roles: ADMIN, object: "user" },
  "DELETE /api/users/:userId": { kind: "signed-in", roles: ADMIN, object: "user" },
  // The staff-access audit log (routes/admin.ts).
  "GET /api/audit": { kind: "signed-in", roles: ADMIN },
  "POST /api/guardian-links": { kind: "signed-in", roles: ADMIN },
  "GET /api/classes": { kind: "signed-in", roles: ANYONE },
  "POST /api/classes": { kind: "signed-in", roles: ADMIN },
  "GET /api/classes/:classId": { kind: "signed-in", roles: STAFF, object: "class" },
  "POST /api/classes/:classId/enrolments": { kind: "signed-in", roles: ADMIN, object: "class" },
  "GET /api/courses": { kind: "signed-in", roles: ANYONE },
  "GET /api/courses/:courseId": { kind: "signed-in", roles: ANYONE, object: "course" },
  "GET /api/courses/:courseId/graph": { kind: "signed-in", roles: ANYONE, object: "course" },
  "GET /api/courses/:courseId/items": { kind: "signed-in", roles: ANYONE, object: "course" },
  "GET /api/items/:itemId": { kind: "signed-in", roles: ANYONE, object: "item" },
  "POST /api/items/:itemId/check": { kind: "signed-in", roles: ANYONE, object: "item" },
  "POST /api/events": { kind: "signed-in", roles: ["learner", "teacher", "admin"] },
  "GET /api/learners/:learnerId/events": { kind: "signed-in", roles: ANYONE, object: "learner" },
  // Learning API (routes/learning.ts): reads for anyone the learner rule admits; acts only by the learner.
  "GET /api/learners/:learnerId/courses/:courseId/mastery": {
    kind: "signed-in",
    roles: ANYONE,
    object: "learner",
  },
  "GET /api/learners/:learnerId/courses/:courseId/plan": {
    kind: "signed-in",
    roles: ANYONE,
    object: "learner",
  },
  // Learner model (routes/predictions.ts): item predictions and their explanations.
  "GET /api/learners/:learnerId/courses/:courseId/predictions": {
    kind: "signed-in",
    roles: ANYONE,
    object: "learner",
  },
  "GET /api/learners/:learnerId/courses/:courseId/explanations": {
    kind: "signed-in",
    roles: ANYONE,
    object: "learner",
  },
  "GET /api/learners/:learnerId/courses/:courseId/reviews": {
    kind: "signed-in",
    roles: ANYONE,
    object: "learner",
  },
  "POST /api/learners/:learnerId/courses/:courseId/exam-prediction": {
    kind: "signed-in",
    roles: ANYONE,
    object: "learner",
  },
  "GET /api/learners/:learnerId/courses/:courseId/placement": {
    kind: "signed-in",
    roles: ANYONE,
    object: "learner",
  },
  "POST /api/learners/:learnerId/courses/:courseId/placement": {
    kind: "signed-in",
    roles: ["learner"],
    object: "learner",
  },
  "POST /api/learners/:learnerId/courses/:courseId/placement/answers": {
    kind: "signed-in",
    roles: ["learner"],
    object: "learner",
  },
  "POST /api/learners/:learnerId/recommendation-feedback": {
    kind: "signed-in",
    roles: ["learner"],
    object: "learner",
  },
  // Goals (routes/goals.ts): read by anyone the learner rule admits; set and dropped by the learner, their
  // teacher or an admin (a learner may drop only their own goals: use-cases/goals.ts).
  "GET /api/learners/:learnerId/courses/:courseId/goals": {
    kind: "signed-in",
    roles: ANYONE,
    object: "learner",
  },
  "POST /api/learners/:learnerId/courses/:courseId/goals": {
    kind: "signed-in",
    roles: ["learner", "teacher", "admin"],
    object: "learner",
  },
  "PATCH /api/goals/:goalId": { kind: "signed-in", roles: ["learner", "teacher", "admin"], object: "goal" },
  "POST /api/classes/:classId/courses/:courseId/goals": { kind: "signed-in", roles: STAFF, object: "class" },
  // Progress (routes/progress.ts).
  "GET /api/classes/:classId/courses/:courseId/mastery": { kind: "signed-in", roles: STAFF, object: "class" },
  "GET /api/learners/:learnerId/courses/:courseId/mastery-history": {
    kind: "signed-in",
    roles: ANYONE,
    object: "learner",
  },
  "GET /api/guardians/me/children": { kind: "signed-in", roles: ["guardian"] },
  // Background jobs (routes/jobs.ts): staff watch and cancel their school's jobs.
  "GET /api/jobs": { kind: "signed-in", roles: STAFF },
  "GET /api/jobs/:jobId": { kind: "signed-in", roles: STAFF, object: "job" },
  "POST /api/jobs/:jobId/cancel": { kind: "signed-in", roles: STAFF, object: "job" },
  // Learner models (routes/models.ts): staff read the registry and start training; admins decide.
  "GET /api/courses/:courseId/models": { kind: "signed-in", roles: STAFF, object: "course" },
  "GET /api/models/:modelId": { kind: "signed-in", roles: STAFF, object: "model" },
  "GET /api/courses/:courseId/model-decisions": { kind: "signed-in", roles: STAFF, object: "course" },
  "POST /api/models/:modelId/promote": { kind: "signed-in", roles: ADMIN, object: "model" },
  "POST /api/courses/:courseId/models/rollback": { kind: "signed-in", roles: ADMIN, object: "course" },
  "POST /api/courses/:courseId/training-jobs": { kind: "signed-in", roles: STAFF, object: "course" },
  "GET /api/courses/:courseId/model-settings": { kind: "signed-in", roles: ADMIN, object: "course" },
  "PUT /api/courses/:courseId/model-settings": { kind: "signed-in", roles: ADMIN, object: "course" },
  // Imports (routes/imports.ts): course files and public datasets, by admins only.
  "POST /api/courses/import": { kind: "signed-in", roles: ADMIN },
  "GET /api/datasets": { kind: "signed-in", roles: ADMIN },
  "POST /api/datasets/import": { kind: "signed-in", roles: ADMIN },
} as const satisfies Record<string, Access>;

export type RouteKey = keyof typeof POLICY_TABLE;

export function policyFor(method: string, url: string): Access | undefined {
  return (POLICY_TABLE as Record<string, Access>)[`${method} ${url}`];
}
