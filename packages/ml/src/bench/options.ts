import { z } from "zod";
import { SPLIT_FORMATS } from "../data/splits";

/**
 * Command-line options of `kt bench|train|eval`, parsed from commander's raw strings. Every problem
 * names the option and the bad value; the CLI stays a thin shell around these schemas.
 */
const positiveInt = (option: string) =>
  z.coerce
    .number({ error: `${option} must be a number` })
    .int(`${option} must be an integer`)
    .positive(`${option} must be > 0`);

const configJson = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (!text) return {};
    try {
      const value = JSON.parse(text) as unknown;
      if (typeof value === "object" && value !== null && !Array.isArray(value))
        return value as Record<string, unknown>;
    } catch {}
    ctx.addIssue({ code: "custom", message: `--config must be a JSON object, got ${JSON.stringify(text)}` });
    return z.NEVER;
  });

const foldList = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (!text) return undefined;
    const folds = text.split(",").map((part) => Number(part.trim()));
    if (folds.some((f) => !Number.isInteger(f) || f < 1)) {
      ctx.addIssue({
        code: "custom",
        message: `--folds must be a comma-separated list like 1,2,3, got ${JSON.stringify(text)}`,
      });
      return z.NEVER;
    }
    return folds;
  });

const common = {
  data: z.string({ error: "--data <dir> is required" }).min(1),
  format: z.enum(SPLIT_FORMATS as [string, ...string[]], {
    error: "--format must be akt or dkvmn",
  }) as z.ZodType<"akt" | "dkvmn">,
  config: configJson,
  epochs: positiveInt("--epochs").optional(),
  window: z.coerce.number().int().min(0, "--window must be ≥ 0 (0 = no windowing)").default(200),
  seed: z.coerce.number().int().default(42),
};

export const benchCliSchema = z.object({
  ...common,
  model: z.string({ error: "--model <name> is required" }).min(1),
  folds: foldList,
  out: z.string().optional(),
  workers: z.coerce.number().int().min(0, "--workers must be ≥ 0").default(2),
  limit: z.coerce.number().int().min(0).default(0),
});

export const trainCliSchema = z.object({
  ...common,
  model: z.string({ error: "--model <name> is required" }).min(1),
  fold: positiveInt("--fold").default(1),
  out: z.string({ error: "--out <model file> is required" }).min(1),
});

export const evalCliSchema = z.object({
  data: common.data,
  format: common.format,
  window: common.window,
  modelFile: z.string({ error: "--model-file <file> is required" }).min(1),
  fold: positiveInt("--fold").default(1),
  split: z
    .enum(["train", "valid", "test"], { error: "--split must be train, valid or test" })
    .default("test"),
  out: z.string().optional(),
});

/** Parses raw options or throws one error listing every problem. */
export function parseCliOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("\n"));
  return parsed.data;
}
