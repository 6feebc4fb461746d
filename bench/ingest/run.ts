import { execSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openPostgres } from "@pathwise/storage";
import { z } from "zod";
import { BenchClient, setUpSchool } from "./client";
import { cpuSeconds } from "./cpu";
import { closedLoop, type LoadResult, openLoop, quantile, storedIds } from "./load";
import { type DatabaseRun, type PhaseReport, renderReport } from "./report";
import { startServer } from "./server-process";

/**
 * `npm run bench:ingest` — durable event ingestion of the real server, on embedded PGlite (a fresh temp
 * folder) and on the PostgreSQL server (a fresh database, dropped afterwards). Loopback only, bounded in
 * time, stops itself. Writes docs/benchmarks/ingest.md and ingest.json.
 *
 *   node --import tsx bench/ingest/run.ts [--databases pglite,postgres] [--rate 200] [--fixed-seconds 60]
 *     [--sustained-seconds 20] [--postgres-url postgres://postgres@127.0.0.1:5432/postgres]
 */
const Options = z.object({
  databases: z
    .string()
    .default("pglite,postgres")
    .transform((list) => list.split(",").map((name) => z.enum(["pglite", "postgres"]).parse(name.trim()))),
  rate: z.coerce.number().int().min(1).max(2000).default(200),
  fixedSeconds: z.coerce.number().min(1).max(900).default(60),
  sustainedSeconds: z.coerce.number().min(1).max(300).default(20),
  learners: z.coerce.number().int().min(1).max(500).default(20),
  /** Where the report goes; the default is the repository's docs/benchmarks. */
  outDir: z.string().min(1).optional(),
  postgresUrl: z
    .string()
    .default(process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres"),
});

function parseArgs(argv: readonly string[]): z.infer<typeof Options> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!key || argv[i + 1] === undefined)
      throw new Error(`expected --name value pairs, got ${argv.join(" ")}`);
    raw[key] = argv[i + 1] as string;
  }
  const parsed = Options.safeParse(raw);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  return parsed.data;
}

function phase(name: string, shape: string, result: LoadResult, serverCpuSeconds?: number): PhaseReport {
  return {
    ...(serverCpuSeconds === undefined ? {} : { serverCpuSeconds }),
    name,
    shape,
    requests: result.requests,
    acknowledged: result.acknowledged.length,
    errors: Object.fromEntries(result.errors),
    seconds: result.elapsedMs / 1000,
    latenciesMs: result.latenciesMs,
    ...(result.maxSendLagMs === undefined ? {} : { maxSendLagMs: result.maxSendLagMs }),
  };
}

async function withDatabase<T>(
  kind: "pglite" | "postgres",
  postgresUrl: string,
  work: (env: Record<string, string>, describe: string) => Promise<T>,
): Promise<T> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "pathwise-bench-ingest-"));
    try {
      return await work({ PATHWISE_DATA_DIR: dir }, `PGlite (durable mode) in a fresh temp folder`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const admin = await openPostgres({ connectionString: postgresUrl, maxConnections: 1 });
  const name = `pathwise_bench_${Date.now().toString(36)}`;
  try {
    const { rows } = await admin.query<{ version: string }>("SELECT version()");
    const settings = await admin.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method')",
    );
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    const described = `${rows[0]?.version.split(" on ")[0]} (${settings.rows.map((s) => `${s.name}=${s.setting}`).join(", ")}), fresh database`;
    return await work({ DATABASE_URL: url.toString() }, described);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  }
}

async function benchDatabase(
  kind: "pglite" | "postgres",
  options: z.infer<typeof Options>,
): Promise<DatabaseRun> {
  return withDatabase(kind, options.postgresUrl, async (env, database) => {
    console.log(`\n[${kind}] starting the server on ${database} …`);
    const server = await startServer(env);
    const client = new BenchClient(server.url);
    try {
      const learners = await setUpSchool(client, options.learners);
      const sustainedMs = options.sustainedSeconds * 1000;
      // Server CPU used during a phase: the node process (for PGlite that includes the database).
      const measured = async (work: () => Promise<LoadResult>) => {
        const before = cpuSeconds(server.pid);
        const result = await work();
        const after = cpuSeconds(server.pid);
        return { result, cpu: before === undefined || after === undefined ? undefined : after - before };
      };
      console.log(`[${kind}] warm-up 3 s`);
      const warmUp = await closedLoop(client, learners, { concurrency: 4, batchSize: 1, durationMs: 3000 });
      console.log(`[${kind}] sustained, single statements, 8 clients, ${options.sustainedSeconds} s`);
      const single = await measured(() =>
        closedLoop(client, learners, { concurrency: 8, batchSize: 1, durationMs: sustainedMs }),
      );
      console.log(`[${kind}] sustained, batches of 100, 4 clients, ${options.sustainedSeconds} s`);
      const batch = await measured(() =>
        closedLoop(client, learners, { concurrency: 4, batchSize: 100, durationMs: sustainedMs }),
      );
      console.log(`[${kind}] fixed rate ${options.rate}/s for ${options.fixedSeconds} s (open loop)`);
      const fixed = await measured(() =>
        openLoop(client, learners, { ratePerSecond: options.rate, durationMs: options.fixedSeconds * 1000 }),
      );
      console.log(`[${kind}] reading every learner's history back …`);
      const acknowledged = new Set(
        [warmUp, single.result, batch.result, fixed.result].flatMap((r) => r.acknowledged),
      );
      const stored = await storedIds(client, learners);
      const missing = [...acknowledged].filter((id) => !stored.has(id)).length;
      return {
        database: kind,
        description: database,
        phases: [
          phase(
            "sustained-single",
            "8 concurrent clients, 1 statement per POST, closed loop",
            single.result,
            single.cpu,
          ),
          phase(
            "sustained-batch",
            "4 concurrent clients, 100 statements per POST, closed loop",
            batch.result,
            batch.cpu,
          ),
          phase(
            `fixed-${options.rate}`,
            `${options.rate} statements/s, 1 per POST, open loop, ${options.fixedSeconds} s`,
            fixed.result,
            fixed.cpu,
          ),
        ],
        check: { acknowledged: acknowledged.size, stored: stored.size, missing },
      };
    } finally {
      client.close();
      await server.stop();
    }
  });
}

/** A phase without its raw latencies, with the figures the report shows. */
function phaseSummary({ latenciesMs, ...rest }: PhaseReport) {
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  return {
    ...rest,
    eventsPerSecond: rest.acknowledged / rest.seconds,
    p50Ms: finite(quantile(latenciesMs, 0.5)),
    p99Ms: finite(quantile(latenciesMs, 0.99)),
    maxMs: finite(quantile(latenciesMs, 1)),
  };
}

const root = () => fileURLToPath(new URL("../..", import.meta.url));

async function machine() {
  const repo = root();
  const pglite = JSON.parse(
    await readFile(join(repo, "node_modules/@electric-sql/pglite/package.json"), "utf8"),
  ) as { version: string };
  let commit = "unknown";
  try {
    commit = execSync("git rev-parse --short HEAD", { cwd: repo }).toString().trim();
  } catch {
    // Not a git checkout: the report says "unknown".
  }
  return {
    date: new Date().toISOString(),
    cpu: `${cpus()[0]?.model ?? "unknown"} × ${cpus().length}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    pglite: pglite.version,
    commit,
    loadBefore: loadavg()
      .map((x) => x.toFixed(2))
      .join(" "),
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const info = await machine();
  const runs: DatabaseRun[] = [];
  for (const kind of options.databases) runs.push(await benchDatabase(kind, options));
  const report = {
    ...info,
    loadAfter: loadavg()
      .map((x) => x.toFixed(2))
      .join(" "),
    options,
    runs,
  };
  const out = options.outDir ?? fileURLToPath(new URL("../../docs/benchmarks/", import.meta.url));
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "ingest.md"), renderReport(report));
  const json = {
    ...report,
    runs: runs.map((run) => ({ ...run, phases: run.phases.map(phaseSummary) })),
  };
  await writeFile(join(out, "ingest.json"), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nWrote ${join(out, "ingest.md")} and ingest.json`);
  const failed = runs.some((run) => run.check.missing > 0);
  if (failed) process.exitCode = 1;
}

await main();
