import type { Migration } from "../migrator";

/**
 * Account protection and the staff-access audit log (TRUST #12, #14, #15, #23).
 *
 *  - `users.deleted_at`: an account deleted by an admin (it is also disabled). Erasing its personal data is
 *    a separate privacy feature; this only ends its use.
 *  - `device_tokens`: OWASP "device cookies" — after a successful login the browser receives a random token
 *    bound to the account (stored here as its SHA-256, like sessions). Login attempts that present it are
 *    counted in the device's own failure budget, so a guessing storm on the account does not lock its owner
 *    out of the browsers they already used.
 *  - `access_audit`: one row per request in which staff or a guardian (or a learner, denied) reached a
 *    learner's data: who, in which role, which learners, which route and path, when, and the authorization
 *    outcome. Rows are chained per school: `hash` = SHA-256 over the previous row's hash and this row's
 *    fields (`access_audit_hash`, reimplemented independently by the verifier in apps/server/src/audit),
 *    so an edited, inserted or deleted row breaks the chain. `access_audit_heads` holds each school's last
 *    sequence number and hash, so losing the newest rows is detected too; appending updates the head
 *    under its row lock, which also serialises concurrent appends of one school.
 *  - Triggers refuse UPDATE, DELETE and TRUNCATE on `access_audit`: the log is append-only for the
 *    application; the hash chain is what detects a database superuser who bypasses them.
 */
export const audit: Migration = {
  version: 8,
  name: "audit",
  up: [
    "ALTER TABLE users ADD COLUMN deleted_at timestamptz",
    `CREATE TABLE device_tokens (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`,
    "CREATE INDEX device_tokens_user_idx ON device_tokens (user_id)",
    // No foreign keys to users: the audit log must outlive the accounts it mentions.
    `CREATE TABLE access_audit (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      seq bigint NOT NULL,
      at timestamptz NOT NULL,
      actor_id uuid NOT NULL,
      actor_role text NOT NULL,
      learner_ids text[] NOT NULL,
      route text NOT NULL,
      path text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('allowed', 'forbidden', 'not_found')),
      hash text NOT NULL,
      PRIMARY KEY (tenant_id, seq)
    )`,
    "CREATE INDEX access_audit_learners_idx ON access_audit USING gin (learner_ids)",
    `CREATE TABLE access_audit_heads (
      tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
      seq bigint NOT NULL,
      hash text NOT NULL
    )`,
    // The canonical row text: fields joined by '|' (none of them can contain '|': ids, hex, fixed words,
    // route templates and URL paths, where '|' is percent-encoded), timestamps in UTC to the millisecond.
    `CREATE FUNCTION access_audit_hash(
      prev text, seq bigint, tenant_id uuid, at timestamptz, actor_id uuid, actor_role text,
      learner_ids text[], route text, path text, outcome text
    ) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT encode(sha256(convert_to(concat_ws('|',
        prev, seq::text, tenant_id::text,
        to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        actor_id::text, actor_role, array_to_string(learner_ids, ','), route, path, outcome
      ), 'UTF8')), 'hex')
    $$`,
    `CREATE FUNCTION access_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_audit is append-only (% refused)', TG_OP;
      END
    $$`,
    `CREATE TRIGGER access_audit_no_update_delete BEFORE UPDATE OR DELETE ON access_audit
      FOR EACH ROW EXECUTE FUNCTION access_audit_refuse_change()`,
    `CREATE TRIGGER access_audit_no_truncate BEFORE TRUNCATE ON access_audit
      FOR EACH STATEMENT EXECUTE FUNCTION access_audit_refuse_change()`,
  ],
};
