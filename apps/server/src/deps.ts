import type { Database, Repositories } from "@pathwise/storage";
import type { PasswordHasher } from "./auth/passwords";
import type { Config } from "./config";
import type { ModelServing } from "./learner-model/serving";

/** Everything the app needs, built by the composition root (main.ts) or a test — no singletons. */
export interface AppDeps {
  readonly config: Config;
  readonly db: Database;
  readonly repos: Repositories;
  readonly passwords: PasswordHasher;
  readonly clock: () => Date;
  /** The courses' champion models and learners' states, shared by every request of this process. */
  readonly modelServing: ModelServing;
}
