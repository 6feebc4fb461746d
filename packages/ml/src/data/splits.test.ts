import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findFolds, loadFold } from "./index";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "pathwise-splits-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const record3 = "2\n4,5\n1,0\n";

describe("findFolds", () => {
  it("finds AKT-layout folds whatever the prefix and skips incomplete ones", () => {
    const dir = folder({
      "statics2011_train1.csv": record3,
      "statics2011_valid1.csv": record3,
      "statics2011_test1.csv": record3,
      "statics2011_train2.csv": record3,
    });
    expect(findFolds(dir, "akt").map((f) => f.fold)).toEqual([1]);
    const fold = loadFold(dir, "akt", 1);
    expect(fold.train.numSkills).toBe(5);
    expect(() => loadFold(dir, "akt", 2)).toThrow(/fold 2 not found.*folds present: 1/);
  });

  it("pairs DKVMN-layout folds with the shared test file", () => {
    const dir = folder({
      "x_train3.csv": record3,
      "x_valid3.csv": record3,
      "x_test.csv": record3,
      "x_train.csv": record3,
    });
    expect(findFolds(dir, "dkvmn")).toEqual([
      {
        fold: 3,
        train: join(dir, "x_train3.csv"),
        valid: join(dir, "x_valid3.csv"),
        test: join(dir, "x_test.csv"),
      },
    ]);
    expect(() => findFolds(dir, "akt")).toThrow(/no complete akt fold/);
  });

  it("refuses a folder mixing two datasets", () => {
    const dir = folder({ "a_train1.csv": record3, "b_valid1.csv": record3 });
    expect(() => findFolds(dir, "akt")).toThrow(/several prefixes \(a, b\)|several prefixes \(b, a\)/);
  });
});
