import { seedDemoSchool } from "@pathwise/content";
import type { PasswordHasher } from "./auth/passwords";
import type { AppDeps } from "./deps";

/**
 * The `--demo` hook (`npm start` passes it): seeds the demo school once (packages/content/src/demo) and
 * prints its logins. The passwords are demo-only and printed on purpose.
 */
export interface DemoContext {
  readonly deps: AppDeps;
  readonly passwords: PasswordHasher;
  readonly log: (line: string) => void;
}

export async function runDemoSeed(context: DemoContext): Promise<void> {
  const { log } = context;
  const started = Date.now();
  const demo = await seedDemoSchool(context.deps.db, {
    hashPassword: (password) => context.passwords.hash(password),
  });
  log(
    demo.created
      ? `Demo school "${demo.school}" seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
          `${demo.logins.length} accounts, ${demo.events} simulated answers.`
      : `Demo school "${demo.school}" is already there (${demo.events} events); not seeded again.`,
  );
  const learners = demo.logins.filter((login) => login.role === "learner");
  log("Demo logins (demo-only passwords):");
  for (const login of demo.logins.filter((login) => login.role !== "learner")) {
    log(`  ${login.role.padEnd(8)} ${login.email.padEnd(32)} ${login.password}`);
  }
  if (learners[0]) {
    const last = learners[learners.length - 1]?.email ?? learners[0].email;
    log(`  learner  ${learners[0].email} … ${last} (${learners.length}), password ${learners[0].password}`);
  }
  log(`  class join code: ${demo.classJoinCode}`);
}
