import { writeFileSync } from "node:fs";
import { evaluatePolicy, getPolicy, type LearningEnvironment } from "@pathwise/engine";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import { loadEnvironment } from "./simulate-kt";

const SimulateOptions = z.object({
  env: z.string().min(1),
  policy: z.string().min(1),
  steps: z.coerce.number().int().min(1).max(1000),
  episodes: z.coerce.number().int().min(2).max(10_000_000),
  seed: z.coerce.number().int().min(0).max(0xffffffff),
  out: z.string().min(1).optional(),
});

/** `pathwise simulate`: evaluates a learning-path policy on a learner simulator and reports E_p with a 95% CI. */
export function register(program: Command): void {
  program
    .command("simulate")
    .description("evaluate a learning-path policy in a simulator: learning gain E_p, mean and 95% CI")
    .requiredOption(
      "--env <name>",
      "simulator: kss, or kt (DKT learner; needs bench/paths/train-dkt.ts first)",
    )
    .requiredOption(
      "--policy <name>",
      "policy: random, topological, goals-only, planner, planner-no-coherence",
    )
    .option("--steps <n>", "recommendations per episode (5, 10, 20)", "20")
    .option("--episodes <n>", "simulated learners", "4000")
    .option("--seed <n>", "PRNG seed", "1")
    .option("--out <file>", "also write the JSON result to this file")
    .action(function simulateAction(raw: Record<string, unknown>) {
      const parsed = SimulateOptions.safeParse(raw);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ");
        program.error(`simulate: invalid options: ${problems}`);
      }
      const options = parsed.data;
      let environment: LearningEnvironment;
      let policy: ReturnType<typeof getPolicy>;
      try {
        environment = loadEnvironment(options.env);
        policy = getPolicy(options.policy);
      } catch (error) {
        program.error(`simulate: ${(error as Error).message}`);
      }
      const bar = new SingleBar({
        format: "simulate [{bar}] {value}/{total} episodes",
        stream: process.stderr,
      });
      bar.start(options.episodes, 0);
      const result = evaluatePolicy(environment, policy, {
        steps: options.steps,
        episodes: options.episodes,
        seed: options.seed,
        onProgress: (done) => bar.update(done),
      });
      bar.stop();
      const json = JSON.stringify(result, null, 2);
      if (options.out) writeFileSync(options.out, `${json}\n`);
      process.stdout.write(`${json}\n`);
    });
}
