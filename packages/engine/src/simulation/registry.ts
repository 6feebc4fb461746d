import { kssEnvironment } from "../kss/environment";
import type { LearningEnvironment } from "./environment";

/**
 * Learner simulators by name. "kt" (a DKT trained on ASSIST2015 acting as the learner) is not registered:
 * it needs the deep KT model, which was not available in time — see docs/engine.md.
 */
export const ENVIRONMENTS: ReadonlyMap<string, LearningEnvironment> = new Map([
  [kssEnvironment.name, kssEnvironment],
]);

/** Names the CLI accepts; `kt` is listed so it can fail with a clear explanation rather than "unknown". */
export const PLANNED_ENVIRONMENTS: ReadonlyMap<string, string> = new Map([
  ["kt", "the DKT learner-model simulator is not implemented yet (needs a trained DKT from @pathwise/ml)"],
]);

export function getEnvironment(name: string): LearningEnvironment {
  const environment = ENVIRONMENTS.get(name);
  if (environment) return environment;
  const planned = PLANNED_ENVIRONMENTS.get(name);
  if (planned) throw new Error(`environment "${name}": ${planned}`);
  throw new Error(`unknown environment "${name}"; known: ${[...ENVIRONMENTS.keys()].join(", ")}`);
}
