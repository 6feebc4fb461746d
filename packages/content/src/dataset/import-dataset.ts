import {
  asId,
  type ConceptDefinition,
  type ItemDefinition,
  type ItemId,
  itemObjectId,
  type Statement,
  type StatementId,
  type TenantId,
  type UserId,
  VERBS,
} from "@pathwise/domain";
import type { SplitFormat } from "@pathwise/ml/data";
import { createRepositories, type Database } from "@pathwise/storage";
import { nameUuid } from "../demo/demo-school";
import { inTransaction } from "../store";
import { type AssistmentsDataset, type DatasetProblem, readAssistments } from "./assistments";

/**
 * Loads a public ASSISTments split into a school: skills → concepts, problems → items, learners →
 * pseudonymous learner accounts (no password, no real name, no original user id), answers → xAPI
 * `answered` statements. Ids are name-based UUIDs of (school, course, learner, position), so re-running
 * the import stores nothing twice. The dataset gives no times: timestamps are synthetic — learner i's
 * n-th answer at `start + i minutes + n × 1 minute` — ordered within each learner, and say nothing about
 * real pacing. Item content is not in the files: items are `open_text` placeholders named by problem id
 * whose difficulty level comes from the share of correct answers.
 *
 * Transactions: the course (concepts, items) is one transaction; learners and events are written in
 * batches, each its own transaction. A stopped import leaves whole batches, and re-running completes it.
 */
export interface DatasetImportOptions {
  readonly dir: string;
  readonly format: SplitFormat;
  readonly limitStudents?: number;
  /** Course key; default `<dataset>-<format>`, e.g. `assist2009-akt`. */
  readonly courseKey?: string;
  readonly start?: Date;
  readonly batchSize?: number;
  readonly onProgress?: (progress: { phase: "learners" | "events"; done: number; total: number }) => void;
}

export interface DatasetImportReport {
  readonly course: string;
  readonly concepts: number;
  readonly items: number;
  readonly learners: { readonly created: number; readonly existing: number };
  readonly events: { readonly stored: number; readonly unchanged: number };
}

const DATASET_EXTENSION = "https://pathwise.dev/extensions/dataset-source";

/** Level 1 (≥ 90% correct) … 5 (< 30% correct): the author's scale, estimated from the answers. */
function levelFromAnswers(problem: DatasetProblem): number {
  if (problem.answers === 0) return 3;
  const share = problem.correct / problem.answers;
  return share >= 0.9 ? 1 : share >= 0.75 ? 2 : share >= 0.55 ? 3 : share >= 0.3 ? 4 : 5;
}

function courseDefinitions(dataset: AssistmentsDataset) {
  const concepts: ConceptDefinition[] = dataset.skills.map((skill) => ({
    key: `skill-${skill.id}`,
    title: { en: skill.name },
  }));
  const items: ItemDefinition[] = dataset.problems.map((problem) => {
    const what = dataset.hasProblems ? `problem ${problem.id}` : `skill ${problem.id} (any problem)`;
    return {
      key: dataset.hasProblems ? `problem-${problem.id}` : `skill-item-${problem.id}`,
      stem: { en: `ASSISTments ${what}` },
      concepts: problem.skills.map((skill) => `skill-${skill}`),
      difficulty: { level: levelFromAnswers(problem) },
      answer: {
        kind: "open_text",
        rubric: {
          en: "Imported from a public dataset: the item text is not available; answers were graded there.",
        },
      },
    };
  });
  return { concepts, items };
}

function learnerEmail(slug: string, course: string, key: string): string {
  return `${slug}.${course}.${key.replace(/[^a-zA-Z0-9]+/g, "-")}@datasets.pathwise.test`.toLowerCase();
}

export async function importAssistmentsDataset(
  db: Database,
  tenant: { readonly id: TenantId; readonly slug: string },
  options: DatasetImportOptions,
): Promise<DatasetImportReport> {
  const dataset = readAssistments(options.dir, options.format, options.limitStudents);
  const courseKey =
    options.courseKey ?? `${dataset.name}-${dataset.format}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  const { concepts, items } = courseDefinitions(dataset);
  const repos = createRepositories(db);
  const report = await repos.content.importCourse({
    tenantId: tenant.id,
    course: {
      key: courseKey,
      title: { en: `${dataset.name} (${dataset.format} split, imported)` },
      description: {
        en: `Skills, problems and answers of the public ${dataset.name} knowledge-tracing split.`,
      },
      goals: [],
    },
    concepts,
    prerequisites: [],
    items,
  });
  const itemIds = await repos.content.itemIdsByKey(tenant.id, report.courseId);
  const itemKey = (problem: number) => (dataset.hasProblems ? `problem-${problem}` : `skill-item-${problem}`);
  const batchSize = options.batchSize ?? 5_000;
  const start = (options.start ?? new Date(Date.UTC(2020, 0, 1))).getTime();
  const scope = `pathwise-dataset:${tenant.id}:${courseKey}`;

  const learnerIds = dataset.learners.map((learner) =>
    asId<UserId>(nameUuid(`${scope}:learner:${learner.key}`)),
  );
  let created = 0;
  for (let from = 0; from < dataset.learners.length; from += batchSize) {
    const slice = dataset.learners.slice(from, from + batchSize);
    created += await inTransaction(db, async function createLearners(tx) {
      const ids = learnerIds.slice(from, from + slice.length);
      const existing = await tx.users.idsInTenant(tenant.id, ids);
      let made = 0;
      for (const [i, learner] of slice.entries()) {
        const id = ids[i] as UserId;
        if (existing.has(id)) continue;
        await tx.users.create({
          id,
          tenantId: tenant.id,
          email: learnerEmail(tenant.slug, courseKey, learner.key),
          displayName: `${dataset.name} learner ${learner.key}`,
          role: "learner",
          passwordHash: null,
        });
        made += 1;
      }
      return made;
    });
    options.onProgress?.({
      phase: "learners",
      done: Math.min(from + batchSize, dataset.learners.length),
      total: dataset.learners.length,
    });
  }

  const total = dataset.learners.reduce((sum, learner) => sum + learner.answers.length, 0);
  let pending: Statement[] = [];
  let done = 0;
  const events = { stored: 0, unchanged: 0 };
  const flush = async () => {
    if (pending.length === 0) return;
    const result = await repos.events.append(tenant.id, pending);
    for (const entry of result.results) events[entry.status] += 1;
    done += pending.length;
    pending = [];
    options.onProgress?.({ phase: "events", done, total });
  };
  for (const [i, learner] of dataset.learners.entries()) {
    for (const [n, answer] of learner.answers.entries()) {
      pending.push({
        id: asId<StatementId>(nameUuid(`${scope}:answer:${learner.key}:${n}`)),
        actor: { id: learnerIds[i] as UserId },
        verb: { id: VERBS.answered },
        object: { id: itemObjectId(itemIds.get(itemKey(answer.problem)) as ItemId) },
        result: { success: answer.correct },
        context: {
          platform: `${dataset.name}-import`,
          extensions: {
            [DATASET_EXTENSION]: {
              dataset: dataset.name,
              split: dataset.format,
              learner: learner.key,
              position: n,
            },
          },
        },
        timestamp: new Date(start + i * 60_000 + n * 60_000).toISOString(),
      });
      if (pending.length >= batchSize) await flush();
    }
  }
  await flush();
  return {
    course: courseKey,
    concepts: concepts.length,
    items: items.length,
    learners: { created, existing: dataset.learners.length - created },
    events,
  };
}
