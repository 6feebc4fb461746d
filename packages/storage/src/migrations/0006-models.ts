import type { Migration } from "../migrator";

/**
 * The model registry (issue 4): every knowledge-tracing model trained for a course, with what it was
 * trained on and how it scored, and the audited decisions that made one the course's champion.
 *
 *  - `models.status`: `candidate` (trained, not serving) → `champion` (at most one per course, enforced by a
 *    partial unique index) → `retired` when replaced; `rejected` when it lost a champion/challenger
 *    comparison. Weights are a model file (`@pathwise/ml` encodeSavedModel: versioned) in `file`, with
 *    its SHA-256 in `file_sha256`, checked before every load so a corrupt file is refused; `vocabulary` maps
 *    the platform's concept and item ids to the model's integer ids.
 *  - `metrics` (AUC, ACC, RMSE, log loss, ECE, reliability bins on held-out learners), `fairness` (the same
 *    metrics per learner group), `snapshot` (which events trained it: counts, last event seq, split seed),
 *    `card` (the human-readable model card, Markdown) are JSON/text written once at registration.
 *  - `model_decisions` is the audit log of promotions, rollbacks and rejections: who or what decided
 *    (`actor_id` null = the automatic champion/challenger rule), the comparison it was based on, and why.
 *  - `model_settings`: per course, which candidates to train and when to retrain.
 *  - `users.attributes`: optional learner attributes (e.g. a school's programme flags) used only to report
 *    per-group model fairness; which keys are reported is configured (docs/configuration.md).
 */
export const models: Migration = {
  version: 6,
  name: "model-registry",
  up: [
    `CREATE TABLE models (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      course_id uuid NOT NULL REFERENCES courses(id),
      kind text NOT NULL,
      status text NOT NULL DEFAULT 'candidate'
        CHECK (status IN ('candidate', 'champion', 'retired', 'rejected')),
      config jsonb NOT NULL DEFAULT '{}'::jsonb,
      metrics jsonb NOT NULL,
      fairness jsonb NOT NULL DEFAULT '[]'::jsonb,
      snapshot jsonb NOT NULL,
      training jsonb NOT NULL,
      card text NOT NULL,
      file bytea NOT NULL,
      file_sha256 text NOT NULL,
      vocabulary jsonb NOT NULL,
      job_id uuid REFERENCES jobs(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      promoted_at timestamptz
    )`,
    "CREATE INDEX models_course_idx ON models (tenant_id, course_id, created_at DESC)",
    "CREATE UNIQUE INDEX models_one_champion_idx ON models (course_id) WHERE status = 'champion'",
    `CREATE TABLE model_decisions (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      course_id uuid NOT NULL REFERENCES courses(id),
      action text NOT NULL CHECK (action IN ('promote', 'rollback', 'reject', 'keep')),
      model_id uuid REFERENCES models(id),
      previous_model_id uuid REFERENCES models(id),
      actor_id uuid REFERENCES users(id),
      reason text NOT NULL,
      comparison jsonb NOT NULL DEFAULT '{}'::jsonb,
      decided_at timestamptz NOT NULL DEFAULT now()
    )`,
    "CREATE INDEX model_decisions_course_idx ON model_decisions (tenant_id, course_id, decided_at DESC)",
    `CREATE TABLE model_settings (
      course_id uuid PRIMARY KEY REFERENCES courses(id),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      candidates jsonb NOT NULL,
      retrain_every_events integer CHECK (retrain_every_events IS NULL OR retrain_every_events > 0),
      retrain_interval_hours integer CHECK (retrain_interval_hours IS NULL OR retrain_interval_hours > 0),
      last_trained_seq bigint NOT NULL DEFAULT 0,
      last_trained_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    "ALTER TABLE users ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb",
  ],
};
