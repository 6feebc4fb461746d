import type { LocalizedText } from "@pathwise/domain";

/** Helpers shared by repositories: JSON parameters and column decoding across both drivers. */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** `pg` and PGlite both decode jsonb to objects; this only narrows the type. */
export function text(value: unknown): LocalizedText {
  return value as LocalizedText;
}

export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
