import { goalsOnlyPolicy } from "./goals-only";
import { DEFAULT_PLANNER_SETTINGS, masteryPlannerPolicy, plannerPolicy } from "./planner";
import type { PolicyDefinition } from "./policy";
import { randomPolicy } from "./random";
import { topologicalPolicy } from "./topological";

/** Ablation: the same planner without the structural-neighbourhood preference (shows what coherence is worth). */
const incoherentPlanner = plannerPolicy(
  "planner-no-coherence",
  "the planner without keeping consecutive steps in the knowledge-structure neighbourhood (ablation)",
  { ...DEFAULT_PLANNER_SETTINGS, coherent: false },
);

/** Every simulator policy by name; the CLI and the bench look policies up here. */
export const POLICIES: ReadonlyMap<string, PolicyDefinition> = new Map(
  [randomPolicy, topologicalPolicy, goalsOnlyPolicy, masteryPlannerPolicy, incoherentPlanner].map((p) => [
    p.name,
    p,
  ]),
);

export function getPolicy(name: string): PolicyDefinition {
  const policy = POLICIES.get(name);
  if (!policy) throw new Error(`unknown policy "${name}"; known: ${[...POLICIES.keys()].join(", ")}`);
  return policy;
}
