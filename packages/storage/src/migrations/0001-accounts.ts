import type { Migration } from "../migrator";

/** Tenants (schools), users with roles, guardian links, classes, enrolments, sessions and API tokens. */
export const accounts: Migration = {
  version: 1,
  name: "accounts",
  up: [
    `CREATE TABLE tenants (
      id uuid PRIMARY KEY,
      slug text NOT NULL UNIQUE,
      name jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE users (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      email text NOT NULL,
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('learner', 'teacher', 'admin', 'guardian')),
      locale text NOT NULL DEFAULT 'en',
      password_hash text,
      disabled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    // Emails are unique across the platform (login needs no school name); compared case-insensitively.
    "CREATE UNIQUE INDEX users_email_key ON users (lower(email))",
    "CREATE INDEX users_tenant_idx ON users (tenant_id, role)",
    `CREATE TABLE guardian_links (
      guardian_id uuid NOT NULL REFERENCES users(id),
      learner_id uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (guardian_id, learner_id)
    )`,
    `CREATE TABLE classes (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      name jsonb NOT NULL,
      join_code text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    "CREATE INDEX classes_tenant_idx ON classes (tenant_id)",
    `CREATE TABLE enrolments (
      class_id uuid NOT NULL REFERENCES classes(id),
      user_id uuid NOT NULL REFERENCES users(id),
      role text NOT NULL CHECK (role IN ('learner', 'teacher')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (class_id, user_id)
    )`,
    "CREATE INDEX enrolments_user_idx ON enrolments (user_id)",
    // Session and API tokens are stored only as SHA-256 hashes: a leaked table does not leak logins.
    `CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`,
    "CREATE INDEX sessions_user_idx ON sessions (user_id)",
    `CREATE TABLE api_tokens (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`,
  ],
};
