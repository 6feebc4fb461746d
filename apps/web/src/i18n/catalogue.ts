/**
 * Pure helpers over message catalogues, used by the translation tests: flatten nested keys,
 * list `{{placeholders}}`, and find the keys that source code refers to.
 */

/** Plural suffixes i18next appends to a key (`count_one`, `count_other`, …), per CLDR categories. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

export function flattenMessages(tree: object, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(path, value);
    else if (value !== null && typeof value === "object") {
      for (const [inner, text] of flattenMessages(value, path)) flat.set(inner, text);
    } else throw new TypeError(`message "${path}" is a ${typeof value}, expected a string or a group`);
  }
  return flat;
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? "").sort();
}

/** The key as code refers to it: `classes.learnerCount_other` is used as `classes.learnerCount`. */
export function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, "");
}

/**
 * Keys referenced in a source file: `t("a.b")`, `i18nKey="a.b"` and `messageKey("a.b")` (the typed
 * helper for keys chosen at run time, e.g. a role's label). Keys built from template strings are
 * deliberately not supported, so that every key in use can be found here.
 */
export function keysUsedIn(source: string): string[] {
  const patterns = [/\bt\(\s*"([^"]+)"/g, /\bi18nKey=\{?\s*"([^"]+)"/g, /\bmessageKey\(\s*"([^"]+)"/g];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] ?? ""));
}
