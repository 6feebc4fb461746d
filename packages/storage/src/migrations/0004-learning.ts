import type { Migration } from "../migrator";

/**
 * Adaptive placement sessions (issue 5, API): the server replays `responses` through the engine's pure
 * `PlacementTest` on every call, so only the administered items and their grades are stored.
 * `pending_item_id` is the item served and not yet answered; an answer claims it with a conditional
 * UPDATE, so two concurrent answers cannot both count. Every answer is also an event in the event log.
 */
export const learning: Migration = {
  version: 4,
  name: "learning-placement-sessions",
  up: [
    `CREATE TABLE placement_sessions (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      learner_id uuid NOT NULL REFERENCES users(id),
      course_id uuid NOT NULL REFERENCES courses(id),
      max_items integer NOT NULL,
      responses jsonb NOT NULL DEFAULT '[]'::jsonb,
      pending_item_id uuid,
      status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'finished')),
      result jsonb,
      created_at timestamptz NOT NULL,
      finished_at timestamptz
    )`,
    "CREATE INDEX placement_sessions_learner_idx ON placement_sessions (learner_id, course_id, created_at)",
  ],
};
