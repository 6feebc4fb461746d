import {
  type AnswerKey,
  asId,
  buildConceptGraph,
  type ConceptId,
  type CourseId,
  type Difficulty,
  type Goal,
  type ItemId,
  type ItemKind,
  type StableKey,
  type TenantId,
} from "@pathwise/domain";
import type { Database, Queryable } from "../database";
import {
  ContentImportError,
  type ContentRepository,
  type CourseImport,
  type CourseImportReport,
  type StoredConcept,
  type StoredCourse,
  type StoredItem,
} from "./content-types";
import { json, text } from "./rows";

/** Checks references and the prerequisite graph before anything is written; collects every problem. */
export function validateCourseImport(input: CourseImport): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const concept of input.concepts) {
    if (keys.has(concept.key)) problems.push(`duplicate concept key '${concept.key}'`);
    keys.add(concept.key);
  }
  const itemKeys = new Set<string>();
  for (const item of input.items) {
    if (itemKeys.has(item.key)) problems.push(`duplicate item key '${item.key}'`);
    itemKeys.add(item.key);
    for (const concept of item.concepts) {
      if (!keys.has(concept)) problems.push(`item '${item.key}' refers to unknown concept '${concept}'`);
    }
  }
  for (const goal of input.course.goals) {
    for (const target of goal.targets) {
      if (!keys.has(target)) problems.push(`goal '${goal.key}' targets unknown concept '${target}'`);
    }
  }
  if (problems.length === 0) {
    try {
      buildConceptGraph(
        input.concepts.map((concept) => concept.key),
        input.prerequisites,
      );
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

interface CourseRow {
  id: string;
  tenant_id: string;
  key: string;
  title: unknown;
  description: unknown;
  goals: unknown;
}
const toCourse = (row: CourseRow): StoredCourse => ({
  id: asId<CourseId>(row.id),
  tenantId: asId<TenantId>(row.tenant_id),
  key: row.key,
  title: text(row.title),
  ...(row.description ? { description: text(row.description) } : {}),
  goals: row.goals as Goal[],
});

interface ItemRow {
  id: string;
  course_id: string;
  key: string;
  kind: ItemKind;
  stem: unknown;
  difficulty: unknown;
  answer: unknown;
  concept_ids: string[] | null;
}
const toItem = (row: ItemRow): StoredItem => ({
  id: asId<ItemId>(row.id),
  courseId: asId<CourseId>(row.course_id),
  key: row.key,
  kind: row.kind,
  stem: text(row.stem),
  difficulty: row.difficulty as Difficulty,
  answer: row.answer as AnswerKey,
  conceptIds: (row.concept_ids ?? []).map((id) => asId<ConceptId>(id)),
});

const ITEM_SELECT = `SELECT i.id, i.course_id, i.key, i.kind, i.stem, i.difficulty, i.answer,
  (SELECT array_agg(ic.concept_id::text ORDER BY ic.concept_id) FROM item_concepts ic WHERE ic.item_id = i.id) AS concept_ids
  FROM items i JOIN courses c ON c.id = i.course_id`;

const counts = (rows: { inserted: boolean }[]) => ({
  created: rows.filter((row) => row.inserted).length,
  updated: rows.filter((row) => !row.inserted).length,
});

/** Bulk upserts with jsonb_to_recordset: one statement per table, fast for dataset-sized imports. */
async function writeCourse(tx: Queryable, input: CourseImport): Promise<CourseImportReport> {
  const { course } = input;
  const courseRows = await tx.query<{ id: string; inserted: boolean }>(
    `INSERT INTO courses (id, tenant_id, key, title, description, goals)
     VALUES (gen_random_uuid(), $1, $2, $3::jsonb, $4::jsonb, $5::jsonb)
     ON CONFLICT (tenant_id, key) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
       goals = EXCLUDED.goals, updated_at = now()
     RETURNING id, (xmax = 0) AS inserted`,
    [
      input.tenantId,
      course.key,
      json(course.title),
      course.description ? json(course.description) : null,
      json(course.goals),
    ],
  );
  const courseRow = courseRows.rows[0] as { id: string; inserted: boolean };
  const courseId = courseRow.id;
  const concepts = await tx.query<{ inserted: boolean }>(
    `INSERT INTO concepts (id, course_id, key, title, description, position)
     SELECT gen_random_uuid(), $1, r.key, r.title, r.description, r.position
     FROM jsonb_to_recordset($2::jsonb) AS r(key text, title jsonb, description jsonb, position integer)
     ON CONFLICT (course_id, key) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
       position = EXCLUDED.position
     RETURNING (xmax = 0) AS inserted`,
    [
      courseId,
      json(
        input.concepts.map((c, position) => ({
          key: c.key,
          title: c.title,
          description: c.description ?? null,
          position,
        })),
      ),
    ],
  );
  await tx.query(
    "DELETE FROM prerequisites WHERE concept_id IN (SELECT id FROM concepts WHERE course_id = $1)",
    [courseId],
  );
  await tx.query(
    `INSERT INTO prerequisites (concept_id, requires_id)
     SELECT c.id, r.id FROM jsonb_to_recordset($2::jsonb) AS e(concept text, requires text)
     JOIN concepts c ON c.course_id = $1 AND c.key = e.concept
     JOIN concepts r ON r.course_id = $1 AND r.key = e.requires
     ON CONFLICT DO NOTHING`,
    [courseId, json(input.prerequisites)],
  );
  const items = await tx.query<{ inserted: boolean }>(
    `INSERT INTO items (id, course_id, key, kind, stem, difficulty, answer)
     SELECT gen_random_uuid(), $1, r.key, r.kind, r.stem, r.difficulty, r.answer
     FROM jsonb_to_recordset($2::jsonb) AS r(key text, kind text, stem jsonb, difficulty jsonb, answer jsonb)
     ON CONFLICT (course_id, key) DO UPDATE SET kind = EXCLUDED.kind, stem = EXCLUDED.stem,
       difficulty = EXCLUDED.difficulty, answer = EXCLUDED.answer
     RETURNING (xmax = 0) AS inserted`,
    [
      courseId,
      json(
        input.items.map((i) => ({
          key: i.key,
          kind: i.answer.kind,
          stem: i.stem,
          difficulty: i.difficulty,
          answer: i.answer,
        })),
      ),
    ],
  );
  await tx.query("DELETE FROM item_concepts WHERE item_id IN (SELECT id FROM items WHERE course_id = $1)", [
    courseId,
  ]);
  await tx.query(
    `INSERT INTO item_concepts (item_id, concept_id)
     SELECT i.id, c.id FROM jsonb_to_recordset($2::jsonb) AS l(item text, concept text)
     JOIN items i ON i.course_id = $1 AND i.key = l.item
     JOIN concepts c ON c.course_id = $1 AND c.key = l.concept
     ON CONFLICT DO NOTHING`,
    [courseId, json(input.items.flatMap((i) => i.concepts.map((concept) => ({ item: i.key, concept }))))],
  );
  return {
    courseId: asId<CourseId>(courseId),
    course: courseRow.inserted ? "created" : "updated",
    concepts: counts(concepts.rows),
    items: counts(items.rows),
    prerequisites: input.prerequisites.length,
  };
}

export function contentRepository(db: Database): ContentRepository {
  return {
    async importCourse(input) {
      const problems = validateCourseImport(input);
      if (problems.length > 0) throw new ContentImportError(problems);
      return db.transaction((tx) => writeCourse(tx, input));
    },
    async listCourses(tenantId) {
      const { rows } = await db.query<CourseRow>("SELECT * FROM courses WHERE tenant_id = $1 ORDER BY key", [
        tenantId,
      ]);
      return rows.map(toCourse);
    },
    async getCourse(tenantId, courseId) {
      const { rows } = await db.query<CourseRow>("SELECT * FROM courses WHERE tenant_id = $1 AND id = $2", [
        tenantId,
        courseId,
      ]);
      return rows[0] && toCourse(rows[0]);
    },
    async findCourseByKey(tenantId, key) {
      const { rows } = await db.query<CourseRow>("SELECT * FROM courses WHERE tenant_id = $1 AND key = $2", [
        tenantId,
        key,
      ]);
      return rows[0] && toCourse(rows[0]);
    },
    async getConceptGraph(tenantId, courseId) {
      const course = await this.getCourse(tenantId, courseId);
      if (!course) return undefined;
      const concepts = await db.query<{ id: string; key: string; title: unknown; description: unknown }>(
        "SELECT id, key, title, description FROM concepts WHERE course_id = $1 ORDER BY position, key",
        [courseId],
      );
      const edges = await db.query<{ concept_id: string; requires_id: string }>(
        `SELECT p.concept_id, p.requires_id FROM prerequisites p JOIN concepts c ON c.id = p.concept_id
         WHERE c.course_id = $1 ORDER BY c.position, p.requires_id`,
        [courseId],
      );
      return {
        concepts: concepts.rows.map(
          (row): StoredConcept => ({
            id: asId<ConceptId>(row.id),
            key: row.key,
            title: text(row.title),
            ...(row.description ? { description: text(row.description) } : {}),
          }),
        ),
        prerequisites: edges.rows.map((row) => ({
          concept: asId<ConceptId>(row.concept_id),
          requires: asId<ConceptId>(row.requires_id),
        })),
      };
    },
    async listItems(tenantId, courseId, page) {
      const { rows } = await db.query<ItemRow>(
        `${ITEM_SELECT} WHERE c.tenant_id = $1 AND i.course_id = $2
           AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM item_concepts x WHERE x.item_id = i.id AND x.concept_id = $3))
         ORDER BY i.key LIMIT $4 OFFSET $5`,
        [tenantId, courseId, page.conceptId ?? null, page.limit, page.offset],
      );
      return rows.map(toItem);
    },
    async getItem(tenantId, itemId) {
      const { rows } = await db.query<ItemRow>(`${ITEM_SELECT} WHERE c.tenant_id = $1 AND i.id = $2`, [
        tenantId,
        itemId,
      ]);
      return rows[0] && toItem(rows[0]);
    },
    async itemIdsByKey(tenantId, courseId) {
      const { rows } = await db.query<{ id: string; key: string }>(
        "SELECT i.id, i.key FROM items i JOIN courses c ON c.id = i.course_id WHERE c.tenant_id = $1 AND c.id = $2",
        [tenantId, courseId],
      );
      return new Map(rows.map((row) => [row.key as StableKey, asId<ItemId>(row.id)]));
    },
  };
}
