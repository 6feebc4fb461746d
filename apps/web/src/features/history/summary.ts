import { type Statement, toLearnerEvent } from "@pathwise/domain";

export interface PracticeSummary {
  /** Graded answers (statements with a result.success). */
  answers: number;
  correct: number;
  /** Share of graded answers that were correct; undefined with no graded answer. */
  correctRate: number | undefined;
  lastActive: Date | undefined;
}

/** Raw counts over a learner's statements: observed data, not a mastery estimate. */
export function summarizePractice(statements: readonly Statement[]): PracticeSummary {
  let answers = 0;
  let correct = 0;
  let lastActive: Date | undefined;
  for (const statement of statements) {
    const event = toLearnerEvent(statement);
    if (lastActive === undefined || event.timestamp > lastActive) lastActive = event.timestamp;
    if (event.correct === undefined) continue;
    answers++;
    if (event.correct) correct++;
  }
  return { answers, correct, correctRate: answers === 0 ? undefined : correct / answers, lastActive };
}
