/**
 * The constants of the KSS simulator, exactly as `/work/shared/kss/SPEC.md` defines them
 * (after EduSim's "Knowledge Structure based Simulator", Liu et al., KDD 2019).
 * These are the simulator's hidden truth: no policy may import this file.
 */
export const KSS_CONCEPTS = 10;
export const KSS_MAX_ABILITY = 5;

/** Prerequisite edges a → b (a is a prerequisite of b). */
export const KSS_EDGES: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, 2],
  [1, 3],
  [2, 4],
  [2, 8],
  [3, 4],
  [4, 8],
  [5, 4],
  [5, 9],
  [6, 7],
  [7, 8],
  [8, 9],
];

/** Difficulty of each concept's test item. */
export const KSS_DIFFICULTY: readonly number[] = [0, 1, 2, 3, 3, 0, 3, 3, 4, 4];

/** Number of scripted warm-up steps before the recommender acts. */
export const KSS_WARMUP_STEPS = 20;
/** Warm-up picks the first concept (topological order) whose ability is below this. */
export const KSS_WARMUP_ABILITY_THRESHOLD = 0.6;
