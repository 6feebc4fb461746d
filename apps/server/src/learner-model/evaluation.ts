import type { TenantId } from "@pathwise/domain";
import {
  auc,
  collectScored,
  decodeSavedModel,
  evaluatePairs,
  type FairnessRow,
  fairnessTable,
  type KTDataset,
  type LearnerGroup,
  type MetricReport,
  predictInWorker,
  type SavedModel,
} from "@pathwise/ml";
import { type AnswerEvent, eventsToDataset, type IdVocabulary } from "@pathwise/ml/data";
import { type ModelFile, type Repositories, type StoredVocabulary, sha256Hex } from "@pathwise/storage";
import type { HeadToHead } from "./selection";

/** Test-set metrics and the per-group table of one trained model. */
export async function scoreOnTest(
  saved: SavedModel,
  test: KTDataset,
  groupsOf: (learner: string) => readonly LearnerGroup[],
  minGroupSize: number,
  signal: AbortSignal,
): Promise<{ test: MetricReport; fairness: FairnessRow[] }> {
  const predictions = await predictInWorker({ saved, sequences: test.sequences }, signal);
  return {
    test: evaluatePairs(collectScored(test.sequences, predictions)),
    fairness: fairnessTable(test.sequences, predictions, groupsOf, minGroupSize),
  };
}

/**
 * Groups of each learner for the fairness table: every class they are enrolled in as a learner, and the
 * value of each configured attribute they have.
 */
export async function learnerGroups(
  repos: Repositories,
  tenantId: TenantId,
  learnerIds: readonly string[],
  attributeKeys: readonly string[],
): Promise<(learner: string) => readonly LearnerGroup[]> {
  const classes = await repos.models.learnerClasses(tenantId, learnerIds);
  const attributes = await repos.users.attributesOf(tenantId, learnerIds, attributeKeys);
  return (learner) => [
    ...(classes.get(learner) ?? []).map((c) => ({ dimension: "class", group: c.id, label: c.name.en })),
    ...Object.entries(attributes.get(learner) ?? {}).map(([key, value]) => ({
      dimension: `attribute:${key}`,
      group: value,
    })),
  ];
}

export const toStoredVocabulary = (vocabulary: IdVocabulary): StoredVocabulary => ({
  concepts: Object.fromEntries(vocabulary.concepts),
  items: Object.fromEntries(vocabulary.items),
});

const toIdVocabulary = (stored: StoredVocabulary): IdVocabulary => ({
  concepts: new Map(Object.entries(stored.concepts)),
  items: new Map(Object.entries(stored.items)),
});

/** Decodes a stored model file after checking its SHA-256, so a corrupt file is refused, not loaded. */
export function decodeModelFile(file: ModelFile): SavedModel {
  if (sha256Hex(file.file) !== file.sha256)
    throw new Error(`the file of model ${file.id} does not match its SHA-256 (corrupt)`);
  return decodeSavedModel(Buffer.from(file.file).toString("utf8"), `model ${file.id}`);
}

/**
 * Scores the champion and the challenger on the same held-out answers: the test learners' answers
 * whose item and concepts the champion knows (it cannot predict items added after it was trained).
 * Both models see the same, filtered, sequences, so the AUCs are comparable.
 */
export async function compareWithChampion(input: {
  champion: ModelFile;
  challenger: { saved: SavedModel; vocabulary: IdVocabulary };
  testRecords: readonly AnswerEvent[];
  signal: AbortSignal;
}): Promise<HeadToHead> {
  const championSaved = decodeModelFile(input.champion);
  const known = input.champion.vocabulary;
  const shared = input.testRecords.filter(
    (record) =>
      known.items[record.itemId] !== undefined &&
      record.conceptIds.every((concept) => known.concepts[concept] !== undefined),
  );
  const score = async (saved: SavedModel, vocabulary: IdVocabulary) => {
    const { dataset } = eventsToDataset(shared, { vocabulary, frozen: true });
    const predictions = await predictInWorker({ saved, sequences: dataset.sequences }, input.signal);
    return auc(collectScored(dataset.sequences, predictions));
  };
  const copy = (v: IdVocabulary): IdVocabulary => ({
    concepts: new Map(v.concepts),
    items: new Map(v.items),
  });
  return {
    championId: input.champion.id,
    championKind: input.champion.kind,
    championAuc: await score(championSaved, toIdVocabulary(known)),
    challengerAuc: await score(input.challenger.saved, copy(input.challenger.vocabulary)),
    answers: shared.length,
    learners: new Set(shared.map((r) => r.learner)).size,
  };
}
