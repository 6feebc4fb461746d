import { resolve } from "node:path";
import { datasetsDir } from "@pathwise/ml/data";
import { z } from "zod";

/**
 * Server configuration, parsed once at boot from the environment. Every problem is reported at once
 * (not the first only) and the result is frozen. Documented in docs/configuration.md.
 */
const boolean = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");
const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);
const commaList = z.string().transform((value) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PATHWISE_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "expected a postgres:// or postgresql:// URL")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PATHWISE_SESSION_IDLE_MINUTES: positiveInt(24 * 60).default(30),
  PATHWISE_SESSION_ABSOLUTE_HOURS: positiveInt(24 * 30).default(12),
  PATHWISE_COOKIE_SECURE: boolean.default(false),
  PATHWISE_BODY_LIMIT_BYTES: positiveInt(64 * 1024 * 1024).default(1024 * 1024),
  PATHWISE_EVENTS_BODY_LIMIT_BYTES: positiveInt(256 * 1024 * 1024).default(16 * 1024 * 1024),
  PATHWISE_LOGIN_MAX_PER_IP_PER_MINUTE: positiveInt(100_000).default(30),
  PATHWISE_LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt(100_000).default(10),
  PATHWISE_LOGIN_FAILURE_WINDOW_MINUTES: positiveInt(24 * 60).default(15),
  PATHWISE_OPEN_SCHOOL_SIGNUP: boolean.default(true),
  PATHWISE_WEB_DIST: z.string().min(1).default("apps/web/dist"),
  PATHWISE_JOBS_IN_PROCESS: boolean.default(true),
  PATHWISE_JOB_POLL_MS: positiveInt(3_600_000).default(1000),
  PATHWISE_JOB_CONCURRENCY: positiveInt(64).default(1),
  PATHWISE_JOB_LEASE_SECONDS: z.coerce
    .number()
    .int()
    .min(3)
    .max(24 * 3600)
    .default(60),
  PATHWISE_TRAIN_CANDIDATES: commaList
    .refine((kinds) => kinds.length > 0, "name at least one model kind")
    .refine(
      (kinds) => kinds.every((kind) => /^[a-z][a-z0-9-]*$/.test(kind)),
      "model kinds are lower-case names",
    )
    .default(["bkt", "dkt"]),
  PATHWISE_TRAIN_MAX_EPOCHS: positiveInt(10_000).default(20),
  PATHWISE_TRAIN_MAX_SECONDS: positiveInt(7 * 24 * 3600).default(900),
  PATHWISE_FAIRNESS_ATTRIBUTES: commaList.default([]),
  PATHWISE_FAIRNESS_MIN_GROUP: positiveInt(100_000).default(10),
  PATHWISE_PROMOTION_MIN_AUC_GAIN: z.coerce.number().min(0).max(1).default(0.002),
  PATHWISE_RETRAIN_CHECK_SECONDS: positiveInt(7 * 24 * 3600).default(300),
  PATHWISE_DATASETS: z.string().min(1).optional(),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  readonly session: { readonly idleMs: number; readonly absoluteMs: number; readonly cookieSecure: boolean };
  readonly bodyLimitBytes: number;
  readonly eventsBodyLimitBytes: number;
  readonly login: {
    readonly maxPerIpPerMinute: number;
    readonly maxFailuresPerAccount: number;
    readonly failureWindowMs: number;
  };
  readonly openSchoolSignup: boolean;
  readonly webDist: string;
  /** Background jobs (docs/jobs.md): whether the server runs them itself, and how runners poll and lease. */
  readonly jobs: {
    readonly inProcess: boolean;
    readonly pollMs: number;
    readonly concurrency: number;
    readonly leaseMs: number;
  };
  /** Training, model selection and retraining of learner models (docs/models.md). */
  readonly training: {
    /** Model kinds (the @pathwise/ml registry names) trained when a course has no settings of its own. */
    readonly candidates: readonly string[];
    readonly maxEpochs: number;
    /** Wall-clock budget per candidate (the deep models stop at the end of the epoch past it). */
    readonly maxSecondsPerCandidate: number;
    /** `users.attributes` keys reported in each model's fairness table. */
    readonly fairnessAttributes: readonly string[];
    /** Groups with fewer test learners are suppressed in the fairness table. */
    readonly fairnessMinGroup: number;
    /** A challenger replaces the champion only with at least this much higher AUC on the same learners. */
    readonly promotionMinAucGain: number;
    readonly retrainCheckMs: number;
  };
  /**
   * The folder of published knowledge-tracing splits (`<name>/<format>_split`) an admin may import from the
   * browser; the same variable the ml package's benchmarks read.
   */
  readonly datasetsDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === "object") deepFreeze(inner);
  return Object.freeze(value);
}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  // Empty strings count as unset, so `DATABASE_URL= npm start` means "use PGlite".
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const given = name in present ? ` (got ${JSON.stringify(present[name])})` : "";
        return `${name}: ${issue.message}${given}`;
      }),
    );
  }
  const e = result.data;
  return deepFreeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.PATHWISE_DATA_DIR,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    logLevel: e.LOG_LEVEL,
    session: {
      idleMs: e.PATHWISE_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.PATHWISE_SESSION_ABSOLUTE_HOURS * 3_600_000,
      cookieSecure: e.PATHWISE_COOKIE_SECURE,
    },
    bodyLimitBytes: e.PATHWISE_BODY_LIMIT_BYTES,
    eventsBodyLimitBytes: e.PATHWISE_EVENTS_BODY_LIMIT_BYTES,
    login: {
      maxPerIpPerMinute: e.PATHWISE_LOGIN_MAX_PER_IP_PER_MINUTE,
      maxFailuresPerAccount: e.PATHWISE_LOGIN_MAX_FAILURES_PER_ACCOUNT,
      failureWindowMs: e.PATHWISE_LOGIN_FAILURE_WINDOW_MINUTES * 60_000,
    },
    openSchoolSignup: e.PATHWISE_OPEN_SCHOOL_SIGNUP,
    webDist: e.PATHWISE_WEB_DIST,
    jobs: {
      inProcess: e.PATHWISE_JOBS_IN_PROCESS,
      pollMs: e.PATHWISE_JOB_POLL_MS,
      concurrency: e.PATHWISE_JOB_CONCURRENCY,
      leaseMs: e.PATHWISE_JOB_LEASE_SECONDS * 1000,
    },
    training: {
      candidates: e.PATHWISE_TRAIN_CANDIDATES,
      maxEpochs: e.PATHWISE_TRAIN_MAX_EPOCHS,
      maxSecondsPerCandidate: e.PATHWISE_TRAIN_MAX_SECONDS,
      fairnessAttributes: e.PATHWISE_FAIRNESS_ATTRIBUTES,
      fairnessMinGroup: e.PATHWISE_FAIRNESS_MIN_GROUP,
      promotionMinAucGain: e.PATHWISE_PROMOTION_MIN_AUC_GAIN,
      retrainCheckMs: e.PATHWISE_RETRAIN_CHECK_SECONDS * 1000,
    },
    datasetsDir: resolve(e.PATHWISE_DATASETS ?? datasetsDir()),
  });
}
