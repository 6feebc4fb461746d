import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { importAssistmentsDataset } from "@pathwise/content";
import type { DatasetImportResult } from "@pathwise/contracts";
import { asId, type CourseId } from "@pathwise/domain";
import { findFolds, SPLIT_FORMATS, type SplitFormat } from "@pathwise/ml/data";
import { z } from "zod";
import { type JobHandler, PermanentJobError } from "../jobs/contract";
import type { JobDeps } from "../jobs/system";

export const IMPORT_DATASET_KIND = "import-dataset";

/** One import per dataset split and school at a time: the queue's dedupe key. */
export const datasetImportDedupeKey = (dataset: string, format: SplitFormat) =>
  `import-dataset:${dataset}:${format}`;

export interface DatasetSplit {
  readonly name: string;
  readonly format: SplitFormat;
  readonly folds: number;
  /** The course key `importAssistmentsDataset` writes to by default. */
  readonly courseKey: string;
  /** Server-side only: never sent to a client, never taken from one. */
  readonly dir: string;
}

const courseKeyOf = (name: string, format: SplitFormat) =>
  `${name}-${format}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");

/**
 * The published splits in the datasets folder: every `<name>/<format>_split` folder with at least one
 * complete fold. A folder that is not a split (a README, a half-copied split) is left out, not an error,
 * so one broken dataset does not hide the others.
 */
export function listDatasetSplits(root: string): DatasetSplit[] {
  if (!existsSync(root)) return [];
  const splits: DatasetSplit[] = [];
  for (const name of readdirSync(root).sort()) {
    for (const format of SPLIT_FORMATS) {
      const dir = join(root, name, `${format}_split`);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
      try {
        const folds = findFolds(dir, format).length;
        splits.push({ name, format, folds, courseKey: courseKeyOf(name, format), dir });
      } catch {
        // findFolds throws when the folder holds no complete fold: not an importable split.
      }
    }
  }
  return splits;
}

/** The split a client named, looked up in the listing: a name that is not listed is never a path. */
export function findDatasetSplit(root: string, name: string, format: SplitFormat): DatasetSplit | undefined {
  return listDatasetSplits(root).find((split) => split.name === name && split.format === format);
}

export const DatasetImportPayloadSchema = z.strictObject({
  dataset: z.string().min(1),
  format: z.enum(["akt", "dkvmn"]),
  limitStudents: z.number().int().min(1).optional(),
});
export type DatasetImportPayload = z.infer<typeof DatasetImportPayloadSchema>;

/** Share of the progress bar for creating learner accounts; the answers take the rest. */
const LEARNERS_SHARE = 0.1;

/**
 * The `import-dataset` job: loads a published ASSISTments split into the job's school with
 * `importAssistmentsDataset` (docs/content.md). Learners and answers are written in batches, each its own
 * transaction, with name-based ids, so a cancelled or crashed import is completed by running it again
 * and never stores anything twice. A cancel stops at the next batch.
 */
export function datasetImportHandler(deps: JobDeps): JobHandler<DatasetImportPayload> {
  return {
    kind: IMPORT_DATASET_KIND,
    payload: DatasetImportPayloadSchema,
    maxAttempts: 2,
    async run({ payload, tenantId, signal, progress }): Promise<DatasetImportResult> {
      const split = findDatasetSplit(deps.config.datasetsDir, payload.dataset, payload.format);
      if (!split) {
        throw new PermanentJobError(
          `No dataset ${payload.dataset} (${payload.format} split) in the datasets folder`,
        );
      }
      const tenant = await deps.repos.tenants.get(tenantId);
      if (!tenant) throw new PermanentJobError(`The school ${tenantId} no longer exists`);
      progress(0, "reading the dataset files");
      const report = await importAssistmentsDataset(
        deps.db,
        { id: tenant.id, slug: tenant.slug },
        {
          dir: split.dir,
          format: split.format,
          courseKey: split.courseKey,
          ...(payload.limitStudents === undefined ? {} : { limitStudents: payload.limitStudents }),
          onProgress({ phase, done, total }) {
            // Called between batches: the safe point to stop (every finished batch is committed).
            signal.throwIfAborted();
            const share = total === 0 ? 1 : done / total;
            progress(
              phase === "learners" ? LEARNERS_SHARE * share : LEARNERS_SHARE + (1 - LEARNERS_SHARE) * share,
              `${phase === "learners" ? "learners" : "answers"} ${done} of ${total}`,
            );
          },
        },
      );
      const course = await deps.repos.content.findCourseByKey(tenant.id, report.course);
      if (!course) throw new Error(`the imported course ${report.course} is not in the database`);
      progress(1, "done");
      return { ...report, courseId: asId<CourseId>(course.id) };
    },
  };
}
