import { randomUUID } from "node:crypto";
import { asId, type Statement, type StatementId, type TenantId, type UserId, VERBS } from "@pathwise/domain";
import type { Repositories } from "./repositories/index";

/** Small builders shared by storage tests (and usable by other packages' tests). */
export async function createSchoolWithLearners(
  repos: Repositories,
  learners: number,
  slug = `s-${randomUUID().slice(0, 8)}`,
) {
  const tenant = await repos.tenants.create({ slug, name: { en: `School ${slug}` } });
  const users = [];
  for (let i = 0; i < learners; i++) {
    users.push(
      await repos.users.create({
        tenantId: tenant.id,
        email: `learner${i}-${slug}@example.org`,
        displayName: `Learner ${i}`,
        role: "learner",
        passwordHash: null,
      }),
    );
  }
  return { tenant, learners: users };
}

export function answeredStatement(
  learnerId: UserId,
  overrides: Partial<Statement> = {},
  minute = 0,
): Statement {
  return {
    id: asId<StatementId>(randomUUID()),
    actor: { id: learnerId },
    verb: { id: VERBS.answered },
    object: { id: `urn:pathwise:item:${randomUUID()}` },
    result: { success: true, response: "42" },
    timestamp: new Date(Date.UTC(2026, 10, 28, 9, minute)).toISOString(),
    ...overrides,
  };
}

export const tenantIdOf = (id: string) => asId<TenantId>(id);

/** The element at `index`, failing loudly instead of yielding undefined (tests only). */
export function nth<T>(values: readonly T[], index: number): T {
  const value = values[index];
  if (value === undefined) throw new Error(`No element at index ${index} (length ${values.length})`);
  return value;
}
