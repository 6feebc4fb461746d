import type { Statement, UserId } from "@pathwise/domain";
import type { Principal } from "../auth/principal";
import type { AppDeps } from "../deps";
import { ApiError } from "../http/errors";

/**
 * Decides whose statements the caller may record: a learner only their own; a teacher those of
 * learners in their classes (e.g. an integration using the teacher's API token); an admin those of
 * any learner in the school. Actors of another school are reported as unknown (404), not as forbidden.
 */
async function checkActors(
  deps: AppDeps,
  principal: Principal,
  statements: readonly Statement[],
): Promise<void> {
  const { user } = principal;
  const actors = [...new Set(statements.map((statement) => statement.actor.id))];
  const inTenant = await deps.repos.users.idsInTenant(user.tenantId, actors);
  const unknown = actors.find((actor) => !inTenant.has(actor));
  if (unknown !== undefined) {
    const index = statements.findIndex((statement) => statement.actor.id === unknown);
    throw new ApiError("not_found", `No learner ${unknown} in your school (statement ${index}, actor.id)`, {
      field: `body.${index}.actor.id`,
    });
  }
  for (const actor of actors) {
    const allowed =
      actor === user.id ||
      user.role === "admin" ||
      (user.role === "teacher" && (await deps.repos.classes.teaches(user.id, actor as UserId)));
    if (!allowed) {
      throw new ApiError("forbidden", `You may not record statements for learner ${actor}`, {
        field: "actor.id",
      });
    }
  }
}

/**
 * Records one statement or a batch, all or nothing. Duplicate ids in the batch → 400 before anything
 * is written; a stored id with different content → 409 (nothing written); identical replays are
 * reported as `unchanged`. The response is sent only after the transaction has committed.
 */
export async function recordStatements(deps: AppDeps, principal: Principal, body: Statement | Statement[]) {
  const statements = Array.isArray(body) ? body : [body];
  const seen = new Map<string, number>();
  for (const [index, statement] of statements.entries()) {
    const id = statement.id.toLowerCase();
    const first = seen.get(id);
    if (first !== undefined) {
      throw new ApiError(
        "duplicate_statement_id",
        `Statements ${first} and ${index} have the same id ${statement.id}`,
        {
          field: `body.${index}.id`,
        },
      );
    }
    seen.set(id, index);
  }
  await checkActors(deps, principal, statements);
  return deps.repos.events.append(principal.user.tenantId, statements);
}
