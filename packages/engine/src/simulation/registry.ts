import { kssEnvironment } from "../kss/environment";
import type { LearningEnvironment } from "./environment";

/**
 * Learner simulators that need nothing from outside the engine, by name. The learner-model simulator ("kt")
 * needs a trained DKT and real sessions, so it is built by the composition root (apps/cli simulate-kt.ts)
 * with `createKtEnvironment`.
 */
export const ENVIRONMENTS: ReadonlyMap<string, LearningEnvironment> = new Map([
  [kssEnvironment.name, kssEnvironment],
]);

export function getEnvironment(name: string): LearningEnvironment {
  const environment = ENVIRONMENTS.get(name);
  if (!environment)
    throw new Error(`unknown environment "${name}"; known: ${[...ENVIRONMENTS.keys()].join(", ")}`);
  return environment;
}
