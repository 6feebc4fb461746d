import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import type { CourseProblem } from "./validate";

/** Text syntaxes a course file may be written in, chosen by file extension. */
const syntaxes: Record<string, (text: string) => unknown> = {
  ".json": (text) => JSON.parse(text),
  ".yaml": (text) => parseYaml(text, { prettyErrors: true }),
  ".yml": (text) => parseYaml(text, { prettyErrors: true }),
};

export type ParsedText = { ok: true; value: unknown } | { ok: false; problems: CourseProblem[] };

/** Parses course file text (JSON or YAML) without validating it. `name` only picks the syntax. */
export function parseCourseText(text: string, name: string): ParsedText {
  const extension = extname(name).toLowerCase();
  const parse = syntaxes[extension];
  if (!parse) {
    const known = Object.keys(syntaxes).join(", ");
    return {
      ok: false,
      problems: [{ path: "(file)", message: `unsupported extension "${extension}" (${known})` }],
    };
  }
  try {
    return { ok: true, value: parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: "(file)", message: `not valid ${extension.slice(1)}: ${message}` }],
    };
  }
}

/** Reads and parses a course file from disk. */
export async function readCourseText(path: string): Promise<ParsedText> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "(file)", message: `cannot read ${path}: ${message}` }] };
  }
  return parseCourseText(text, path);
}
