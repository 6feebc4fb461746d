export { buildApp } from "./app";
export { ARGON2_PARAMS, createArgon2Hasher, type PasswordHasher } from "./auth/passwords";
export { POLICY_TABLE } from "./auth/policy-table";
export { type Config, ConfigError, parseConfig } from "./config";
export type { AppDeps } from "./deps";
export { jobHandlers } from "./jobs/handlers";
export { createJobSystem } from "./jobs/system";
export { ModelServing } from "./learner-model/serving";
