import { z } from "zod";
import type { KTDataset, LearnerSequence } from "./sequence";

/**
 * A plain answer record from the platform's event log (the xAPI-shaped event reduced to what KT needs).
 * `timestamp` is epoch milliseconds or an ISO-8601 string.
 */
export const answerEventSchema = z.object({
  learner: z.string().min(1),
  conceptIds: z.array(z.string().min(1)).min(1),
  itemId: z.string().min(1),
  correct: z.union([z.boolean(), z.literal(0), z.literal(1)]),
  timestamp: z.union([z.number().finite(), z.iso.datetime({ offset: true })]),
});
export type AnswerEvent = z.infer<typeof answerEventSchema>;

/** String ids ↔ the 1-based integer ids models use (0 stays the padding id). Keep it with a trained model. */
export interface IdVocabulary {
  readonly concepts: Map<string, number>;
  readonly items: Map<string, number>;
}

export function emptyVocabulary(): IdVocabulary {
  return { concepts: new Map(), items: new Map() };
}

function idFor(map: Map<string, number>, key: string, frozen: boolean, kind: string): number {
  const known = map.get(key);
  if (known !== undefined) return known;
  if (frozen) throw new Error(`unknown ${kind} id "${key}" (the vocabulary is frozen)`);
  map.set(key, map.size + 1);
  return map.size;
}

export interface EventsToSequencesOptions {
  /** Reuse a model's vocabulary; with `frozen`, unknown ids are an error instead of new ids. */
  readonly vocabulary?: IdVocabulary;
  readonly frozen?: boolean;
  readonly name?: string;
}

/**
 * Builds one `LearnerSequence` per learner, in timestamp order (ties keep log order). A multi-concept
 * answer becomes one position per concept with the same item id — the ASSIST2009 convention the
 * benchmark numbers use, so `isMultiSkillRepeat` finds the copies. Validates every record first and
 * reports the first bad one by index.
 */
export function eventsToDataset(
  records: readonly unknown[],
  options: EventsToSequencesOptions = {},
): { dataset: KTDataset; vocabulary: IdVocabulary } {
  const events = records.map((record, index) => {
    const parsed = answerEventSchema.safeParse(record);
    if (!parsed.success)
      throw new Error(`answer event ${index} is invalid: ${z.prettifyError(parsed.error)}`);
    const time =
      typeof parsed.data.timestamp === "number" ? parsed.data.timestamp : Date.parse(parsed.data.timestamp);
    return { ...parsed.data, time, index };
  });
  const vocabulary = options.vocabulary ?? emptyVocabulary();
  const frozen = options.frozen ?? false;
  const byLearner = new Map<string, typeof events>();
  for (const event of events) {
    const list = byLearner.get(event.learner) ?? [];
    list.push(event);
    byLearner.set(event.learner, list);
  }
  const sequences: LearnerSequence[] = [];
  for (const [learner, list] of byLearner) {
    list.sort((a, b) => a.time - b.time || a.index - b.index);
    const skills: number[] = [];
    const problems: number[] = [];
    const correct: number[] = [];
    const timestamps: number[] = [];
    for (const event of list) {
      const item = idFor(vocabulary.items, event.itemId, frozen, "item");
      for (const concept of event.conceptIds) {
        skills.push(idFor(vocabulary.concepts, concept, frozen, "concept"));
        problems.push(item);
        correct.push(event.correct === true || event.correct === 1 ? 1 : 0);
        timestamps.push(event.time);
      }
    }
    sequences.push({
      learner,
      skills: Int32Array.from(skills),
      problems: Int32Array.from(problems),
      correct: Uint8Array.from(correct),
      timestamps: Float64Array.from(timestamps),
    });
  }
  const dataset: KTDataset = {
    name: options.name ?? "events",
    sequences,
    numSkills: vocabulary.concepts.size,
    numProblems: vocabulary.items.size,
  };
  return { dataset, vocabulary };
}
