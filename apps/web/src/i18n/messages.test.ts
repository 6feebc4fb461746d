import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { baseKey, flattenMessages, keysUsedIn, placeholders } from "./catalogue";
import { UI_LOCALES } from "./locales";
import { en } from "./messages/en";

const SOURCE_ROOT = join(import.meta.dirname, "..");
const reference = flattenMessages(en);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const isCode = /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts");
    // The i18n folder defines the catalogues and the key finder; its comments show example keys.
    return isCode && !path.startsWith(join(SOURCE_ROOT, "i18n")) ? [path] : [];
  });
}

describe("translation catalogues", () => {
  for (const locale of UI_LOCALES) {
    const flat = flattenMessages(locale.messages);

    it(`${locale.code} has exactly the English keys`, () => {
      const missing = [...reference.keys()].filter((key) => !flat.has(key));
      const extra = [...flat.keys()].filter((key) => !reference.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${locale.code} has no empty text and the same {{placeholders}} as English`, () => {
      const problems: string[] = [];
      for (const [key, text] of flat) {
        if (text.trim() === "") problems.push(`${key}: empty`);
        const expected = placeholders(reference.get(key) ?? "");
        if (placeholders(text).join() !== expected.join()) {
          problems.push(
            `${key}: has {{${placeholders(text).join(", ")}}}, English has {{${expected.join(", ")}}}`,
          );
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it("the Chinese catalogue is actually translated (no English sentence copied over)", () => {
    const zh = flattenMessages(UI_LOCALES.find((locale) => locale.code === "zh-CN")?.messages ?? {});
    const untranslated = [...zh].filter(([key, text]) => key !== "app.name" && !/\p{Script=Han}/u.test(text));
    expect(untranslated).toEqual([]);
  });

  const files = sourceFiles(SOURCE_ROOT);
  const used = new Map<string, string>();
  for (const file of files) for (const key of keysUsedIn(readFileSync(file, "utf8"))) used.set(key, file);

  it("finds the message keys the code uses", () => {
    expect(files.length).toBeGreaterThan(5);
    expect(used.size).toBeGreaterThan(20);
  });

  it("every key used in the code exists in the catalogues", () => {
    const available = new Set([...reference.keys()].map(baseKey));
    const missing = [...used].filter(([key]) => !available.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it("every catalogue key is used somewhere (no dead text to translate)", () => {
    const unused = [...new Set([...reference.keys()].map(baseKey))].filter((key) => !used.has(key));
    expect(unused).toEqual([]);
  });
});
