import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  datasetStats,
  datasetsDir,
  findFolds,
  isMultiSkillRepeat,
  loadFold,
  parseRecordFile,
  readKTFile,
} from "./index";

const root = datasetsDir();
const haveData = existsSync(join(root, "assist2009"));

describe("parseRecordFile", () => {
  it("detects the 3-line DKVMN layout (header = length)", () => {
    const parsed = parseRecordFile("3\n5,5,7\n1,0,1\n1\n2\n0\n", "t");
    expect(parsed.layout).toBe(3);
    expect(parsed.sequences).toHaveLength(2);
    expect(Array.from(parsed.sequences[0]?.skills ?? [])).toEqual([5, 5, 7]);
    expect(parsed.sequences[0]?.problems).toBeUndefined();
    expect(parsed.sequences[1]?.learner).toBe("t#1");
  });

  it("detects the 4-line AKT layout with problem ids and keeps the student index as key", () => {
    const parsed = parseRecordFile("12,999\n40,40,41\n3,4,3\n1,1,0\n", "t");
    expect(parsed.layout).toBe(4);
    expect(parsed.sequences[0]?.learner).toBe("12");
    expect(Array.from(parsed.sequences[0]?.problems ?? [])).toEqual([40, 40, 41]);
    expect(Array.from(parsed.sequences[0]?.correct ?? [])).toEqual([1, 1, 0]);
  });

  it("names the file and the bad record when neither layout fits", () => {
    expect(() => parseRecordFile("2\n1,2\n1,5\n", "broken")).toThrow(/broken.*last line is not 0\/1/);
  });
});

describe.skipIf(!haveData)("published ASSISTments splits", () => {
  it("ASSIST2009 AKT fold 1: train ∪ valid ∪ test holds the whole dataset (AKT Table 1)", () => {
    const dir = join(root, "assist2009/akt_split");
    expect(findFolds(dir, "akt").map((f) => f.fold)).toEqual([1, 2, 3, 4, 5]);
    const fold = loadFold(dir, "akt", 1);
    expect(datasetStats([fold.train, fold.valid, fold.test])).toEqual({
      learners: 4151,
      interactions: 325637,
      distinctSkills: 110,
      distinctProblems: 16891,
    });
    expect([fold.train.sequences.length, fold.valid.sequences.length, fold.test.sequences.length]).toEqual([
      2491, 830, 830,
    ]);
    expect(fold.test.numProblems).toBe(16891);
    let repeats = 0;
    for (const d of [fold.train, fold.valid, fold.test]) {
      for (const s of d.sequences) {
        if (s.learner === "1214" && d !== fold.train) continue;
        for (let t = 0; t < s.correct.length; t++) if (isMultiSkillRepeat(s, t)) repeats++;
      }
    }
    // The dataset README: 51,071 positions repeat the previous problem id.
    expect(repeats).toBe(51071);
  });

  it("ASSIST2015 AKT fold 3: 19,840 learners, 683,801 interactions, 100 skills, 3-line layout", () => {
    const fold = loadFold(join(root, "assist2015/akt_split"), "akt", 3);
    expect(datasetStats([fold.train, fold.valid, fold.test])).toEqual({
      learners: 19840,
      interactions: 683801,
      distinctSkills: 100,
      distinctProblems: 0,
    });
    expect(fold.train.sequences).toHaveLength(11904);
  });

  it("ASSIST2009 DKVMN split: train1 + valid1 + the shared test file hold every interaction", () => {
    const dir = join(root, "assist2009/dkvmn_split");
    const folds = findFolds(dir, "dkvmn");
    expect(folds).toHaveLength(5);
    expect(folds[0]?.test.endsWith("assist2009_updated_test.csv")).toBe(true);
    const fold = loadFold(dir, "dkvmn", 1);
    expect(fold.train.sequences).toHaveLength(2291);
    expect(datasetStats([fold.train, fold.valid, fold.test])).toMatchObject({
      learners: 4151,
      interactions: 325637,
    });
    expect(readKTFile(folds[0]?.test as string).numProblems).toBe(0);
  });
});
