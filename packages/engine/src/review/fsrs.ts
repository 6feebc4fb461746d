import { type Card, createEmptyCard, type FSRS, fsrs, type Grade, Rating } from "ts-fsrs";

/**
 * Spaced review with FSRS (Ye, Su & Cao, KDD 2022, "A Stochastic Shortest Path Algorithm for Optimizing
 * Spaced Repetition Scheduling"; FSRS-6 as implemented by `ts-fsrs`). One card per concept a learner has
 * studied: each practice answer of the concept is a review of its card.
 */
export interface ReviewCard {
  readonly concept: string;
  readonly card: Card;
}

export interface DueReview {
  readonly concept: string;
  readonly due: Date;
  /** FSRS probability of recall now. */
  readonly retrievability: number;
}

export interface ReviewSettings {
  /** Target probability of recall at the due date (FSRS "request retention"). */
  readonly requestRetention: number;
  readonly maximumIntervalDays: number;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { requestRetention: 0.9, maximumIntervalDays: 365 };

/**
 * Grade of a practice answer: a wrong answer is a lapse (Again); a right one is Good, or Hard when it took
 * more than twice the expected time, or Easy when it took less than half (time optional).
 */
export function gradeAnswer(correct: boolean, seconds?: number, expectedSeconds?: number): Grade {
  if (!correct) return Rating.Again;
  if (seconds === undefined || expectedSeconds === undefined || expectedSeconds <= 0) return Rating.Good;
  if (seconds > 2 * expectedSeconds) return Rating.Hard;
  if (seconds < 0.5 * expectedSeconds) return Rating.Easy;
  return Rating.Good;
}

export class ReviewScheduler {
  private readonly scheduler: FSRS;

  constructor(settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS) {
    // No fuzz: schedules are reproducible, which the explanations and tests rely on.
    this.scheduler = fsrs({
      request_retention: settings.requestRetention,
      maximum_interval: settings.maximumIntervalDays,
      enable_fuzz: false,
    });
  }

  /** Records one answer on a concept (creating its card on first study) and returns the updated card. */
  record(previous: ReviewCard | undefined, concept: string, grade: Grade, at: Date): ReviewCard {
    const card: Card = previous?.card ?? createEmptyCard<Card>(at);
    return { concept, card: this.scheduler.next(card, at, grade).card };
  }

  /** Cards due at `now`, least likely to be recalled first. */
  due(cards: readonly ReviewCard[], now: Date): DueReview[] {
    return cards
      .filter((c) => c.card.due.getTime() <= now.getTime())
      .map((c) => ({
        concept: c.concept,
        due: c.card.due,
        retrievability: this.scheduler.get_retrievability(c.card, now, false),
      }))
      .sort((x, y) => x.retrievability - y.retrievability || x.concept.localeCompare(y.concept));
  }

  /** Replays a concept's answer history into its card (what the server does from the event log). */
  replay(
    concept: string,
    answers: readonly { correct: boolean; at: Date; seconds?: number }[],
    expectedSeconds?: number,
  ) {
    let card: ReviewCard | undefined;
    for (const a of answers)
      card = this.record(card, concept, gradeAnswer(a.correct, a.seconds, expectedSeconds), a.at);
    return card;
  }
}
