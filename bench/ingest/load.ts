import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { answeredStatement, type BenchClient } from "./client";

/**
 * Two load shapes against POST /api/events:
 * - closed loop: `concurrency` clients each send a request, wait for the answer, send the next — the
 *   sustained rate the server acknowledges (events/s);
 * - open loop: requests leave on a fixed schedule (one every 1000/rate ms) whether or not earlier ones
 *   have been answered, and latency is measured from the scheduled time, so a slow server cannot slow the
 *   generator down and hide its own queueing ("coordinated omission", Tene 2013).
 * Every acknowledged statement id is kept so the run can check stored = acknowledged.
 */
export interface LoadResult {
  readonly acknowledged: string[];
  readonly errors: Map<string, number>;
  readonly latenciesMs: number[];
  readonly elapsedMs: number;
  readonly requests: number;
  /** Open loop only: the worst delay between a request's scheduled and actual send time. */
  readonly maxSendLagMs?: number;
}

const ITEMS = Array.from({ length: 50 }, () => randomUUID());

function statementsFor(learners: readonly string[], count: number, counter: { n: number }) {
  return Array.from({ length: count }, () => {
    counter.n += 1;
    return answeredStatement(
      learners[counter.n % learners.length] as string,
      ITEMS[counter.n % ITEMS.length] as string,
    );
  });
}

/** A request not answered within this time counts as an error (and bounds the run). */
const DEADLINE_MS = 10_000;

async function post(client: BenchClient, body: unknown, result: LoadResult, started: number): Promise<void> {
  try {
    const response = await client.send("POST", "/api/events", body, {}, DEADLINE_MS);
    result.latenciesMs.push(performance.now() - started);
    if (response.status === 200) {
      for (const entry of (response.body as { results: { id: string }[] }).results)
        result.acknowledged.push(entry.id);
    } else {
      const code =
        `HTTP ${response.status} ${(response.body as { code?: string } | undefined)?.code ?? ""}`.trim();
      result.errors.set(code, (result.errors.get(code) ?? 0) + 1);
    }
  } catch (error) {
    // An unanswered request has no latency below the deadline: it enters the percentiles as +∞.
    result.latenciesMs.push(Number.POSITIVE_INFINITY);
    const code = (error as Error).message.slice(0, 80);
    result.errors.set(code, (result.errors.get(code) ?? 0) + 1);
  }
}

export async function closedLoop(
  client: BenchClient,
  learners: readonly string[],
  options: { concurrency: number; batchSize: number; durationMs: number },
): Promise<LoadResult> {
  const result: LoadResult = {
    acknowledged: [],
    errors: new Map(),
    latenciesMs: [],
    elapsedMs: 0,
    requests: 0,
  };
  const counter = { n: 0 };
  const start = performance.now();
  const deadline = start + options.durationMs;
  let requests = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const statements = statementsFor(learners, options.batchSize, counter);
      requests += 1;
      await post(client, options.batchSize === 1 ? statements[0] : statements, result, performance.now());
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { ...result, elapsedMs: performance.now() - start, requests };
}

export async function openLoop(
  client: BenchClient,
  learners: readonly string[],
  options: { ratePerSecond: number; durationMs: number },
): Promise<LoadResult> {
  const result: LoadResult = {
    acknowledged: [],
    errors: new Map(),
    latenciesMs: [],
    elapsedMs: 0,
    requests: 0,
  };
  const counter = { n: 0 };
  const interval = 1000 / options.ratePerSecond;
  const total = Math.round((options.durationMs / 1000) * options.ratePerSecond);
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  let sent = 0;
  let maxSendLagMs = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        const scheduled = start + sent * interval;
        maxSendLagMs = Math.max(maxSendLagMs, now - scheduled);
        const [statement] = statementsFor(learners, 1, counter);
        inFlight.push(post(client, statement, result, scheduled));
        sent += 1;
      }
      if (sent >= total) return done();
      setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  return { ...result, elapsedMs: performance.now() - start, requests: sent, maxSendLagMs };
}

/** The q-quantile (0 … 1) by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/** Every statement id stored for these learners, read back through the history API page by page. */
export async function storedIds(client: BenchClient, learners: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const learner of learners) {
    let cursor: string | undefined;
    do {
      const query = `limit=1000${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await client.send("GET", `/api/learners/${learner}/events?${query}`);
      if (response.status !== 200) throw new Error(`history of ${learner}: HTTP ${response.status}`);
      const page = response.body as { events: { statement: { id: string } }[]; nextCursor?: string };
      for (const event of page.events) ids.add(event.statement.id);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return ids;
}
