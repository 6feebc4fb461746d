import { readFile, rename, writeFile } from "node:fs/promises";
import { z } from "zod";
import type { SavedModel } from "../contract";

/**
 * Model files: JSON with hyperparameters, data-schema version and named weights, each weight's values
 * stored as little-endian float32 bytes in base64. Pure tfjs has no file save handler in Node, and
 * this format also travels over HTTP or into a database column unchanged.
 */
export const MODEL_SCHEMA_VERSION = 1;

/** The saved form of a model: its name, hyperparameters and data shape, with the given named weights. */
export function toSavedModel(
  model: { readonly name: string; readonly config: Readonly<Record<string, unknown>> },
  shape: { readonly numSkills: number; readonly numProblems: number },
  weights: SavedModel["weights"],
): SavedModel {
  return {
    format: "pathwise-kt",
    schemaVersion: MODEL_SCHEMA_VERSION,
    model: model.name,
    config: { ...model.config },
    dataShape: { numSkills: shape.numSkills, numProblems: shape.numProblems },
    weights,
  };
}

const weightFileSchema = z.object({
  shape: z.array(z.number().int().nonnegative()),
  float32le: z.string(),
});

const modelFileSchema = z.object({
  format: z.literal("pathwise-kt"),
  schemaVersion: z.number().int(),
  model: z.string().min(1),
  config: z.record(z.string(), z.unknown()),
  dataShape: z.object({
    numSkills: z.number().int().nonnegative(),
    numProblems: z.number().int().nonnegative(),
  }),
  weights: z.record(z.string(), weightFileSchema),
});

function toBase64(values: Float32Array): string {
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) bytes.writeFloatLE(values[i] as number, i * 4);
  return bytes.toString("base64");
}

function fromBase64(text: string, name: string, expected: number): Float32Array {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length !== expected * 4) {
    throw new Error(`Weight "${name}" holds ${bytes.length} bytes, its shape needs ${expected * 4}`);
  }
  const values = new Float32Array(expected);
  for (let i = 0; i < expected; i++) values[i] = bytes.readFloatLE(i * 4);
  return values;
}

export function encodeSavedModel(saved: SavedModel): string {
  const weights: Record<string, z.infer<typeof weightFileSchema>> = {};
  for (const [name, w] of Object.entries(saved.weights))
    weights[name] = { shape: [...w.shape], float32le: toBase64(w.values) };
  return JSON.stringify({ ...saved, weights });
}

/** Parses and checks a model file's text; every problem names the bad value. */
export function decodeSavedModel(text: string, source = "model file"): SavedModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = modelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`${source} is not a Pathwise knowledge-tracing model: ${issues}`);
  }
  const file = parsed.data;
  if (file.schemaVersion !== MODEL_SCHEMA_VERSION) {
    throw new Error(
      `${source} has data-schema version ${file.schemaVersion}; this build reads version ${MODEL_SCHEMA_VERSION}`,
    );
  }
  const weights: Record<string, { shape: number[]; values: Float32Array }> = {};
  for (const [name, w] of Object.entries(file.weights)) {
    const size = w.shape.reduce((p, d) => p * d, 1);
    weights[name] = { shape: w.shape, values: fromBase64(w.float32le, name, size) };
    if (weights[name].values.some((v) => !Number.isFinite(v)))
      throw new Error(`${source}: weight "${name}" holds NaN or Infinity`);
  }
  return { ...file, format: "pathwise-kt", weights };
}

/** Writes atomically (temporary file then rename) so a crash never leaves half a model. */
export async function writeModelFile(file: string, saved: SavedModel): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, encodeSavedModel(saved), "utf8");
  await rename(temporary, file);
}

export async function readModelFile(file: string): Promise<SavedModel> {
  return decodeSavedModel(await readFile(file, "utf8"), file);
}
