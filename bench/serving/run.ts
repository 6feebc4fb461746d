/**
 * Serving latency benchmark: writes docs/benchmarks/serving.md and serving.json.
 *   npm run bench:serving [-- --learners 300 --train-seconds 40 --calls 500 --seed 1]
 *
 * Each registered model is trained briefly on a real subset of ASSIST2009 (AKT split, fold 1): this
 * measures latency, not accuracy — the weights only need the production shapes (registry defaults).
 * A test learner with ≥ 200 interactions gives the 200-interaction state; 1,000 distinct problems drawn
 * from the training bank (with all their skills) are the candidates. Per model it times building the state
 * from scratch, `predict` over the 1,000 candidates (after a warm-up), `observe` of one new interaction on
 * the 200-interaction state, and `explain` (top 5). A micro-benchmark compares plain typed-array math with
 * tfjs-wasm on the dense products serving needs, the basis for serving on typed arrays.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { SavedModel } from "../../packages/ml/src/contract";
import { loadFold } from "../../packages/ml/src/data/dataset";
import { datasetsDir } from "../../packages/ml/src/data/datasetsDir";
import type { KTDataset, LearnerSequence } from "../../packages/ml/src/data/sequence";
import { windowDataset } from "../../packages/ml/src/data/window";
import { seededRandom } from "../../packages/ml/src/engine/random";
import "../../packages/ml/src/models/index";
import { getModel } from "../../packages/ml/src/registry";
import type { Candidate, Interaction, Predictor } from "../../packages/ml/src/serving/contract";
import { createPredictor } from "../../packages/ml/src/serving/index";
import { parseBenchArgs } from "../args";
import { compareDenseMath, type MathComparison } from "./dense-math";
import { type KernelProfile, profileKernels } from "./kernels";
import { renderReport } from "./report";

/** Benchmark entries that are a registered model with a non-default setting. */
const VARIANTS: Record<string, { model: string; config: Record<string, unknown> }> = {
  "akt-nr": { model: "akt", config: { rasch: "off" } },
};

const Args = z.object({
  learners: z.coerce.number().int().min(20).default(300),
  "train-seconds": z.coerce.number().min(1).default(40),
  calls: z.coerce.number().int().min(10).default(500),
  seed: z.coerce.number().int().min(0).default(1),
  /** Model names; `akt-nr` is AKT with its Rasch problem embeddings off (work per skill, not per problem). */
  models: z.string().default("bkt,elo,pfa,dnn,dkt,sakt,akt,akt-nr"),
});

export interface Timing {
  readonly calls: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  /** CPU milliseconds of each call (user + system, all threads): insensitive to waiting for a core. */
  readonly cpuP50: number;
  readonly cpuP99: number;
}

export interface ModelResult {
  readonly model: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly trainSeconds: number;
  readonly build: Timing;
  readonly predict: Timing;
  readonly observe: Timing;
  readonly explain: Timing;
  /** For the models whose candidate pass runs on tfjs (SAKT, AKT): predict's time by kernel. */
  readonly kernels?: KernelProfile;
}

export interface ServingReport {
  readonly command: string;
  readonly date: string;
  readonly commit: string;
  readonly machine: { cpus: number; cpuModel: string; loadAverageAtStart: number[]; node: string };
  readonly data: {
    dataset: string;
    trainLearners: number;
    trainSecondsCap: number;
    historyLength: number;
    candidates: number;
    distinctSkills: number;
    distinctSkillProblemPairs: number;
  };
  readonly models: ModelResult[];
  readonly denseMath: MathComparison[];
  readonly wallSeconds: number;
}

/** Milliseconds of each call, summarised; `run` is timed `calls` times. */
function time(calls: number, run: (i: number) => void): Timing {
  const ms = new Float64Array(calls);
  const cpuMs = new Float64Array(calls);
  for (let i = 0; i < calls; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run(i);
    ms[i] = performance.now() - start;
    const used = process.cpuUsage(cpu);
    cpuMs[i] = (used.user + used.system) / 1000;
  }
  const quantile = (values: Float64Array, q: number) =>
    Float64Array.from(values).sort()[Math.min(calls - 1, Math.ceil(q * calls) - 1)] as number;
  return {
    calls,
    p50: quantile(ms, 0.5),
    p99: quantile(ms, 0.99),
    mean: ms.reduce((a, b) => a + b, 0) / calls,
    cpuP50: quantile(cpuMs, 0.5),
    cpuP99: quantile(cpuMs, 0.99),
  };
}

function interactionsOf(sequence: LearnerSequence): Interaction[] {
  return Array.from(sequence.correct, (y, t) => ({
    skill: sequence.skills[t] as number,
    problem: sequence.problems?.[t] ?? 0,
    correct: y === 1,
  }));
}

/** The item bank: each problem of the training split with every skill it was tagged with. */
function drawCandidates(train: KTDataset, count: number, random: () => number): Candidate[] {
  const skillsOf = new Map<number, Set<number>>();
  for (const s of train.sequences) {
    for (let t = 0; t < s.correct.length; t++) {
      const problem = s.problems?.[t] ?? 0;
      const skills = skillsOf.get(problem) ?? new Set<number>();
      skills.add(s.skills[t] as number);
      skillsOf.set(problem, skills);
    }
  }
  const problems = [...skillsOf.keys()].filter((p) => p > 0);
  for (let i = problems.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [problems[i], problems[j]] = [problems[j] as number, problems[i] as number];
  }
  return problems.slice(0, count).map((problem) => ({ problem, skills: [...(skillsOf.get(problem) ?? [])] }));
}

async function benchModel(
  name: string,
  train: KTDataset,
  valid: KTDataset,
  history: readonly Interaction[],
  later: readonly Interaction[],
  candidates: readonly Candidate[],
  args: z.infer<typeof Args>,
): Promise<ModelResult> {
  const variant = VARIANTS[name] ?? { model: name, config: {} };
  const definition = getModel(variant.model);
  const deep = "maxLength" in definition.defaults;
  // Small batches keep each training step (and AKT's attention memory) short, so the time cap is honoured.
  const config = deep
    ? {
        ...variant.config,
        maxEpochs: 1,
        maxTrainSeconds: args["train-seconds"],
        batchSize: 16,
        evalBatchSize: 16,
      }
    : { ...variant.config, maxEpochs: 2 };
  const shape = { numSkills: train.numSkills, numProblems: train.numProblems };
  const model = definition.create(config, shape);
  const started = performance.now();
  await model.fit(train, valid);
  const trainSeconds = (performance.now() - started) / 1000;
  console.log(`${name}: trained in ${trainSeconds.toFixed(0)} s`);
  const saved: SavedModel = await model.save();
  model.dispose();
  const predictor: Predictor = await createPredictor(saved);
  const random = seededRandom(args.seed);

  const buildState = () => predictor.observe(predictor.initialState(), history);
  const build = time(20, () => buildState());
  const state = buildState();
  for (let i = 0; i < 50; i++) predictor.predict(state, candidates);
  const predict = time(args.calls, () => predictor.predict(state, candidates));
  // Steady state: each new answer arrives at a state that already holds ≥ 200 interactions.
  const observe = time(later.length, (i) => predictor.observe(state, [later[i] as Interaction]));
  const explain = time(50, () =>
    predictor.explain(state, candidates[Math.floor(random() * candidates.length)] as Candidate, 5),
  );
  const kernels =
    variant.model === "sakt" || variant.model === "akt"
      ? await profileKernels(() => predictor.predict(state, candidates))
      : undefined;
  predictor.dispose();
  console.log(
    `${name}: predict p50 ${predict.p50.toFixed(2)} ms p99 ${predict.p99.toFixed(2)} ms, observe p50 ${observe.p50.toFixed(2)} ms, explain p50 ${explain.p50.toFixed(2)} ms`,
  );
  return {
    model: name,
    config: saved.config,
    trainSeconds,
    build,
    predict,
    observe,
    explain,
    ...(kernels ? { kernels } : {}),
  };
}

async function main() {
  const args = parseBenchArgs("serving", Args, process.argv.slice(2));
  const wallStart = performance.now();
  const loadAverageAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const dir = join(datasetsDir(), "assist2009", "akt_split");
  const fold = loadFold(dir, "akt", 1);
  const train = windowDataset(
    { ...fold.train, sequences: fold.train.sequences.slice(0, args.learners) },
    200,
  );
  const valid = windowDataset({ ...fold.valid, sequences: fold.valid.sequences.slice(0, 30) }, 200);
  const learner = fold.test.sequences.find((s) => s.correct.length >= 250);
  if (!learner) throw new Error("bench/serving: no test learner with ≥ 250 interactions in fold 1");
  const all = interactionsOf(learner);
  const history = all.slice(0, 200);
  const later = all.slice(200, 250);
  const candidates = drawCandidates(fold.train, 1000, seededRandom(args.seed));
  const models: ModelResult[] = [];
  for (const name of args.models.split(",")) {
    models.push(await benchModel(name, train, valid, history, later, candidates, args));
  }
  const denseMath = await compareDenseMath();
  const report: ServingReport = {
    command: `npm run bench:serving${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    date: new Date().toISOString(),
    commit: execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      loadAverageAtStart,
      node: process.version,
    },
    data: {
      dataset: "ASSIST2009 (AKT split, fold 1)",
      trainLearners: args.learners,
      trainSecondsCap: args["train-seconds"],
      historyLength: history.length,
      candidates: candidates.length,
      distinctSkills: new Set(candidates.flatMap((c) => c.skills)).size,
      distinctSkillProblemPairs: new Set(candidates.flatMap((c) => c.skills.map((k) => `${k}:${c.problem}`)))
        .size,
    },
    models,
    denseMath,
    wallSeconds: (performance.now() - wallStart) / 1000,
  };
  const out = join(dirname(fileURLToPath(import.meta.url)), "../../docs/benchmarks");
  writeFileSync(join(out, "serving.json"), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(out, "serving.md"), renderReport(report));
  console.log(`wrote docs/benchmarks/serving.md in ${report.wallSeconds.toFixed(0)} s`);
}

await main();
