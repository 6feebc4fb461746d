import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The two published split protocols:
 * - `akt`: 5-fold cross-validation, `<prefix>_train{i}.csv`, `<prefix>_valid{i}.csv`, `<prefix>_test{i}.csv`;
 *   train on train{i}, early-stop on valid{i}, test on test{i} (Ghosh et al., KDD 2020).
 * - `dkvmn`: `<prefix>_train{i}.csv`, `<prefix>_valid{i}.csv` and one `<prefix>_test.csv`;
 *   train on train{i}, early-stop on valid{i}, test on the shared test file (Zhang et al., WWW 2017).
 */
export type SplitFormat = "akt" | "dkvmn";
export const SPLIT_FORMATS: readonly SplitFormat[] = ["akt", "dkvmn"];

export interface FoldFiles {
  readonly fold: number;
  readonly train: string;
  readonly valid: string;
  readonly test: string;
}

const FOLD_FILE = /^(.*)_(train|valid|test)(\d+)\.csv$/;
const SHARED_TEST = /^(.*)_test\.csv$/;

/**
 * Finds every complete fold in `dir`, whatever the file-name prefix (one prefix per directory).
 * Returns folds sorted by number; throws naming the directory when none is complete.
 */
export function findFolds(dir: string, format: SplitFormat): FoldFiles[] {
  const names = readdirSync(dir);
  const byFold = new Map<number, { train?: string; valid?: string; test?: string }>();
  const prefixes = new Set<string>();
  let sharedTest: string | undefined;
  for (const name of names) {
    const match = FOLD_FILE.exec(name);
    if (match) {
      const [, prefix, role, fold] = match as unknown as [string, string, "train" | "valid" | "test", string];
      prefixes.add(prefix);
      const entry = byFold.get(Number(fold)) ?? {};
      entry[role] = join(dir, name);
      byFold.set(Number(fold), entry);
      continue;
    }
    const shared = SHARED_TEST.exec(name);
    if (shared) {
      prefixes.add(shared[1] as string);
      sharedTest = join(dir, name);
    }
  }
  if (prefixes.size > 1) {
    throw new Error(
      `${dir}: files with several prefixes (${[...prefixes].join(", ")}); keep one dataset per directory`,
    );
  }
  const folds: FoldFiles[] = [];
  for (const [fold, entry] of [...byFold.entries()].sort((a, b) => a[0] - b[0])) {
    const test = format === "akt" ? entry.test : sharedTest;
    if (entry.train && entry.valid && test)
      folds.push({ fold, train: entry.train, valid: entry.valid, test });
  }
  if (folds.length === 0) {
    const expected =
      format === "akt"
        ? "<prefix>_train{i}.csv, _valid{i}.csv and _test{i}.csv"
        : "<prefix>_train{i}.csv, _valid{i}.csv and _test.csv";
    throw new Error(`${dir}: no complete ${format} fold found (expected ${expected})`);
  }
  return folds;
}
