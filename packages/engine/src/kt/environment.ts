import type { Rng } from "../random/prng";
import type {
  LearningEnvironment,
  Observation,
  PrerequisiteStructure,
  SimulatedEpisode,
} from "../simulation/environment";
import { DktLearnerState, type DktWeights } from "./dkt-stepper";

/** A real learner's session: skills 1..S and answers, in time order. */
export interface RealSession {
  readonly skills: ArrayLike<number>;
  readonly correct: ArrayLike<number>;
}

export interface KtEnvironmentSettings {
  /** The goals are the distinct skills of this many last interactions of the real session. */
  readonly goalWindow: number;
  /** At most this many interactions before the goal window are replayed as history. */
  readonly maxHistory: number;
  /** A goal counts as already reached when the learner model gives it at least this p(correct). */
  readonly reachedAt: number;
}

export const DEFAULT_KT_SETTINGS: KtEnvironmentSettings = { goalWindow: 10, maxHistory: 150, reachedAt: 0.9 };

/**
 * The learner-model simulator: a DKT trained on real data plays the learner.
 * Start: a held-out real session; its last `goalWindow` interactions give the goals (what the learner was
 * working towards at the end of the session), the interactions before them are replayed into the DKT as history.
 * Step: learn-and-test concept k = ask skill k + 1; the answer is drawn from the DKT's p(correct) and fed back.
 * Score: the expected number of goals answered correctly, Σ_g p(g) (the DKT's answer to "does the learner
 * answer g correctly"), so E_p = (E_e − E_s) / (|goals| − E_s). Learners whose goals are all already at
 * p ≥ `reachedAt` are redrawn (as KSS redraws learners who already answer every goal).
 */
export function createKtEnvironment(
  weights: DktWeights,
  sessions: readonly RealSession[],
  graph: PrerequisiteStructure,
  settings: KtEnvironmentSettings = DEFAULT_KT_SETTINGS,
): LearningEnvironment {
  if (graph.size !== weights.numSkills)
    throw new Error(`kt: graph has ${graph.size} concepts, DKT ${weights.numSkills} skills`);
  const usable = sessions.filter((s) => s.skills.length > settings.goalWindow + 1);
  if (usable.length === 0)
    throw new Error(`kt: no session longer than ${settings.goalWindow + 1} interactions`);
  // The replayed history of a session is the same in every episode that draws it: replay it once.
  const replayed = new Map<number, { state: DktLearnerState; history: Observation[] }>();
  const replay = (index: number, session: RealSession, start: number, end: number) => {
    const cached = replayed.get(index);
    if (cached) return cached;
    const state = new DktLearnerState(weights);
    const history: Observation[] = [];
    for (let t = start; t < end; t++) {
      const skill = session.skills[t] as number;
      const correct = (session.correct[t] as number) === 1;
      state.observe(skill, correct);
      history.push({ concept: skill - 1, correct });
    }
    const entry = { state, history };
    replayed.set(index, entry);
    return entry;
  };
  return {
    name: "kt",
    description: "DKT trained on ASSIST2015 acting as the learner; goals from the end of real sessions",
    graph,
    startEpisode(rng: Rng): SimulatedEpisode {
      for (;;) {
        const index = rng.int(0, usable.length - 1);
        const session = usable[index] as RealSession;
        const end = session.skills.length - settings.goalWindow;
        const start = Math.max(0, end - settings.maxHistory);
        const replayedHistory = replay(index, session, start, end);
        const state = replayedHistory.state.clone();
        const history = replayedHistory.history;
        const goals = [
          ...new Set(
            Array.from({ length: settings.goalWindow }, (_, i) => (session.skills[end + i] as number) - 1),
          ),
        ].sort((a, b) => a - b);
        if (goals.every((g) => state.predict(g + 1) >= settings.reachedAt)) continue;
        return {
          goals,
          history,
          learnAndTest(k: number): boolean {
            const correct = rng.next() < state.predict(k + 1);
            state.observe(k + 1, correct);
            return correct;
          },
          goalsAnsweredCorrectly: () => goals.reduce((s, g) => s + state.predict(g + 1), 0),
        };
      }
    },
  };
}
