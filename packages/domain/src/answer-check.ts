import { ExpressionSyntaxError, expressionsEquivalent } from "./expression";
import type { AnswerKey, ItemKind } from "./items";

/**
 * Pure answer checking, one checker per item kind in a registry (no switch on the kind elsewhere).
 * `ungraded` means a person (or later an LLM with teacher review) must grade it: open text.
 * `unreadable` means the response could not be read as an answer of this kind (e.g. "abc" for a number).
 */
export type AnswerOutcome =
  | { readonly status: "correct" }
  | { readonly status: "incorrect" }
  | { readonly status: "ungraded" }
  | { readonly status: "unreadable"; readonly reason: string };

type KeyOf<K extends ItemKind> = Extract<AnswerKey, { kind: K }>;
type Checker<K extends ItemKind> = (key: KeyOf<K>, response: string) => AnswerOutcome;

const verdict = (correct: boolean): AnswerOutcome => ({ status: correct ? "correct" : "incorrect" });

/** Reads "0.75", "-3", "3/4", "1 1/2" and "75%" as numbers; undefined when unreadable. */
export function readNumber(response: string): number | undefined {
  const text = response.trim().replace(/,/g, "").replace(/\s+/g, " ");
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  const percent = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/.exec(text);
  if (percent) return Number(percent[1]) / 100;
  const mixed = /^([-+]?)(?:(\d+) )?(\d+)\/(\d+)$/.exec(text);
  if (mixed && Number(mixed[4]) !== 0) {
    const value = Number(mixed[2] ?? 0) + Number(mixed[3]) / Number(mixed[4]);
    return mixed[1] === "-" ? -value : value;
  }
  return undefined;
}

/** NFKC folds full-width characters (common in Chinese input methods) to their ASCII forms. */
function normalizeText(text: string, caseSensitive: boolean): string {
  const folded = text.normalize("NFKC").trim().replace(/\s+/g, " ");
  return caseSensitive ? folded : folded.toLocaleLowerCase();
}

const checkers: { readonly [K in ItemKind]: Checker<K> } = {
  multiple_choice(key, response) {
    const chosen = response
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
    const ids = new Set(key.choices.map((choice) => choice.id));
    const unknown = chosen.find((id) => !ids.has(id));
    if (unknown !== undefined || chosen.length === 0) {
      return { status: "unreadable", reason: `'${unknown ?? response}' is not one of the choices` };
    }
    const expected = new Set(key.correct);
    const given = new Set(chosen);
    return verdict(given.size === expected.size && [...given].every((id) => expected.has(id)));
  },
  numeric(key, response) {
    const value = readNumber(response.normalize("NFKC"));
    if (value === undefined) return { status: "unreadable", reason: `'${response}' is not a number` };
    // A tiny relative slack absorbs float rounding when the tolerance is 0 (e.g. 0.1 + 0.2).
    const slack = key.tolerance + 1e-9 * Math.max(1, Math.abs(key.value));
    return verdict(Math.abs(value - key.value) <= slack);
  },
  expression(key, response) {
    try {
      return verdict(expressionsEquivalent(key.expression, response.normalize("NFKC"), key.variables));
    } catch (error) {
      if (error instanceof ExpressionSyntaxError) return { status: "unreadable", reason: error.message };
      throw error;
    }
  },
  short_text(key, response) {
    const given = normalizeText(response, key.caseSensitive);
    return verdict(key.accepted.some((accepted) => normalizeText(accepted, key.caseSensitive) === given));
  },
  open_text() {
    return { status: "ungraded" };
  },
};

/** Grades a learner's response against an item's answer key. */
export function checkAnswer(key: AnswerKey, response: string): AnswerOutcome {
  const checker = checkers[key.kind] as Checker<typeof key.kind>;
  return checker(key as never, response);
}
