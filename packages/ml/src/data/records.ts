import type { LearnerSequence } from "./sequence";

/**
 * The two line layouts of the published knowledge-tracing CSV files (DKVMN and AKT repositories):
 * - 3 lines per learner: header, skill ids, correctness (DKVMN files; AKT files without problem ids).
 * - 4 lines per learner: header, problem ids, skill ids, correctness (AKT files with problem ids).
 * The header is either `n` (the sequence length, DKVMN) or `student_index,original_user_id` (AKT).
 */
export type LineLayout = 3 | 4;

export interface ParsedFile {
  readonly layout: LineLayout;
  readonly sequences: LearnerSequence[];
}

function splitNumbers(line: string): number[] {
  const fields = line.split(",");
  // Some published copies end lines with a trailing comma; an empty last field is not a value.
  if (fields.length > 0 && fields[fields.length - 1]?.trim() === "") fields.pop();
  return fields.map((field) => Number(field));
}

function isIdList(values: readonly number[]): boolean {
  return values.every((v) => Number.isInteger(v) && v >= 1);
}

/** Why a record does not fit the layout, or undefined when it does. */
function recordProblem(lines: readonly string[], start: number, layout: LineLayout): string | undefined {
  const header = splitNumbers(lines[start] as string);
  const body = lines.slice(start + 1, start + layout).map(splitNumbers);
  const n = body[0]?.length ?? 0;
  if (n === 0) return "empty sequence line";
  if (body.some((values) => values.length !== n))
    return "the id and correctness lines have different lengths";
  if (header.length === 1 && header[0] !== n)
    return `header says ${header[0]} interactions but the lines hold ${n}`;
  if (header.length > 2 || header.some((v) => !Number.isFinite(v)))
    return "header is neither `n` nor `index,user`";
  const ids = body.slice(0, -1);
  if (!ids.every(isIdList)) return "an id line holds a value that is not a positive integer";
  if (!(body[body.length - 1] as number[]).every((v) => v === 0 || v === 1))
    return "the last line is not 0/1";
  return undefined;
}

function firstProblem(lines: readonly string[], layout: LineLayout): string | undefined {
  if (lines.length % layout !== 0) return `${lines.length} lines is not a multiple of ${layout}`;
  for (let start = 0; start < lines.length; start += layout) {
    const problem = recordProblem(lines, start, layout);
    if (problem) return `record at line ${start + 1}: ${problem}`;
  }
  return undefined;
}

/**
 * Parses one benchmark CSV, detecting the 3- or 4-line layout by checking every record against both.
 * `source` names the file in errors and prefixes learner keys when the header has no student index.
 */
export function parseRecordFile(text: string, source: string): ParsedFile {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const problems = new Map<LineLayout, string | undefined>();
  for (const layout of [4, 3] as const) problems.set(layout, firstProblem(lines, layout));
  const fitting = ([4, 3] as const).filter((layout) => problems.get(layout) === undefined);
  if (fitting.length !== 1) {
    const detail =
      fitting.length === 0 ? `4-line: ${problems.get(4)}; 3-line: ${problems.get(3)}` : "both layouts fit";
    throw new Error(`${source}: cannot tell the record layout (${detail})`);
  }
  const layout = fitting[0] as LineLayout;
  const sequences: LearnerSequence[] = [];
  for (let start = 0; start < lines.length; start += layout) {
    const header = splitNumbers(lines[start] as string);
    const body = lines.slice(start + 1, start + layout).map(splitNumbers);
    const learner = header.length === 2 ? String(header[0]) : `${source}#${start / layout}`;
    const correct = Uint8Array.from(body[layout - 2] as number[]);
    const skills = Int32Array.from(body[layout - 3] as number[]);
    sequences.push(
      layout === 4
        ? { learner, problems: Int32Array.from(body[0] as number[]), skills, correct }
        : { learner, skills, correct },
    );
  }
  return { layout, sequences };
}
