import {
  checkCourseFile,
  importAssistmentsDataset,
  importCourseFromPath,
  inTransaction,
} from "@pathwise/content";
import { SPLIT_FORMATS, type SplitFormat } from "@pathwise/ml/data";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import {
  databaseOptions,
  describeTarget,
  findSchool,
  openMigrated,
  withClearErrors,
} from "./import-database";

const datasetOptionsSchema = z.object({
  data: z.string().min(1),
  format: z.enum(SPLIT_FORMATS as [SplitFormat, ...SplitFormat[]], {
    message: "--format must be akt or dkvmn",
  }),
  school: z.string().min(1),
  limitStudents: z.coerce.number().int("--limit-students must be a whole number").positive().optional(),
  course: z.string().optional(),
});

/**
 * `pathwise import …` — load content into a school: a course file (docs/course-format.md) or a public
 * knowledge-tracing dataset (ASSISTments, DKVMN/AKT layouts).
 */
export function register(program: Command): void {
  const command = program.command("import").description("Import a course file or a dataset into a school");

  command
    .command("course <file>")
    .description("Import a course file (.yaml/.yml/.json); re-importing updates by stable keys")
    .option("--school <slug>", "the school (tenant) slug (required unless --check)")
    .option("--check", "only validate the file and list its problems; no database is opened")
    .option("--create-school", "create the school when it does not exist")
    .option("--database-url <url>", "PostgreSQL server (default: $DATABASE_URL, else embedded PGlite)")
    .option("--data-dir <dir>", "PGlite data folder (default: $PATHWISE_DATA_DIR or ./data)")
    .action(
      withClearErrors(async function importCourse(
        file: string,
        raw: Record<string, string | boolean | undefined>,
      ) {
        if (raw.check === true) {
          const checked = await checkCourseFile(file);
          if (checked.ok) {
            console.log(
              `${file}: valid — ${checked.concepts} concepts, ${checked.items} items, ${checked.courses} course(s).`,
            );
          } else {
            console.error(`${file}: ${checked.problems.length} problem(s):`);
            for (const problem of checked.problems) console.error(`  ${problem.path}: ${problem.message}`);
            process.exitCode = 1;
          }
          return;
        }
        if (typeof raw.school !== "string") {
          console.error("error: --school <slug> is required (or pass --check to only validate the file)");
          process.exitCode = 2;
          return;
        }
        const options = databaseOptions({
          databaseUrl: raw.databaseUrl as string | undefined,
          dataDir: raw.dataDir as string | undefined,
        });
        const db = await openMigrated(options);
        try {
          const school = await findSchool(db, raw.school as string, raw.createSchool === true);
          const result = await importCourseFromPath(file, school.id, (work) =>
            inTransaction(db, (repos) => work(repos.content)),
          );
          if (!result.ok) {
            console.error(`${file}: ${result.problems.length} problem(s); nothing was imported.`);
            for (const problem of result.problems) console.error(`  ${problem.path}: ${problem.message}`);
            process.exitCode = 1;
            return;
          }
          console.log(`Imported ${file} into school "${school.slug}" (${describeTarget(options)}):`);
          for (const course of result.courses) {
            console.log(
              `  course ${course.key} ${course.course}: concepts ${course.concepts.created} created / ` +
                `${course.concepts.updated} updated, items ${course.items.created} created / ` +
                `${course.items.updated} updated, ${course.prerequisites} prerequisite links`,
            );
          }
        } finally {
          await db.close();
        }
      }),
    );

  command
    .command("dataset")
    .description(
      "Import a public ASSISTments split: skills → concepts, problems → items, learners, answers → events",
    )
    .requiredOption("--data <dir>", "split folder, e.g. ../shared/datasets/assist2009/akt_split")
    .requiredOption("--format <akt|dkvmn>", "file layout / split protocol")
    .requiredOption("--school <slug>", "the school (tenant) slug")
    .option("--create-school", "create the school when it does not exist")
    .option("--limit-students <n>", "import only the first n learners")
    .option("--course <key>", "course key (default <dataset>-<format>)")
    .option("--database-url <url>", "PostgreSQL server (default: $DATABASE_URL, else embedded PGlite)")
    .option("--data-dir <dir>", "PGlite data folder (default: $PATHWISE_DATA_DIR or ./data)")
    .action(
      withClearErrors(async function importDataset(raw: Record<string, string | boolean | undefined>) {
        const parsed = datasetOptionsSchema.safeParse(raw);
        if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
        const options = parsed.data;
        const target = databaseOptions({
          databaseUrl: raw.databaseUrl as string | undefined,
          dataDir: raw.dataDir as string | undefined,
        });
        const db = await openMigrated(target);
        const bar = new SingleBar({
          format: "{phase} [{bar}] {value}/{total} ({percentage}%) eta {eta_formatted}",
          noTTYOutput: true,
          notTTYSchedule: 5_000,
        });
        let phase = "";
        const started = Date.now();
        try {
          const school = await findSchool(db, options.school, raw.createSchool === true);
          console.log(`Reading ${options.data} (${options.format}) …`);
          const report = await importAssistmentsDataset(db, school, {
            dir: options.data,
            format: options.format,
            ...(options.limitStudents ? { limitStudents: options.limitStudents } : {}),
            ...(options.course ? { courseKey: options.course } : {}),
            onProgress(progress) {
              if (progress.phase !== phase) {
                if (phase) bar.stop();
                phase = progress.phase;
                bar.start(progress.total, 0, { phase: phase.padEnd(8) });
              }
              bar.update(progress.done, { phase: phase.padEnd(8) });
            },
          });
          if (phase) bar.stop();
          const seconds = (Date.now() - started) / 1000;
          console.log(
            `Imported into school "${school.slug}" (${describeTarget(target)}) in ${seconds.toFixed(1)} s:`,
          );
          console.log(`  course ${report.course}: ${report.concepts} concepts, ${report.items} items`);
          console.log(
            `  learners: ${report.learners.created} created, ${report.learners.existing} already there`,
          );
          console.log(`  events: ${report.events.stored} stored, ${report.events.unchanged} already there`);
        } finally {
          if (phase) bar.stop();
          await db.close();
        }
      }),
    );
}
