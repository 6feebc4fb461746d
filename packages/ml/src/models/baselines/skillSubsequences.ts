import type { KTDataset } from "../../data/sequence";

/** One learner's answers on one skill, in time order. `answers` shape [n], values 0/1. */
export interface SkillSubsequence {
  readonly skill: number;
  readonly answers: Uint8Array;
}

const cache = new WeakMap<KTDataset, SkillSubsequence[]>();

/**
 * Splits every learner sequence into per-skill answer subsequences — the unit BKT's HMM runs on.
 * Cached per dataset object because EM revisits the same split every epoch.
 */
export function skillSubsequences(dataset: KTDataset): SkillSubsequence[] {
  const cached = cache.get(dataset);
  if (cached) return cached;
  const result: SkillSubsequence[] = [];
  for (const sequence of dataset.sequences) {
    const bySkill = new Map<number, number[]>();
    for (let t = 0; t < sequence.correct.length; t++) {
      const skill = sequence.skills[t] as number;
      const list = bySkill.get(skill) ?? [];
      list.push(sequence.correct[t] as number);
      bySkill.set(skill, list);
    }
    for (const [skill, answers] of bySkill) result.push({ skill, answers: Uint8Array.from(answers) });
  }
  cache.set(dataset, result);
  return result;
}
