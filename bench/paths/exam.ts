import { join } from "node:path";
import { centralInterval, mixedScoreDistribution } from "@pathwise/engine";
import { getModel, type LearnerSequence } from "@pathwise/ml";
import { datasetsDir, loadFold } from "@pathwise/ml/data";
import "@pathwise/ml/models";

/**
 * Exam-score prediction checked on real learners (ASSIST2015, AKT split, fold 1).
 * A baseline from @pathwise/ml (PFA, Pavlik et al. 2009) is fitted on the training learners. For every held-out
 * learner with at least MIN_HISTORY + EXAM_LENGTH answers, the last EXAM_LENGTH answers are the "exam" and
 * everything before is the history; each exam item's p(correct) is predicted from the history alone (the model
 * never sees another exam answer). The 90% interval of the score then either covers the observed score or not.
 * The learner-level spread σ is chosen on the validation learners (maximum likelihood of their scores).
 */
export const EXAM_LENGTH = 20;
export const MIN_HISTORY = 10;
const SIGMA_GRID = Array.from({ length: 31 }, (_, i) => i * 0.05);

export interface ExamCoverageReport {
  readonly dataset: string;
  readonly model: string;
  readonly examLength: number;
  readonly validLearners: number;
  readonly testLearners: number;
  readonly sigma: number;
  readonly coverage: { readonly sigma: number; readonly coverage: number; readonly meanWidth: number }[];
  readonly meanAbsoluteError: number;
}

interface Exam {
  readonly probabilities: number[];
  readonly observed: number;
}

async function examsFor(model: Awaited<ReturnType<typeof fitModel>>, sequences: readonly LearnerSequence[]) {
  const eligible = sequences.filter((s) => s.correct.length >= MIN_HISTORY + EXAM_LENGTH);
  const queries: LearnerSequence[] = [];
  for (const s of eligible) {
    const h = s.correct.length - EXAM_LENGTH;
    for (let j = 0; j < EXAM_LENGTH; j++) {
      // history + exam item j alone; its answer slot is never read for the prediction at that position
      const skills = new Int32Array(h + 1);
      skills.set(s.skills.subarray(0, h));
      skills[h] = s.skills[h + j] as number;
      const correct = new Uint8Array(h + 1);
      correct.set(s.correct.subarray(0, h));
      queries.push({ learner: `${s.learner}#${j}`, skills, correct });
    }
  }
  const predictions = await model.predict(queries);
  return eligible.map((s, i): Exam => {
    const h = s.correct.length - EXAM_LENGTH;
    const probabilities = Array.from({ length: EXAM_LENGTH }, (_, j) => {
      const p = predictions[i * EXAM_LENGTH + j];
      return p ? (p[h] as number) : Number.NaN;
    });
    let observed = 0;
    for (let j = 0; j < EXAM_LENGTH; j++) observed += s.correct[h + j] as number;
    return { probabilities, observed };
  });
}

async function fitModel(name: string, fold: ReturnType<typeof loadFold>) {
  const model = getModel(name).create(
    {},
    { numSkills: fold.train.numSkills, numProblems: fold.train.numProblems },
  );
  await model.fit(fold.train, fold.valid, { seed: 1 });
  return model;
}

function logLikelihood(exams: readonly Exam[], sigma: number): number {
  return exams.reduce(
    (s, e) => s + Math.log(Math.max(1e-300, mixedScoreDistribution(e.probabilities, sigma)[e.observed] ?? 0)),
    0,
  );
}

function coverage(exams: readonly Exam[], sigma: number) {
  let covered = 0;
  let width = 0;
  for (const e of exams) {
    const [lo, hi] = centralInterval(mixedScoreDistribution(e.probabilities, sigma), 0.9);
    if (e.observed >= lo && e.observed <= hi) covered++;
    width += hi - lo;
  }
  return { sigma, coverage: covered / exams.length, meanWidth: width / exams.length };
}

export async function runExamCoverage(
  log: (line: string) => void,
  modelName = "pfa",
): Promise<ExamCoverageReport> {
  const fold = loadFold(join(datasetsDir(), "assist2015", "akt_split"), "akt", 1);
  const model = await fitModel(modelName, fold);
  const valid = await examsFor(model, fold.valid.sequences);
  const test = await examsFor(model, fold.test.sequences);
  model.dispose();
  let sigma = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (const s of SIGMA_GRID) {
    const ll = logLikelihood(valid, s);
    if (ll > best) {
      best = ll;
      sigma = s;
    }
  }
  const rows = [coverage(test, 0), coverage(test, sigma)];
  const mae =
    test.reduce((s, e) => s + Math.abs(e.probabilities.reduce((a, p) => a + p, 0) - e.observed), 0) /
    test.length;
  for (const r of rows)
    log(
      `exam σ=${r.sigma.toFixed(2)}: coverage ${(100 * r.coverage).toFixed(1)}%, mean width ${r.meanWidth.toFixed(2)}`,
    );
  return {
    dataset: "assist2015 (AKT split, fold 1)",
    model: modelName,
    examLength: EXAM_LENGTH,
    validLearners: valid.length,
    testLearners: test.length,
    sigma,
    coverage: rows,
    meanAbsoluteError: mae,
  };
}
