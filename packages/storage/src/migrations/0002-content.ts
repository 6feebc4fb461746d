import type { Migration } from "../migrator";

/**
 * Courses, concepts, prerequisites, items and item↔concept links. Content belongs to a tenant; stable
 * keys from course files identify rows so a re-import updates instead of duplicating. Localized text
 * (English + translations) is stored as jsonb `{ "en": …, "zh-CN": … }`.
 */
export const content: Migration = {
  version: 2,
  name: "content",
  up: [
    `CREATE TABLE courses (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      key text NOT NULL,
      title jsonb NOT NULL,
      description jsonb,
      goals jsonb NOT NULL DEFAULT '[]',
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, key)
    )`,
    `CREATE TABLE concepts (
      id uuid PRIMARY KEY,
      course_id uuid NOT NULL REFERENCES courses(id),
      key text NOT NULL,
      title jsonb NOT NULL,
      description jsonb,
      position integer NOT NULL DEFAULT 0,
      UNIQUE (course_id, key)
    )`,
    `CREATE TABLE prerequisites (
      concept_id uuid NOT NULL REFERENCES concepts(id),
      requires_id uuid NOT NULL REFERENCES concepts(id),
      PRIMARY KEY (concept_id, requires_id),
      CHECK (concept_id <> requires_id)
    )`,
    `CREATE TABLE items (
      id uuid PRIMARY KEY,
      course_id uuid NOT NULL REFERENCES courses(id),
      key text NOT NULL,
      kind text NOT NULL,
      stem jsonb NOT NULL,
      difficulty jsonb NOT NULL,
      answer jsonb NOT NULL,
      UNIQUE (course_id, key)
    )`,
    `CREATE TABLE item_concepts (
      item_id uuid NOT NULL REFERENCES items(id),
      concept_id uuid NOT NULL REFERENCES concepts(id),
      PRIMARY KEY (item_id, concept_id)
    )`,
    "CREATE INDEX item_concepts_concept_idx ON item_concepts (concept_id)",
  ],
};
