import { type Statement, toLearnerEvent } from "@pathwise/domain";

export interface WeekOfPractice {
  /** Monday 00:00 UTC of the week. */
  weekStart: Date;
  /** Graded answers that week. */
  answers: number;
  correct: number;
}

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the ISO week (ISO 8601: weeks start on Monday) containing `date`. */
export function isoWeekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/**
 * Graded answers per week, from the first week with an answer to the last, with empty weeks kept
 * (a gap in practice is information too). Observed counts only: no model, no smoothing.
 */
export function weeklyPractice(statements: readonly Statement[]): WeekOfPractice[] {
  const weeks = new Map<number, WeekOfPractice>();
  for (const statement of statements) {
    const event = toLearnerEvent(statement);
    if (event.correct === undefined) continue;
    const start = isoWeekStart(event.timestamp);
    const week = weeks.get(start.getTime()) ?? { weekStart: start, answers: 0, correct: 0 };
    week.answers++;
    if (event.correct) week.correct++;
    weeks.set(start.getTime(), week);
  }
  const starts = [...weeks.keys()].sort((a, b) => a - b);
  const first = starts[0];
  const last = starts[starts.length - 1];
  if (first === undefined || last === undefined) return [];
  const series: WeekOfPractice[] = [];
  for (let time = first; time <= last; time += 7 * DAY_MS) {
    series.push(weeks.get(time) ?? { weekStart: new Date(time), answers: 0, correct: 0 });
  }
  return series;
}
