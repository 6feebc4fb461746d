import { prerequisiteClosure, topologicalOrder } from "../graph/closure";
import type { PolicyDefinition } from "./policy";

/**
 * Rule-based baseline: walk the goals' prerequisite closure in topological order and study the first concept
 * whose latest test answer is not correct (a concept never tested counts as not correct). When every concept
 * of the closure was last answered correctly, study the first goal again.
 */
export const topologicalPolicy: PolicyDefinition = {
  name: "topological",
  description:
    "first concept of the goals' prerequisite closure, in topological order, not yet answered correctly",
  create(context) {
    const closure = prerequisiteClosure(context.graph, context.goals);
    const order = topologicalOrder(context.graph).filter((k) => closure.has(k));
    const lastCorrect = new Map<number, boolean>();
    for (const o of context.history) lastCorrect.set(o.concept, o.correct);
    return {
      next: () => order.find((k) => lastCorrect.get(k) !== true) ?? (context.goals[0] as number),
      observe: (o) => {
        lastCorrect.set(o.concept, o.correct);
      },
    };
  },
};
