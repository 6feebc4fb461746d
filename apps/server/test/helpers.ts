import { randomBytes, randomUUID } from "node:crypto";
import {
  asId,
  type ClassId,
  joinCodeFromBytes,
  type Statement,
  type StatementId,
  type User,
  type UserId,
  VERBS,
} from "@pathwise/domain";
import { createRepositories, type Database, type Repositories, type StoredItem } from "@pathwise/storage";
import type { TestDatabaseTarget } from "@pathwise/storage/testing";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../src/app";
import { createArgon2Hasher, type PasswordHasher } from "../src/auth/passwords";
import { type Config, parseConfig } from "../src/config";
import { ModelServing } from "../src/learner-model/serving";

/**
 * One in-process app per test file on a real database (PGlite, or a private PostgreSQL schema), with
 * real argon2 hashing and a controllable clock. Requests go through Fastify's full pipeline (inject).
 */
export interface TestApp {
  readonly app: FastifyInstance;
  readonly repos: Repositories;
  readonly passwords: PasswordHasher;
  /** What job handlers need besides the repositories (tests start their own job runner). */
  readonly db: Database;
  readonly config: Config;
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

export async function startTestApp(
  target: TestDatabaseTarget,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const handle = await target.open();
  const repos = createRepositories(handle.db);
  const passwords = await createArgon2Hasher();
  let now = Date.now();
  const config = parseConfig({ LOG_LEVEL: "silent", PATHWISE_WEB_DIST: "/nonexistent-web-dist", ...env });
  const app = await buildApp({
    config,
    db: handle.db,
    repos,
    passwords,
    clock: () => new Date(now),
    modelServing: new ModelServing(repos),
  });
  await app.ready();
  return {
    app,
    repos,
    passwords,
    db: handle.db,
    config,
    advanceClock(ms) {
      now += ms;
    },
    async close() {
      await app.close();
      await handle.dispose();
    },
  };
}

export const PASSWORD = "a long enough passphrase";

/** A caller: cookie session (with its CSRF token) or bearer API token, or anonymous. */
export interface Caller {
  readonly cookie?: string;
  readonly csrf?: string;
  readonly bearer?: string;
}

export async function call(
  t: TestApp,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  options: { as?: Caller; body?: unknown; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const as = options.as;
  if (as?.cookie) headers.cookie = as.cookie;
  if (as?.csrf && method !== "GET") headers["x-csrf-token"] = as.csrf;
  if (as?.bearer) headers.authorization = `Bearer ${as.bearer}`;
  return t.app.inject({
    method,
    url,
    headers,
    ...(options.body === undefined ? {} : { payload: options.body as string | object }),
  });
}

export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<Caller> {
  const response = await call(t, "POST", "/api/auth/login", { body: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "pathwise_session");
  if (!cookie) throw new Error("login set no session cookie");
  return { cookie: `pathwise_session=${cookie.value}`, csrf: response.json().csrfToken };
}

export interface School {
  readonly tenantId: string;
  readonly admin: User;
  readonly teacher: User;
  readonly learnerA: User;
  readonly learnerB: User;
  readonly guardian: User;
  readonly classId: ClassId;
}

/**
 * A school with an admin, a teacher of one class holding learners A and B, and a guardian of A.
 * Built through the repositories (fast); the HTTP tests exercise the routes themselves.
 */
export async function seedSchool(t: TestApp, label = randomUUID().slice(0, 8)): Promise<School> {
  const tenant = await t.repos.tenants.create({
    slug: `school-${label}`,
    name: { en: `School ${label}`, "zh-CN": "学校" },
  });
  const passwordHash = await t.passwords.hash(PASSWORD);
  const make = (role: User["role"], name: string) =>
    t.repos.users.create({
      tenantId: tenant.id,
      email: `${name}-${label}@example.org`,
      displayName: name,
      role,
      passwordHash,
    });
  const [admin, teacher, learnerA, learnerB, guardian] = await Promise.all([
    make("admin", "admin"),
    make("teacher", "teacher"),
    make("learner", "learner-a"),
    make("learner", "learner-b"),
    make("guardian", "guardian"),
  ]);
  const schoolClass = await t.repos.classes.create({
    tenantId: tenant.id,
    name: { en: "7A" },
    joinCode: joinCodeFromBytes(randomBytes(8)),
  });
  await t.repos.classes.enrol({ classId: schoolClass.id, userId: teacher.id, role: "teacher" });
  await t.repos.classes.enrol({ classId: schoolClass.id, userId: learnerA.id, role: "learner" });
  await t.repos.classes.enrol({ classId: schoolClass.id, userId: learnerB.id, role: "learner" });
  await t.repos.users.linkGuardian(guardian.id, learnerA.id);
  return { tenantId: tenant.id, admin, teacher, learnerA, learnerB, guardian, classId: schoolClass.id };
}

export function statement(
  learnerId: UserId | string,
  minute = 0,
  overrides: Partial<Statement> = {},
): Statement {
  return {
    id: asId<StatementId>(randomUUID()),
    actor: { id: asId<UserId>(learnerId) },
    verb: { id: VERBS.answered },
    object: { id: `urn:pathwise:item:${randomUUID()}` },
    result: { success: minute % 3 !== 0, response: String(minute), duration: "PT12S" },
    timestamp: new Date(Date.UTC(2026, 10, 28, 8, 0, minute)).toISOString(),
    ...overrides,
  };
}

export async function eventCount(t: TestApp, tenantId: string): Promise<number> {
  return t.repos.events.countForTenant(asId(tenantId));
}

/** The concepts of the arithmetic test course, in learning order (count → add → multiply). */
export const ARITHMETIC_CONCEPTS = ["count", "add", "multiply"] as const;

/**
 * A small course in `tenantId`: three concepts in a prerequisite chain, `levels` numeric items per concept
 * (item `<concept>-<level>`, answer 10·c + level, difficulty level + c capped at 5), the course goal
 * "multiply". Returns its id, concept ids by key and items.
 */
export async function importArithmeticCourse(t: TestApp, tenantId: string, levels = 4) {
  const report = await t.repos.content.importCourse({
    tenantId: asId(tenantId),
    course: {
      key: "arith",
      title: { en: "Arithmetic" },
      goals: [{ key: "g", title: { en: "Multiply" }, targets: ["multiply"] }],
    },
    concepts: ARITHMETIC_CONCEPTS.map((key) => ({ key, title: { en: key, "zh-CN": `概念${key}` } })),
    prerequisites: [
      { concept: "add", requires: "count" },
      { concept: "multiply", requires: "add" },
    ],
    items: ARITHMETIC_CONCEPTS.flatMap((concept, c) =>
      Array.from({ length: levels }, (_, i) => i + 1).map((level) => ({
        key: `${concept}-${level}`,
        stem: { en: `${concept} ${level}?` },
        concepts: [concept],
        difficulty: { level: Math.min(5, level + c) },
        answer: { kind: "numeric" as const, value: 10 * c + level, tolerance: 0 },
      })),
    ),
  });
  const graph = await t.repos.content.getConceptGraph(asId(tenantId), report.courseId);
  const conceptIds = Object.fromEntries((graph?.concepts ?? []).map((c) => [c.key, c.id as string]));
  const items: StoredItem[] = await t.repos.content.listItems(asId(tenantId), report.courseId, {
    limit: 100,
    offset: 0,
  });
  return { courseId: report.courseId, conceptIds, items };
}
