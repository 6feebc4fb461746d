import type { PolicyDefinition } from "./policy";

/** Uniformly random concept at every step: the simulator's sanity check (SPEC.md expects E_p ≈ 0.10–0.13). */
export const randomPolicy: PolicyDefinition = {
  name: "random",
  description: "a uniformly random concept at every step",
  create(context, rng) {
    return {
      next: () => rng.int(0, context.graph.size - 1),
      observe: () => {},
    };
  },
};
