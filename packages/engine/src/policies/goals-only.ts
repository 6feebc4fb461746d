import type { PolicyDefinition } from "./policy";

/**
 * Baseline that ignores the graph: practise the goals themselves, round robin over the goals whose latest
 * answer is not correct (all goals when every one was last answered correctly). It shows how much a
 * simulator rewards prerequisite work at all: low on KSS (learning without prerequisites barely moves),
 * the best of our policies on the DKT learner (whose predictions follow recent practice of the same skill).
 */
export const goalsOnlyPolicy: PolicyDefinition = {
  name: "goals-only",
  description: "round robin over the goals not yet answered correctly; no prerequisites",
  create(context) {
    const lastCorrect = new Map<number, boolean>();
    for (const o of context.history) lastCorrect.set(o.concept, o.correct);
    let turn = 0;
    return {
      next() {
        const pending = context.goals.filter((g) => lastCorrect.get(g) !== true);
        const pool = pending.length > 0 ? pending : context.goals;
        return pool[turn++ % pool.length] as number;
      },
      observe(o) {
        lastCorrect.set(o.concept, o.correct);
      },
    };
  },
};
