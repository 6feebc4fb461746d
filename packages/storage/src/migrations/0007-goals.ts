import type { Migration } from "../migrator";

/**
 * Learning goals (issue 6): concepts a learner aims to master in a course, set by the learner or by a
 * teacher (`set_by`, `set_by_role`), optionally with a target date. The planner plans toward the open
 * goals; a goal is `achieved` when the learner model's mastery of each concept passes the threshold, or
 * `dropped` by whoever may set it. A teacher's goal for a learner is the stored form of an assignment.
 */
export const goals: Migration = {
  version: 7,
  name: "goals",
  up: [
    `CREATE TABLE goals (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      learner_id uuid NOT NULL REFERENCES users(id),
      course_id uuid NOT NULL REFERENCES courses(id),
      concept_ids uuid[] NOT NULL CHECK (cardinality(concept_ids) >= 1),
      set_by uuid NOT NULL REFERENCES users(id),
      set_by_role text NOT NULL CHECK (set_by_role IN ('learner', 'teacher', 'admin')),
      note text,
      target_date date,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'dropped')),
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz
    )`,
    "CREATE INDEX goals_learner_idx ON goals (learner_id, course_id, status)",
  ],
};
