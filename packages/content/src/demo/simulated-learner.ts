import type { Random } from "./random";

/**
 * A small simulated learner for the demo school's histories. Not a research simulator (see
 * packages/engine for that): just enough structure that histories differ the way real ones do.
 *
 * - Response model: Rasch (Rasch 1960) on a per-concept ability θ_c, with a guessing floor for
 *   multiple choice (the 3PL's c; Birnbaum 1968):
 *     p(correct) = c + (1 − c) · σ(θ_c − b_item − κ · gap_c),   b_item = 0.8 · (level − 3)
 *   where gap_c = mean over prerequisites p of max(0, τ − θ_p): weak prerequisites make a concept harder.
 * - Learning: each practice raises θ_c by  rate · readiness_c · (1 − σ(θ_c − 1)),  readiness_c = e^(−gap_c),
 *   so practice pays off less when prerequisites are weak and less as the concept is mastered.
 * - Pacing: a learner works on concepts whose prerequisites they have passed (recent accuracy ≥ 0.75 over
 *   at least 4 answers), picking among that frontier, and reviews a passed concept 20% of the time.
 */
export interface SimConcept {
  readonly key: string;
  readonly prerequisites: readonly string[];
}

export interface SimItem {
  readonly key: string;
  readonly concepts: readonly string[];
  /** Author's difficulty level, 1 … 5. */
  readonly level: number;
  /** Probability of a correct guess (1 / number of choices for multiple choice, else 0). */
  readonly guess: number;
}

export interface LearnerProfile {
  /** Mean starting ability (logits) over concepts. */
  readonly ability: number;
  /** Logit gain per practice at full readiness. */
  readonly learningRate: number;
  /** Practice sessions over the period. */
  readonly sessions: number;
  /** Answers per session, on average. */
  readonly answersPerSession: number;
}

export interface SimulatedAnswer {
  readonly itemKey: string;
  readonly correct: boolean;
  readonly at: Date;
  readonly durationMs: number;
}

const KAPPA = 1.5;
const TAU = 0.5;
const PASS_ACCURACY = 0.75;
const PASS_MIN_ANSWERS = 4;
const REVIEW_SHARE = 0.2;
const DAY_MS = 86_400_000;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** A plausible class: abilities and learning rates spread around typical values. */
export function randomProfile(random: Random): LearnerProfile {
  return {
    ability: random.normal(-0.3, 0.8),
    learningRate: Math.exp(random.normal(Math.log(0.18), 0.4)),
    sessions: random.int(12, 20),
    answersPerSession: random.int(14, 24),
  };
}

/** Simulates one learner's answers in time order, sessions spread over [from, to). */
export function simulateLearner(
  concepts: readonly SimConcept[],
  items: readonly SimItem[],
  profile: LearnerProfile,
  random: Random,
  period: { readonly from: Date; readonly to: Date },
): SimulatedAnswer[] {
  const theta = new Map(concepts.map((c) => [c.key, random.normal(profile.ability, 0.5)]));
  const recent = new Map<string, boolean[]>(concepts.map((c) => [c.key, []]));
  const itemsOf = new Map(
    concepts.map((c) => [c.key, items.filter((item) => item.concepts.includes(c.key))]),
  );
  const ability = (key: string) => theta.get(key) ?? 0;
  const gap = (concept: SimConcept) =>
    concept.prerequisites.length === 0
      ? 0
      : concept.prerequisites.reduce((sum, p) => sum + Math.max(0, TAU - ability(p)), 0) /
        concept.prerequisites.length;
  const passed = (key: string) => {
    const last = (recent.get(key) ?? []).slice(-6);
    return last.length >= PASS_MIN_ANSWERS && last.filter(Boolean).length / last.length >= PASS_ACCURACY;
  };

  const answers: SimulatedAnswer[] = [];
  for (const start of sessionStarts(profile.sessions, random, period)) {
    let at = start.getTime();
    const count = Math.max(5, Math.round(random.normal(profile.answersPerSession, 3)));
    for (let n = 0; n < count; n++) {
      const concept = chooseConcept(concepts, passed, random);
      const item = random.pick(itemsOf.get(concept.key) ?? []);
      const b = 0.8 * (item.level - 3);
      const p = item.guess + (1 - item.guess) * sigmoid(ability(concept.key) - b - KAPPA * gap(concept));
      const correct = random.next() < p;
      const gain = profile.learningRate * Math.exp(-gap(concept)) * (1 - sigmoid(ability(concept.key) - 1));
      theta.set(concept.key, ability(concept.key) + gain);
      recent.get(concept.key)?.push(correct);
      // Wrong answers take longer; times are log-normal around 40 s (Van der Linden 2006).
      const durationMs = Math.round(Math.exp(random.normal(Math.log(correct ? 35_000 : 55_000), 0.45)));
      answers.push({ itemKey: item.key, correct, at: new Date(at), durationMs });
      at += durationMs + random.int(3_000, 20_000);
    }
  }
  return answers;
}

function chooseConcept(
  concepts: readonly SimConcept[],
  passed: (key: string) => boolean,
  random: Random,
): SimConcept {
  const done = concepts.filter((c) => passed(c.key));
  const frontier = concepts.filter((c) => !passed(c.key) && c.prerequisites.every(passed));
  if (frontier.length === 0 || (done.length > 0 && random.next() < REVIEW_SHARE)) {
    return random.pick(done.length > 0 ? done : concepts);
  }
  return random.pick(frontier);
}

/** Session start times on distinct random days of the period, 08:00–12:00 UTC (after school in UTC+8), in order. */
function sessionStarts(sessions: number, random: Random, period: { from: Date; to: Date }): Date[] {
  // Whole days strictly inside the period, so every session (≤ a few hours) falls between from and to.
  const firstDay = Math.ceil(period.from.getTime() / DAY_MS) * DAY_MS;
  const days = Math.max(1, Math.floor((period.to.getTime() - firstDay) / DAY_MS));
  const chosen = new Set<number>();
  while (chosen.size < Math.min(sessions, days)) chosen.add(random.int(0, days - 1));
  return [...chosen]
    .sort((a, b) => a - b)
    .map((day) => new Date(firstDay + day * DAY_MS + random.int(8 * 60, 12 * 60) * 60_000));
}
