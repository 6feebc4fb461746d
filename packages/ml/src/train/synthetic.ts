import type { KTDataset, LearnerSequence } from "../data/sequence";
import { seededRandom } from "../engine/random";

/**
 * A dataset with known structure for tests: every learner has a hidden mastered/not-mastered state per
 * skill, drawn once; each answer equals that state except with probability `noise`. The best possible
 * predictor of an answer is the learner's earlier answers on the same skill, so a working sequence
 * model must reach a high AUC, while a model that ignores history stays near 0.5.
 */
export function masteryDataset(options: {
  learners: number;
  length: number;
  skills: number;
  noise?: number;
  seed?: number;
  name?: string;
  problemsPerSkill?: number;
}): KTDataset {
  const random = seededRandom(options.seed ?? 1);
  const noise = options.noise ?? 0.05;
  const perSkill = options.problemsPerSkill ?? 0;
  const sequences: LearnerSequence[] = [];
  for (let l = 0; l < options.learners; l++) {
    const mastered = Array.from({ length: options.skills + 1 }, () => random() < 0.5);
    const skills = new Int32Array(options.length);
    const problems = new Int32Array(options.length);
    const correct = new Uint8Array(options.length);
    for (let t = 0; t < options.length; t++) {
      const skill = 1 + Math.floor(random() * options.skills);
      skills[t] = skill;
      problems[t] = perSkill > 0 ? (skill - 1) * perSkill + 1 + Math.floor(random() * perSkill) : 0;
      const answer = mastered[skill] === true;
      correct[t] = (random() < noise ? !answer : answer) ? 1 : 0;
    }
    sequences.push({ learner: `synthetic-${l}`, skills, correct, ...(perSkill > 0 ? { problems } : {}) });
  }
  return {
    name: options.name ?? "synthetic-mastery",
    sequences,
    numSkills: options.skills,
    numProblems: perSkill > 0 ? options.skills * perSkill : 0,
  };
}
