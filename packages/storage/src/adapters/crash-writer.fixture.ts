/**
 * Child process for the crash-durability test (pglite.test.ts): appends one statement per transaction
 * to a durable PGlite data folder and prints each id only after `append` has resolved (= committed).
 * The test kills this process with SIGKILL mid-stream and checks every printed id survived.
 */
import { randomUUID } from "node:crypto";
import { asId, type StatementId, type TenantId, type UserId, VERBS } from "@pathwise/domain";
import { migrate } from "../migrator";
import { createRepositories } from "../repositories/index";
import { openPglite } from "./pglite";

const dataDir = process.argv[2] as string;
const db = await openPglite({ dataDir });
const report = await migrate(db);
if (report.error) throw report.error;
const repos = createRepositories(db);
const tenant = await repos.tenants.create({ slug: "crash", name: { en: "Crash test school" } });
const learner = await repos.users.create({
  tenantId: tenant.id,
  email: "crash@example.org",
  displayName: "Crash",
  role: "learner",
  passwordHash: null,
});
const [tenantId, learnerId] = [tenant.id, learner.id];
console.log(`ready ${tenantId}`);
for (let i = 0; ; i++) {
  const id = asId<StatementId>(randomUUID());
  await repos.events.append(asId<TenantId>(tenantId), [
    {
      id,
      actor: { id: asId<UserId>(learnerId) },
      verb: { id: VERBS.answered },
      object: { id: `urn:pathwise:item:${randomUUID()}` },
      result: { success: i % 2 === 0 },
      timestamp: new Date(Date.UTC(2026, 10, 28, 0, 0, i)).toISOString(),
    },
  ]);
  console.log(`ack ${id}`);
}
