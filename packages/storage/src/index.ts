export { openPglite, type PgliteOptions } from "./adapters/pglite";
export { durabilityProblems, openPostgres, type PostgresOptions } from "./adapters/postgres";
export * from "./database";
export { migrations } from "./migrations/index";
export { type Migration, type MigrationReport, type MigrationResult, migrate } from "./migrator";
export { type DatabaseSettings, openDatabase } from "./open";
export {
  type AccessOutcome,
  type AccessRecord,
  type AuditHead,
  type AuditRepository,
  type AuditSubject,
  auditRepository,
  type NewAccessRecord,
} from "./repositories/audit";
export { type ClassRepository, classRepository } from "./repositories/classes";
export { contentRepository, validateCourseImport } from "./repositories/content";
export * from "./repositories/content-types";
export {
  type AppendResult,
  EventConflictError,
  type EventRepository,
  eventRepository,
  type StoredEvent,
  statementHash,
} from "./repositories/events";
export {
  type GoalRepository,
  type GoalSetterRole,
  type GoalStatus,
  goalRepository,
  type NewGoal,
  type StoredGoal,
} from "./repositories/goals";
export { createRepositories, type Repositories } from "./repositories/index";
export * from "./repositories/jobs";
export type {
  CourseAnswers,
  ModelSettings,
  SnapshotAnswer,
} from "./repositories/model-training-data";
export {
  type Decide,
  type DecisionAction,
  type ModelDecision,
  type ModelDetail,
  type ModelFile,
  type ModelRepository,
  type ModelStatus,
  type ModelSummary,
  modelRepository,
  type NewModel,
  type StoredVocabulary,
  sha256Hex,
} from "./repositories/models";
export {
  type ApiTokenRepository,
  apiTokenRepository,
  type DeviceTokenRepository,
  deviceTokenRepository,
  type LiveDeviceToken,
  type SessionRepository,
  type StoredSession,
  sessionRepository,
} from "./repositories/sessions";
export { type TenantRepository, tenantRepository } from "./repositories/tenants";
export {
  type AccountStatus,
  accountStatus,
  type NewUser,
  publicUser,
  type UserRepository,
  type UserWithCredentials,
  userRepository,
} from "./repositories/users";
