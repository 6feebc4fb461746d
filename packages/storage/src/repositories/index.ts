import type { Database } from "../database";
import { auditRepository } from "./audit";
import { classRepository } from "./classes";
import { contentRepository } from "./content";
import { eventRepository } from "./events";
import { goalRepository } from "./goals";
import { jobRepository } from "./jobs";
import { modelRepository } from "./models";
import { apiTokenRepository, deviceTokenRepository, sessionRepository } from "./sessions";
import { tenantRepository } from "./tenants";
import { userRepository } from "./users";

/** Every repository over one database: what the composition root hands to use cases. */
export function createRepositories(db: Database) {
  return {
    tenants: tenantRepository(db),
    users: userRepository(db),
    classes: classRepository(db),
    sessions: sessionRepository(db),
    apiTokens: apiTokenRepository(db),
    deviceTokens: deviceTokenRepository(db),
    content: contentRepository(db),
    events: eventRepository(db),
    models: modelRepository(db),
    jobs: jobRepository(db),
    goals: goalRepository(db),
    audit: auditRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
