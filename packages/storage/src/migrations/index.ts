import type { Migration } from "../migrator";
import { accounts } from "./0001-accounts";
import { content } from "./0002-content";
import { events } from "./0003-events";
import { learning } from "./0004-learning";
import { jobs } from "./0005-jobs";
import { models } from "./0006-models";
import { goals } from "./0007-goals";
import { audit } from "./0008-audit";

/** Every migration in version order. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  accounts,
  content,
  events,
  learning,
  jobs,
  models,
  goals,
  audit,
];
