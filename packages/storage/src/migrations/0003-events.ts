import type { Migration } from "../migrator";

/**
 * The append-only learning record store. `id` is the client's statement id (idempotency key);
 * `content_hash` is SHA-256 of the statement's canonical JSON, to tell a replay from a conflict;
 * `seq` orders statements stored at the same timestamp, so a learner's history has one total order.
 */
export const events: Migration = {
  version: 3,
  name: "events",
  up: [
    `CREATE TABLE events (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      learner_id uuid NOT NULL REFERENCES users(id),
      verb text NOT NULL,
      object_id text NOT NULL,
      item_id uuid,
      correct boolean,
      occurred_at timestamptz NOT NULL,
      stored_at timestamptz NOT NULL DEFAULT now(),
      content_hash text NOT NULL,
      statement jsonb NOT NULL
    )`,
    "CREATE INDEX events_learner_history_idx ON events (learner_id, occurred_at, seq)",
    "CREATE INDEX events_tenant_idx ON events (tenant_id, occurred_at)",
  ],
};
