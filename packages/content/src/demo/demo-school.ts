import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import {
  type AnswerKey,
  asId,
  type ItemId,
  itemObjectId,
  type Statement,
  type StatementId,
  type UserId,
  VERBS,
} from "@pathwise/domain";
import type { Database, Repositories } from "@pathwise/storage";
import { parseCourseText } from "../course/load";
import { type ContentItem, type CourseContent, toCourseContents } from "../course/to-domain";
import { validateCourseFile } from "../course/validate";
import { inTransaction } from "../store";
import { seededRandom } from "./random";
import { randomProfile, type SimConcept, type SimItem, simulateLearner } from "./simulated-learner";

/**
 * The demo school: the middle-school mathematics course, an admin, a teacher and a class of learners
 * with simulated histories. Seeded once: when the school exists it is left as it is. Everything is
 * written in one transaction, so an interrupted seed leaves no half demo behind. The passwords are
 * for the demo only and are printed on purpose; never use them for real accounts.
 */
export const DEMO_SCHOOL_SLUG = "demo";
export const DEMO_COURSE_FILE = fileURLToPath(
  new URL("../../courses/middle-school-math.yaml", import.meta.url),
);
const DEMO_DOMAIN = "demo.pathwise.test"; // .test is reserved (RFC 2606): these addresses reach nobody.
const PASSWORDS = {
  admin: "demo-admin-2026",
  teacher: "demo-teacher-2026",
  learner: "demo-learner-2026",
  guardian: "demo-guardian-2026",
};
/** Display names alternate between learners who use the app in Chinese and in English. */
const LEARNER_NAMES = [
  "Li Wei",
  "Emma Johnson",
  "Zhang Min",
  "Noah Smith",
  "Wang Fang",
  "Olivia Brown",
  "Liu Yang",
  "Liam Davis",
  "Chen Jing",
  "Ava Wilson",
  "Yang Lei",
  "Lucas Martin",
  "Zhao Xin",
  "Mia Garcia",
  "Huang Tao",
  "Ethan Lee",
  "Zhou Ying",
  "Sofia Lopez",
  "Wu Hao",
  "Isabella Clark",
  "Xu Lin",
  "Mason Lewis",
  "Sun Yue",
  "Amelia Hall",
];
const DEMO_JOIN_CODE = "DEMMATH7";

export interface DemoLogin {
  readonly role: "admin" | "teacher" | "learner" | "guardian";
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly locale: "en" | "zh-CN";
}

export interface DemoSeedResult {
  /** False when the demo school already existed and nothing was written. */
  readonly created: boolean;
  readonly school: string;
  readonly classJoinCode: string;
  readonly logins: readonly DemoLogin[];
  readonly events: number;
}

export interface DemoSeedOptions {
  /** Hashes a password the way the server checks it at login (argon2id in the server). */
  readonly hashPassword: (password: string) => Promise<string>;
  /** Histories end at `now` and start `weeks` before it. */
  readonly now?: Date;
  readonly weeks?: number;
  readonly learners?: number;
  readonly seed?: number;
}

function demoLogins(learners: number): DemoLogin[] {
  return [
    {
      role: "admin",
      email: `admin@${DEMO_DOMAIN}`,
      password: PASSWORDS.admin,
      displayName: "Demo Admin",
      locale: "en",
    },
    {
      role: "teacher",
      email: `teacher@${DEMO_DOMAIN}`,
      password: PASSWORDS.teacher,
      displayName: "Gao Lan",
      locale: "zh-CN",
    },
    ...Array.from({ length: learners }, (_, i) => ({
      role: "learner" as const,
      email: `learner${String(i + 1).padStart(2, "0")}@${DEMO_DOMAIN}`,
      password: PASSWORDS.learner,
      displayName: LEARNER_NAMES[i % LEARNER_NAMES.length] ?? `Learner ${i + 1}`,
      locale: i % 2 === 0 ? ("zh-CN" as const) : ("en" as const),
    })),
    // The parent of the first learner (Li Wei): follows their child's progress, read-only.
    {
      role: "guardian",
      email: `guardian@${DEMO_DOMAIN}`,
      password: PASSWORDS.guardian,
      displayName: "Li Na",
      locale: "en",
    },
  ];
}

/** A name-based UUID (RFC 9562 §5.5, version 5 layout over SHA-1): same name, same id, every run. */
export function nameUuid(name: string): string {
  const hash = createHash("sha1").update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function demoCourse(): Promise<CourseContent> {
  const parsed = parseCourseText(await readFile(DEMO_COURSE_FILE, "utf8"), DEMO_COURSE_FILE);
  const valid = parsed.ok ? validateCourseFile(parsed.value) : parsed;
  if (!valid.ok) throw new Error(`demo course file is invalid: ${JSON.stringify(valid.problems)}`);
  const [course] = toCourseContents(valid.course);
  if (!course) throw new Error("the demo course file has no course");
  return course;
}

/** Seeds the demo school once; returns the logins either way. */
export async function seedDemoSchool(db: Database, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const learnerCount = options.learners ?? 24;
  const logins = demoLogins(learnerCount);
  const course = await demoCourse();
  return inTransaction(db, async function seedOnce(repos) {
    const existing = await repos.tenants.findBySlug(DEMO_SCHOOL_SLUG);
    if (existing) {
      const [schoolClass] = await repos.classes.listByTenant(existing.id);
      const events = await repos.events.countForTenant(existing.id);
      return {
        created: false,
        school: DEMO_SCHOOL_SLUG,
        classJoinCode: schoolClass?.joinCode ?? "",
        logins,
        events,
      };
    }
    const tenant = await repos.tenants.create({
      slug: DEMO_SCHOOL_SLUG,
      name: { en: "Pathwise Demo Middle School", "zh-CN": "Pathwise 演示中学" },
    });
    const report = await repos.content.importCourse({ tenantId: tenant.id, ...course });
    const users = new Map<string, UserId>();
    for (const login of logins) {
      const user = await repos.users.create({
        tenantId: tenant.id,
        email: login.email,
        displayName: login.displayName,
        role: login.role,
        locale: login.locale,
        passwordHash: await options.hashPassword(login.password),
        id: asId<UserId>(nameUuid(`pathwise-demo:user:${login.email}`)),
      });
      users.set(login.email, user.id);
    }
    const schoolClass = await repos.classes.create({
      tenantId: tenant.id,
      name: { en: "Grade 7 Mathematics", "zh-CN": "七年级数学" },
      joinCode: DEMO_JOIN_CODE,
    });
    for (const login of logins) {
      if (login.role !== "teacher" && login.role !== "learner") continue;
      await repos.classes.enrol({
        classId: schoolClass.id,
        userId: users.get(login.email) as UserId,
        role: login.role,
      });
    }
    const guardian = users.get(`guardian@${DEMO_DOMAIN}`);
    const firstLearner = users.get(`learner01@${DEMO_DOMAIN}`);
    if (guardian && firstLearner) await repos.users.linkGuardian(guardian, firstLearner);
    const itemIds = await repos.content.itemIdsByKey(tenant.id, report.courseId);
    const events = await writeHistories(repos, tenant.id, course, itemIds, logins, users, options);
    return { created: true, school: DEMO_SCHOOL_SLUG, classJoinCode: DEMO_JOIN_CODE, logins, events };
  });
}

const BATCH = 2_000;
const WEEK_MS = 7 * 86_400_000;

/** Simulates every learner's history and appends it as xAPI `answered` statements; returns the count. */
async function writeHistories(
  repos: Repositories,
  tenantId: Parameters<Repositories["events"]["append"]>[0],
  course: CourseContent,
  itemIds: Map<string, ItemId>,
  logins: readonly DemoLogin[],
  users: Map<string, UserId>,
  options: DemoSeedOptions,
): Promise<number> {
  const now = options.now ?? new Date();
  const period = { from: new Date(now.getTime() - (options.weeks ?? 6) * WEEK_MS), to: now };
  const concepts: SimConcept[] = course.concepts.map((concept) => ({
    key: concept.key,
    prerequisites: course.prerequisites.filter((e) => e.concept === concept.key).map((e) => e.requires),
  }));
  const gradable = course.items.filter((item) => item.answer.kind !== "open_text");
  const simItems: SimItem[] = gradable.map((item) => ({
    key: item.key,
    concepts: item.concepts,
    level: item.difficulty.level,
    guess: item.answer.kind === "multiple_choice" ? 1 / item.answer.choices.length : 0,
  }));
  const byKey = new Map(gradable.map((item) => [item.key, item]));
  let pending: Statement[] = [];
  let total = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await repos.events.append(tenantId, pending);
    total += pending.length;
    pending = [];
  };
  const learners = logins.filter((login) => login.role === "learner");
  for (const [index, login] of learners.entries()) {
    const random = seededRandom((options.seed ?? 2026) * 1000 + index);
    const answers = simulateLearner(concepts, simItems, randomProfile(random), random, period);
    const learnerId = users.get(login.email) as UserId;
    for (const [n, answer] of answers.entries()) {
      const item = byKey.get(answer.itemKey) as ContentItem;
      const response = responseFor(item.answer, answer.correct, random.next());
      pending.push({
        id: asId<StatementId>(nameUuid(`pathwise-demo:event:${login.email}:${n}`)),
        actor: { id: learnerId },
        verb: { id: VERBS.answered },
        object: { id: itemObjectId(itemIds.get(answer.itemKey) as ItemId) },
        result: {
          success: answer.correct,
          ...(response === undefined ? {} : { response }),
          duration: `PT${(answer.durationMs / 1000).toFixed(1)}S`,
        },
        context: { platform: "pathwise-demo-seed", language: login.locale },
        timestamp: answer.at.toISOString(),
      });
      if (pending.length >= BATCH) await flush();
    }
  }
  await flush();
  return total;
}

type ResponseMaker<K extends AnswerKey["kind"]> = (
  key: Extract<AnswerKey, { kind: K }>,
  correct: boolean,
  u: number,
) => string | undefined;

/**
 * The response a simulated learner typed, per item kind: the key's answer when correct; when wrong,
 * another choice or a near-miss number. Wrong expressions and short texts are not invented (left empty).
 */
const responses: { readonly [K in AnswerKey["kind"]]: ResponseMaker<K> } = {
  multiple_choice(key, correct, u) {
    if (correct) return key.correct.join(",");
    const wrong = key.choices.filter((choice) => !key.correct.includes(choice.id));
    return wrong[Math.floor(u * wrong.length)]?.id;
  },
  numeric(key, correct, u) {
    const miss = Math.max(1, Math.round(Math.abs(key.value) * 0.1));
    return String(correct ? key.value : key.value + (u < 0.5 ? -miss : miss));
  },
  expression: (key, correct) => (correct ? key.expression : undefined),
  short_text: (key, correct) => (correct ? key.accepted[0] : undefined),
  open_text: () => undefined,
};

function responseFor(key: AnswerKey, correct: boolean, u: number): string | undefined {
  const make = responses[key.kind] as ResponseMaker<typeof key.kind>;
  return make(key as never, correct, u);
}
