import { importCourseFromPath, inTransaction } from "@pathwise/content";
import type { Command } from "commander";
import { databaseOptions, describeTarget, findSchool, openMigrated } from "./import-database";

/**
 * `pathwise import …` — load content into a school: a course file (docs/course-format.md) or a public
 * knowledge-tracing dataset (ASSISTments, DKVMN/AKT layouts).
 */
export function register(program: Command): void {
  const command = program.command("import").description("Import a course file or a dataset into a school");

  command
    .command("course <file>")
    .description("Import a course file (.yaml/.yml/.json); re-importing updates by stable keys")
    .requiredOption("--school <slug>", "the school (tenant) slug")
    .option("--create-school", "create the school when it does not exist")
    .option("--database-url <url>", "PostgreSQL server (default: $DATABASE_URL, else embedded PGlite)")
    .option("--data-dir <dir>", "PGlite data folder (default: $PATHWISE_DATA_DIR or ./data)")
    .action(async function importCourse(file: string, raw: Record<string, string | boolean | undefined>) {
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
    });
}
