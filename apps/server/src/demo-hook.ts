import type { PasswordHasher } from "./auth/passwords";
import type { AppDeps } from "./deps";

/**
 * The `--demo` hook (`npm start` passes it): seeds the demo school once. Engineer B (content & demo)
 * plugs the seeder in here; until then the server starts empty and says so.
 */
export interface DemoContext {
  readonly deps: AppDeps;
  readonly passwords: PasswordHasher;
  readonly log: (line: string) => void;
}

export async function runDemoSeed(context: DemoContext): Promise<void> {
  context.log("Demo data: no demo seeder is installed yet (see apps/server/src/demo-hook.ts).");
}
