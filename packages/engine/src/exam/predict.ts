import type { DueReview } from "../review/fsrs";
import { centralInterval, expectedValue, mixedScoreDistribution } from "./score-distribution";

/** One blueprint entry: an item (or a slot of a concept) with this learner's predicted success. */
export interface BlueprintItem {
  readonly id: string;
  readonly concept: string;
  /** p(correct) from the learner model. */
  readonly probability: number;
}

export interface ExamPrediction {
  readonly items: number;
  readonly expectedScore: number;
  /** 90% interval of the number-correct score. */
  readonly interval90: readonly [number, number];
  /** Learner-level logit spread used (0 = independent answers). */
  readonly sigma: number;
}

/**
 * Expected score and 90% interval for a blueprint. `sigma` is the learner-level uncertainty calibrated on
 * held-out learners (bench/paths/exam.ts measures the coverage this gives on real ASSISTments learners).
 */
export function predictExam(blueprint: readonly BlueprintItem[], sigma = 0): ExamPrediction {
  const pmf = mixedScoreDistribution(
    blueprint.map((b) => b.probability),
    sigma,
  );
  return {
    items: blueprint.length,
    expectedScore: expectedValue(pmf),
    interval90: centralInterval(pmf, 0.9),
    sigma,
  };
}

export interface ReviewAdvice {
  /** Concepts by expected points lost on the blueprint, largest first. */
  readonly weakestConcepts: readonly {
    concept: string;
    expectedPointsLost: number;
    meanProbability: number;
  }[];
  /** Due reviews of concepts the blueprint tests, least recalled first. */
  readonly dueReviews: readonly DueReview[];
}

/** Targeted review advice: where the expected points are lost, and which tested concepts are due for review. */
export function reviewAdvice(
  blueprint: readonly BlueprintItem[],
  due: readonly DueReview[],
  top = 3,
): ReviewAdvice {
  const byConcept = new Map<string, number[]>();
  for (const b of blueprint) byConcept.set(b.concept, [...(byConcept.get(b.concept) ?? []), b.probability]);
  const weakest = [...byConcept.entries()]
    .map(([concept, ps]) => ({
      concept,
      expectedPointsLost: ps.reduce((s, p) => s + (1 - p), 0),
      meanProbability: ps.reduce((s, p) => s + p, 0) / ps.length,
    }))
    .sort((a, b) => b.expectedPointsLost - a.expectedPointsLost || a.concept.localeCompare(b.concept))
    .slice(0, top);
  const tested = new Set(byConcept.keys());
  return {
    weakestConcepts: weakest,
    dueReviews: [...due]
      .filter((d) => tested.has(d.concept))
      .sort((a, b) => a.retrievability - b.retrievability),
  };
}
