import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import {
  findFolds,
  isMultiSkillRepeat,
  type LearnerSequence,
  readKTFile,
  type SplitFormat,
} from "@pathwise/ml/data";

/**
 * Reads a published ASSISTments knowledge-tracing split (AKT or DKVMN layout, see
 * ../shared/datasets/<name>/README.md) into what an import needs: skills, problems and every learner's
 * answers. The CSV files are parsed by the ml package's readers (one reader per layout); this module only
 * adds what the platform needs around them: names from the side files, the union of learners over the
 * split's files, and one answer per response.
 *
 * Multi-skill problems: AKT's ASSIST2009 files repeat a response once per skill on consecutive positions
 * with the same problem id (the dataset README's "multi-skill expansion"). Such a run is ONE answer here,
 * to an item linked to all those skills. Without problem ids (DKVMN layout, ASSIST2015) repeats cannot be
 * told apart from real answers, so every position is an answer to its skill's item.
 */
export interface DatasetSkill {
  readonly id: number;
  readonly name: string;
}

export interface DatasetProblem {
  /** Problem id in the split's numbering, or the skill id when the split has no problem ids. */
  readonly id: number;
  readonly skills: readonly number[];
  readonly answers: number;
  readonly correct: number;
}

export interface DatasetAnswer {
  readonly problem: number;
  readonly correct: boolean;
}

export interface DatasetLearner {
  /** The split's learner key: AKT's student index, or `<file>#<record>` for DKVMN files. */
  readonly key: string;
  readonly answers: readonly DatasetAnswer[];
}

export interface AssistmentsDataset {
  /** e.g. `assist2009` (the folder above the split folder). */
  readonly name: string;
  readonly format: SplitFormat;
  /** True when items are real problems; false when each skill stands for its own item. */
  readonly hasProblems: boolean;
  readonly skills: readonly DatasetSkill[];
  readonly problems: readonly DatasetProblem[];
  readonly learners: readonly DatasetLearner[];
}

/** The files that together hold every learner of a split, once each (see the dataset READMEs). */
function learnerFiles(dir: string, format: SplitFormat): string[] {
  const folds = findFolds(dir, format);
  if (format === "akt") {
    // test1..5 partition the learners; AKT 2009's one leftover learner sits in every train file.
    return [...folds.map((fold) => fold.test), (folds[0] as { train: string }).train];
  }
  // DKVMN: `<prefix>_train.csv` (the union of the train/valid folds) and the shared `<prefix>_test.csv`.
  const test = (folds[0] as { test: string }).test;
  const train = test.replace(/_test\.csv$/, "_train.csv");
  if (!existsSync(train)) throw new Error(`${dir}: expected ${basename(train)} next to ${basename(test)}`);
  return [train, test];
}

/** Skill names from the split's side file; numeric names (ASSIST2015's problem-set ids) get a label. */
function readSkillNames(dir: string, format: SplitFormat): Map<number, string> {
  const names = new Map<number, string>();
  const files = readdirSync(dir);
  const label = (name: string) => {
    const clean = name.trim().replace(/^"(.*)"$/, "$1");
    return /^\d+$/.test(clean) ? `ASSISTments skill builder ${clean}` : clean;
  };
  if (format === "akt") {
    const skillFile = join(dir, "skill.json");
    if (!existsSync(skillFile)) throw new Error(`${dir}: skill.json (skill name → id) is missing`);
    const map = JSON.parse(readFileSync(skillFile, "utf8")) as Record<string, number>;
    for (const [name, id] of Object.entries(map)) names.set(id, label(name));
    return names;
  }
  const mapping = files.find((f) => f.endsWith("skill_mapping.txt"));
  const nameToId = files.find((f) => f.endsWith("_sname_sid"));
  if (mapping) {
    for (const line of readFileSync(join(dir, mapping), "utf8").split("\n")) {
      const [id, name] = line.split("\t");
      if (id && name) names.set(Number(id), label(name));
    }
  } else if (nameToId) {
    for (const line of readFileSync(join(dir, nameToId), "utf8").split("\n")) {
      const [name, id] = line.split("\t");
      if (id && name) names.set(Number(id), label(name));
    }
  } else {
    throw new Error(`${dir}: no skill name file (*skill_mapping.txt or *_sname_sid)`);
  }
  return names;
}

function learnerOrder(a: LearnerSequence, b: LearnerSequence): number {
  const [x, y] = [Number(a.learner), Number(b.learner)];
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.learner.localeCompare(b.learner);
}

/** Reads the split in `dir`; with `limitStudents`, only the first N learners (by key) and what they touch. */
export function readAssistments(
  dir: string,
  format: SplitFormat,
  limitStudents?: number,
): AssistmentsDataset {
  const seen = new Map<string, LearnerSequence>();
  for (const file of learnerFiles(dir, format)) {
    for (const sequence of readKTFile(file).sequences) {
      if (!seen.has(sequence.learner)) seen.set(sequence.learner, sequence);
    }
  }
  const sequences = [...seen.values()].sort(learnerOrder).slice(0, limitStudents ?? seen.size);
  const hasProblems = sequences.some((s) => s.problems !== undefined);
  const problems = new Map<number, { skills: Set<number>; answers: number; correct: number }>();
  const learners: DatasetLearner[] = sequences.map((sequence) => {
    const answers: DatasetAnswer[] = [];
    for (let t = 0; t < sequence.correct.length; t++) {
      const skill = sequence.skills[t] as number;
      const problem = sequence.problems ? (sequence.problems[t] as number) : skill;
      const entry = problems.get(problem) ?? { skills: new Set<number>(), answers: 0, correct: 0 };
      entry.skills.add(skill);
      problems.set(problem, entry);
      const correct = sequence.correct[t] === 1;
      // A repeat with a different answer (2 of 51,071 in ASSIST2009) is kept as a real answer.
      if (isMultiSkillRepeat(sequence, t) && sequence.correct[t - 1] === sequence.correct[t]) continue;
      entry.answers += 1;
      entry.correct += correct ? 1 : 0;
      answers.push({ problem, correct });
    }
    return { key: sequence.learner, answers };
  });
  const names = readSkillNames(dir, format);
  const skillIds = [...new Set([...problems.values()].flatMap((p) => [...p.skills]))].sort((a, b) => a - b);
  return {
    name: basename(dirname(resolve(dir))),
    format,
    hasProblems,
    skills: skillIds.map((id) => ({ id, name: names.get(id) ?? `Skill ${id}` })),
    problems: [...problems.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([id, p]) => ({
        id,
        skills: [...p.skills].sort((a, b) => a - b),
        answers: p.answers,
        correct: p.correct,
      })),
    learners,
  };
}
