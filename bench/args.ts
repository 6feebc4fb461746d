import type { z } from "zod";

/**
 * `--name value` pairs of a benchmark's command line, validated by its zod schema (defaults, coercion and
 * the error message naming the bad flag come from the schema). Shared by the bench/* scripts.
 */
export function parseBenchArgs<T extends z.ZodType>(
  bench: string,
  schema: T,
  argv: readonly string[],
): z.infer<T> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key?.startsWith("--") || value === undefined)
      throw new Error(`bench/${bench}: expected --name value pairs, got "${key}"`);
    raw[key.slice(2)] = value;
  }
  return schema.parse(raw);
}
