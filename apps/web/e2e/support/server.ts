import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DemoSeedResult, seedDemoSchool } from "@pathwise/content";
import {
  type AppDeps,
  buildApp,
  createArgon2Hasher,
  createJobSystem,
  jobHandlers,
  ModelServing,
  parseConfig,
} from "@pathwise/server";
import { createRepositories, migrate, openDatabase } from "@pathwise/storage";
import { DIST_DIR } from "./build";

const DEMO_LEARNERS = 8;

export interface RunningServer {
  baseURL: string;
  demo: DemoSeedResult;
  /** The folder of public datasets the server lists (`PATHWISE_DATASETS`, else the shared datasets). */
  datasetsDir: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Extra settings (docs/configuration.md), e.g. a smaller training budget. */
  readonly env?: Record<string, string>;
  /**
   * Run background jobs in the server, as `npm start` does (without the periodic retraining check, so
   * only the jobs a test starts run).
   */
  readonly jobs?: boolean;
  /** Demo learners to seed (default 8); training a course needs at least 10 (docs/models.md). */
  readonly demoLearners?: number;
}

/**
 * The real Pathwise server, in-process: a fresh PGlite database in a temp folder, migrated and seeded
 * with the demo school, serving the web app's build at `/` on a random 127.0.0.1 port.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "pathwise-e2e-"));
  const config = parseConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    PATHWISE_DATA_DIR: dataDir,
    PATHWISE_WEB_DIST: DIST_DIR,
    LOG_LEVEL: "warn",
    ...options.env,
  });
  const db = await openDatabase({ dataDir });
  try {
    const report = await migrate(db);
    if (report.error) throw report.error;
    const passwords = await createArgon2Hasher();
    const repos = createRepositories(db);
    const deps: AppDeps = {
      config,
      db,
      repos,
      passwords,
      clock: () => new Date(),
      modelServing: new ModelServing(repos),
    };
    // A smaller class than `npm start` seeds (24): the flows need a class with histories, not its size,
    // and seeding is most of the start-up time.
    const demo = await seedDemoSchool(db, {
      hashPassword: (password) => passwords.hash(password),
      learners: options.demoLearners ?? DEMO_LEARNERS,
    });
    const app = await buildApp(deps);
    const jobs = options.jobs
      ? createJobSystem(deps, { handlers: jobHandlers(deps), periodic: [], logger: app.log })
      : undefined;
    await app.listen({ port: 0, host: "127.0.0.1" });
    jobs?.start();
    const address = app.server.address();
    if (address === null || typeof address === "string")
      throw new Error(`unexpected server address ${address}`);
    return {
      baseURL: `http://127.0.0.1:${address.port}`,
      demo,
      datasetsDir: config.datasetsDir,
      async close() {
        await jobs?.stop(10_000);
        await app.close();
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
