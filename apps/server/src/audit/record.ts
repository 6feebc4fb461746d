import type { AccessOutcome, AuditSubject } from "@pathwise/storage";
import type { FastifyRequest } from "fastify";
import type { Decision } from "../auth/object-rules";
import type { ObjectRule } from "../auth/policy-table";
import type { Principal } from "../auth/principal";
import type { AppDeps } from "../deps";

type Params = Record<string, string>;

/**
 * Whose learner data a request reaches, per object rule (TRUST #23). Rules absent here guard no learner's
 * data. A learner reading their own data is not audited: the `learner` rule skips it here without a query,
 * the `goal` rule inside the append (a goal's learner is known only to the database).
 */
const SUBJECTS: Partial<
  Record<ObjectRule, (principal: Principal, params: Params) => AuditSubject | undefined>
> = {
  learner: ({ user }, { learnerId = "" }) =>
    learnerId === user.id ? undefined : { kind: "learners", learnerIds: [learnerId] },
  goal: (_principal, { goalId = "" }) => ({ kind: "goal", goalId }),
  class: (_principal, { classId = "" }) => ({ kind: "class", classId }),
};

const OUTCOME: Record<Decision, AccessOutcome> = {
  allow: "allowed",
  forbidden: "forbidden",
  not_found: "not_found",
};

/**
 * Writes the audit row of a request that reaches learners' data, with the authorization decision, before
 * the handler runs: no data leaves without its row, and a failed write fails the request. One insert.
 */
export async function auditLearnerAccess(
  deps: AppDeps,
  request: FastifyRequest,
  principal: Principal,
  rule: ObjectRule,
  decision: Decision,
): Promise<void> {
  const subject = SUBJECTS[rule]?.(principal, request.params as Params);
  if (!subject) return;
  await deps.repos.audit.append({
    tenantId: principal.user.tenantId,
    at: deps.clock(),
    actorId: principal.user.id,
    actorRole: principal.user.role,
    subject,
    route: `${request.method} ${request.routeOptions.url}`,
    // '|' separates the hashed fields; keep it out of the path (RFC 3986 percent-encoding).
    path: (request.url.split("?")[0] ?? "").replaceAll("|", "%7C"),
    outcome: OUTCOME[decision],
  });
}
