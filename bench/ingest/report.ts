import { quantile } from "./load";

export interface PhaseReport {
  readonly name: string;
  readonly shape: string;
  readonly requests: number;
  readonly acknowledged: number;
  readonly errors: Record<string, number>;
  readonly seconds: number;
  readonly latenciesMs: readonly number[];
  readonly maxSendLagMs?: number;
  /** CPU seconds the server process used during the phase (Linux only). */
  readonly serverCpuSeconds?: number;
}

export interface DatabaseRun {
  readonly database: "pglite" | "postgres";
  readonly description: string;
  readonly phases: readonly PhaseReport[];
  readonly check: { readonly acknowledged: number; readonly stored: number; readonly missing: number };
}

export interface IngestReport {
  readonly date: string;
  readonly cpu: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly pglite: string;
  readonly commit: string;
  readonly loadBefore: string;
  readonly loadAfter: string;
  readonly options: {
    readonly rate: number;
    readonly fixedSeconds: number;
    readonly sustainedSeconds: number;
    readonly learners: number;
  };
  readonly runs: readonly DatabaseRun[];
}

const ms = (value: number) =>
  Number.isNaN(value) ? "–" : value === Number.POSITIVE_INFINITY ? "> 10 000 (timeouts)" : value.toFixed(1);
const errorsOf = (errors: Record<string, number>) => {
  const entries = Object.entries(errors);
  return entries.length === 0 ? "0" : entries.map(([code, n]) => `${n} × ${code}`).join(", ");
};

function phaseRow(phase: PhaseReport): string {
  const rate = phase.acknowledged / phase.seconds;
  const cpu = phase.serverCpuSeconds;
  const perCpu = cpu ? (phase.acknowledged / cpu).toFixed(0) : "–";
  return `| ${phase.name} | ${phase.shape} | ${phase.requests} | ${phase.acknowledged} | ${errorsOf(phase.errors)} | ${phase.seconds.toFixed(1)} | **${rate.toFixed(0)}** | ${cpu?.toFixed(1) ?? "–"} | ${perCpu} | ${ms(quantile(phase.latenciesMs, 0.5))} | ${ms(quantile(phase.latenciesMs, 0.99))} | ${ms(quantile(phase.latenciesMs, 1))} |`;
}

/** The Markdown report: what was measured, how, on which machine, and every figure with its phase. */
export function renderReport(report: IngestReport): string {
  const fixedName = `fixed-${report.options.rate}`;
  const summary = report.runs.map((run) => {
    const batch = run.phases.find((p) => p.name === "sustained-batch");
    const single = run.phases.find((p) => p.name === "sustained-single");
    const fixed = run.phases.find((p) => p.name === fixedName);
    const rate = (p?: PhaseReport) => (p ? (p.acknowledged / p.seconds).toFixed(0) : "–");
    return `| ${run.database} | ${rate(single)} | ${rate(batch)} | ${fixed ? ms(quantile(fixed.latenciesMs, 0.5)) : "–"} | ${fixed ? ms(quantile(fixed.latenciesMs, 0.99)) : "–"} | ${fixed ? errorsOf(fixed.errors) : "–"} | ${run.check.acknowledged} / ${run.check.stored} / ${run.check.missing} |`;
  });
  const details = report.runs.flatMap((run) => [
    `### ${run.database}: ${run.description}`,
    "",
    "| phase | load | requests | events acknowledged | errors | seconds | events/s | server CPU s | events per server CPU-s | p50 ms | p99 ms | max ms |",
    "|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ...run.phases.map(phaseRow),
    "",
    ...run.phases
      .filter((p) => p.maxSendLagMs !== undefined)
      .map(
        (p) =>
          `Open-loop generator: worst delay between a request's scheduled and actual send time ${ms(p.maxSendLagMs ?? 0)} ms.`,
      ),
    "",
    `Stored = acknowledged check (every learner's history read back through \`GET /api/learners/:id/events\`): ` +
      `${run.check.acknowledged} acknowledged, ${run.check.stored} stored, ${run.check.missing} acknowledged but missing.`,
    "",
  ]);
  return [
    "# Event ingestion benchmark",
    "",
    `Measured ${report.date} by \`npm run bench:ingest\` (\`bench/ingest/run.ts\`), commit ${report.commit}.`,
    "",
    `Machine: ${report.cpu}, ${report.memoryGiB} GiB RAM, Node.js ${report.node}, PGlite ${report.pglite}. ` +
      `Load average (1/5/15 min) before ${report.loadBefore}, after ${report.loadAfter} — the machine is shared ` +
      "with other work, so these are figures for a busy 2-core box, not a quiet one.",
    "",
    "## Summary",
    "",
    `| database | sustained events/s, single POSTs | sustained events/s, batches of 100 | p50 ms at ${report.options.rate}/s | p99 ms at ${report.options.rate}/s | errors at ${report.options.rate}/s | acknowledged / stored / missing |`,
    "|---|---:|---:|---:|---:|---|---|",
    ...summary,
    "",
    "## Method",
    "",
    "- The real server (`apps/server/src/main.ts`) runs as a child process on 127.0.0.1 with `LOG_LEVEL=warn` " +
      "(no per-request log lines); the load generator runs in another process on the same machine over keep-alive HTTP.",
    "- Every POST goes through authentication (an admin API token), zod validation, the actor policy check and " +
      "one database transaction; the server answers only after COMMIT returned, with durable commits " +
      "(PGlite's durable mode; PostgreSQL's fsync/synchronous_commit as listed).",
    `- ${report.options.learners} learners; each statement is a fresh xAPI \`answered\` statement with a client UUID.`,
    `- Sustained rate: closed loop for ${report.options.sustainedSeconds} s after a 3 s warm-up; events/s = statements acknowledged ÷ wall time.`,
    `- Fixed rate: open loop, one statement per POST every ${(1000 / report.options.rate).toFixed(1)} ms for ${report.options.fixedSeconds} s; ` +
      "latency runs from the scheduled send time to the response, so server queueing is not hidden (coordinated omission). " +
      "A request unanswered 10 s after it was due counts as an error (`timed out after 10 s`) and enters the latency percentiles as +∞ (shown as `> 10 000`).",
    "- Server CPU s: user + system CPU time of the server process during the phase (/proc). On a shared " +
      "machine the wall-clock rate depends on how much CPU the server got; events per server CPU-second does not. " +
      "On PostgreSQL the database's own processes are not included.",
    `- TRUST.md row 1 asks for 10 minutes at 200 events/s with p99 ≤ 100 ms; this run holds the rate for ${report.options.fixedSeconds} s ` +
      "(`--fixed-seconds 600` runs the full 10 minutes).",
    "",
    "## Details",
    "",
    ...details,
  ].join("\n");
}
