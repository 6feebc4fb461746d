import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createKtEnvironment,
  dktWeightsFrom,
  getEnvironment,
  inferPrerequisiteGraph,
  type LearningEnvironment,
} from "@pathwise/engine";
import { datasetsDir, loadFold } from "@pathwise/ml/data";
import { z } from "zod";

/** Where bench/paths/train-dkt.ts writes the DKT that plays the learner in `--env kt`. */
export const DKT_MODEL_FILE = fileURLToPath(
  new URL("../../../../data/models/dkt-assist2015-fold1.json", import.meta.url),
);

const SavedDktSchema = z.object({
  model: z.literal("dkt"),
  dataShape: z.object({ numSkills: z.number().int().positive(), numProblems: z.number().int().min(0) }),
  weights: z.record(
    z.string(),
    z.object({ shape: z.array(z.number().int().positive()), values: z.array(z.number()) }),
  ),
});

/**
 * Builds the learner-model simulator: the saved DKT, the held-out learners of ASSIST2015 fold 1 (their sessions
 * give goals and history), and a prerequisite graph inferred from the training learners' practice order.
 */
export function loadKtEnvironment(modelFile = DKT_MODEL_FILE): LearningEnvironment {
  if (!existsSync(modelFile)) {
    throw new Error(
      `no trained DKT at ${modelFile}; train it with \`node --import tsx bench/paths/train-dkt.ts\``,
    );
  }
  const parsed = SavedDktSchema.safeParse(JSON.parse(readFileSync(modelFile, "utf8")));
  if (!parsed.success) throw new Error(`${modelFile}: not a saved DKT (${parsed.error.issues[0]?.message})`);
  const saved = parsed.data;
  const fold = loadFold(join(datasetsDir(), "assist2015", "akt_split"), "akt", 1);
  const numSkills = saved.dataShape.numSkills;
  const graph = inferPrerequisiteGraph(
    fold.train.sequences.map((s) => s.skills),
    numSkills,
  );
  return createKtEnvironment(dktWeightsFrom(numSkills, saved.weights), fold.test.sequences, graph);
}

/** Environments by name: the engine's pure ones, plus those that need files. */
export const ENVIRONMENT_LOADERS: ReadonlyMap<string, () => LearningEnvironment> = new Map([
  ["kss", () => getEnvironment("kss")],
  ["kt", () => loadKtEnvironment()],
]);

export function loadEnvironment(name: string): LearningEnvironment {
  const load = ENVIRONMENT_LOADERS.get(name);
  if (!load)
    throw new Error(`unknown environment "${name}"; known: ${[...ENVIRONMENT_LOADERS.keys()].join(", ")}`);
  return load();
}
