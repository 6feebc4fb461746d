import {
  DEFAULT_LEARNER_SPLIT,
  type KTDataset,
  type LearnerSplit,
  type LearnerSplitOptions,
  splitByLearner,
} from "@pathwise/ml";
import { type AnswerEvent, eventsToDataset, type IdVocabulary } from "@pathwise/ml/data";
import type { CourseAnswers } from "@pathwise/storage";
import { PermanentJobError } from "../jobs/contract";

/** Below these a model's metrics say more about noise than about learners (and DKT barely trains). */
export const MIN_LEARNERS = 10;
export const MIN_ANSWERS = 200;

export interface TrainingSnapshot {
  readonly answers: number;
  readonly learners: number;
  readonly items: number;
  readonly concepts: number;
  readonly maxSeq: number;
  readonly splitSeed: number;
  readonly validFraction: number;
  readonly testFraction: number;
  readonly trainLearners: number;
  readonly validLearners: number;
  readonly testLearners: number;
  /** Answers to items linked to no concept: a knowledge-tracing model has nothing to attach them to. */
  readonly skippedWithoutConcepts: number;
}

export interface TrainingData {
  readonly records: readonly AnswerEvent[];
  readonly dataset: KTDataset;
  readonly vocabulary: IdVocabulary;
  readonly split: LearnerSplit;
  readonly snapshot: TrainingSnapshot;
}

/** A course's answers as `eventsToDataset` records; one per answer, with the item's concept ids. */
export function answerRecords(course: CourseAnswers): { records: AnswerEvent[]; skipped: number } {
  const records: AnswerEvent[] = [];
  let skipped = 0;
  for (const answer of course.answers) {
    const conceptIds = course.itemConcepts.get(answer.itemId);
    if (!conceptIds || conceptIds.length === 0) {
      skipped++;
      continue;
    }
    records.push({
      learner: answer.learnerId,
      itemId: answer.itemId,
      conceptIds: [...conceptIds],
      correct: answer.correct,
      timestamp: answer.occurredAt.getTime(),
    });
  }
  return { records, skipped };
}

/**
 * Turns a course's answer snapshot into a split dataset, or fails permanently with what exists and what
 * is needed (retrying cannot create learners). The vocabulary covers every id of the snapshot, so the
 * models are sized for the test learners' items too.
 */
export function prepareTrainingData(
  courseTitle: string,
  course: CourseAnswers,
  splitOptions: LearnerSplitOptions = DEFAULT_LEARNER_SPLIT,
): TrainingData {
  const { records, skipped } = answerRecords(course);
  const learners = new Set(records.map((r) => r.learner)).size;
  if (records.length < MIN_ANSWERS || learners < MIN_LEARNERS) {
    const has =
      records.length === 0
        ? "has no graded answers to its items yet"
        : `has ${records.length} graded answers by ${learners} learners`;
    throw new PermanentJobError(
      `Course "${courseTitle}" ${has}${skipped > 0 ? ` (${skipped} more on items without concepts)` : ""}; training needs at least ${MIN_ANSWERS} answers by at least ${MIN_LEARNERS} learners`,
    );
  }
  const { dataset, vocabulary } = eventsToDataset(records, { name: "course" });
  const split = splitByLearner(dataset, splitOptions);
  const counts = {
    train: split.train.sequences.length,
    valid: split.valid.sequences.length,
    test: split.test.sequences.length,
  };
  const empty = (Object.keys(counts) as (keyof typeof counts)[]).filter((part) => counts[part] === 0);
  if (empty.length > 0) {
    throw new PermanentJobError(
      `The learner split of course "${courseTitle}" left no learner in the ${empty.join(" and ")} set (${learners} learners: ${counts.train} train, ${counts.valid} validation, ${counts.test} test); training needs more learners`,
    );
  }
  return {
    records,
    dataset,
    vocabulary,
    split,
    snapshot: {
      answers: records.length,
      learners,
      items: vocabulary.items.size,
      concepts: vocabulary.concepts.size,
      maxSeq: course.maxSeq,
      splitSeed: splitOptions.seed,
      validFraction: splitOptions.validFraction,
      testFraction: splitOptions.testFraction,
      trainLearners: counts.train,
      validLearners: counts.valid,
      testLearners: counts.test,
      skippedWithoutConcepts: skipped,
    },
  };
}
