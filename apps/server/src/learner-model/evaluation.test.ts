import { encodeSavedModel, getModel } from "@pathwise/ml";
import { type AnswerEvent, eventsToDataset } from "@pathwise/ml/data";
import "@pathwise/ml/models";
import { sha256Hex } from "@pathwise/storage";
import { describe, expect, it } from "vitest";
import { compareWithChampion, decodeModelFile, toStoredVocabulary } from "./evaluation";

/** Answers of 12 learners on items a–c (concept x) and, later in the course, item d (concept y). */
function records(withNewItem: boolean): AnswerEvent[] {
  const out: AnswerEvent[] = [];
  for (let l = 0; l < 12; l++) {
    const knows = l % 2 === 0;
    for (let k = 0; k < 12; k++) {
      const item = withNewItem && k % 4 === 3 ? "d" : ["a", "b", "c"][k % 3];
      out.push({
        learner: `learner-${l}`,
        itemId: item as string,
        conceptIds: [item === "d" ? "y" : "x"],
        correct: (k % 5 === 4 ? !knows : knows) ? 1 : 0,
        timestamp: k,
      });
    }
  }
  return out;
}

async function trained(data: readonly AnswerEvent[]) {
  const { dataset, vocabulary } = eventsToDataset(data);
  const model = getModel("bkt").create({ maxEpochs: 3 }, dataset);
  await model.fit(dataset, dataset);
  const saved = await model.save();
  const bytes = Buffer.from(encodeSavedModel(saved), "utf8");
  return { saved, vocabulary, bytes };
}

describe("decodeModelFile", () => {
  it("refuses a file whose bytes no longer match its SHA-256", async () => {
    const { bytes } = await trained(records(false));
    const file = {
      id: "m",
      kind: "bkt",
      file: bytes,
      sha256: sha256Hex(bytes),
      vocabulary: { concepts: {}, items: {} },
      createdAt: new Date(),
    };
    expect(decodeModelFile(file).model).toBe("bkt");
    const tampered = Uint8Array.from(bytes);
    tampered[tampered.length - 3] = (tampered[tampered.length - 3] as number) ^ 1;
    expect(() => decodeModelFile({ ...file, file: tampered })).toThrow(
      "the file of model m does not match its SHA-256 (corrupt)",
    );
  });
});

describe("compareWithChampion", () => {
  it("scores both models on the same answers: those whose item and concepts the champion knows", async () => {
    const old = await trained(records(false));
    const fresh = await trained(records(true));
    const testRecords = records(true).filter((r) => Number(r.learner.split("-")[1]) < 4);
    const result = await compareWithChampion({
      champion: {
        id: "champion",
        kind: "bkt",
        file: old.bytes,
        sha256: sha256Hex(old.bytes),
        vocabulary: toStoredVocabulary(old.vocabulary),
        createdAt: new Date(),
      },
      challenger: { saved: fresh.saved, vocabulary: fresh.vocabulary },
      testRecords,
      signal: new AbortController().signal,
    });
    expect(result).toMatchObject({ championId: "champion", championKind: "bkt", learners: 4 });
    expect(result.answers).toBe(testRecords.filter((r) => r.itemId !== "d").length);
    expect(result.championAuc).toBeGreaterThan(0.5);
    expect(result.challengerAuc).toBeGreaterThan(0.5);
  }, 60_000);
});
