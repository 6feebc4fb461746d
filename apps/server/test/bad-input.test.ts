import { randomUUID } from "node:crypto";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config";
import {
  type Caller,
  call,
  eventCount,
  type School,
  seedSchool,
  signIn,
  startTestApp,
  statement,
  type TestApp,
} from "./helpers";

describe("configuration", () => {
  it("reports every problem at once, naming each variable and value", () => {
    const error = (() => {
      try {
        parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/PORT: .*"eighty"/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL: expected a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(problems.join("\n")).toMatch(/LOG_LEVEL: .*"loud"/);
  });

  it("has defaults and is frozen", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: "./data", session: { idleMs: 30 * 60_000 } });
    expect(config.databaseUrl).toBeUndefined();
    expect(Object.isFrozen(config) && Object.isFrozen(config.session)).toBe(true);
  });
});

describe.each(testDatabases())("bad input on $name", (target) => {
  let t: TestApp;
  let school: School;
  let learner: Caller;
  let admin: Caller;

  beforeAll(async () => {
    t = await startTestApp(target, {
      PATHWISE_BODY_LIMIT_BYTES: "2048",
      PATHWISE_EVENTS_BODY_LIMIT_BYTES: "65536",
      PATHWISE_LOGIN_MAX_PER_IP_PER_MINUTE: "3",
    });
    school = await seedSchool(t);
    learner = await signIn(t, school.learnerA.email);
    admin = await signIn(t, school.admin.email);
  });
  afterAll(() => t.close());

  const raw = (url: string, payload: string, caller: Caller, contentType = "application/json") =>
    t.app.inject({
      method: "POST",
      url,
      payload,
      headers: {
        "content-type": contentType,
        ...(caller.cookie ? { cookie: caller.cookie } : {}),
        "x-csrf-token": caller.csrf ?? "",
      },
    });

  it("malformed JSON → 400 malformed_json", async () => {
    const response = await raw("/api/events", '{"id": "x", ', learner);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("malformed_json");
  });

  it("wrong types → 400 validation_failed naming the field", async () => {
    const bad = { ...statement(school.learnerA.id), timestamp: 12 };
    const response = await call(t, "POST", "/api/events", { as: learner, body: bad });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
    expect(response.json().error.field).toBe("body.timestamp");
    const inBatch = await call(t, "POST", "/api/events", {
      as: learner,
      body: [statement(school.learnerA.id), bad],
    });
    expect(inBatch.json().error.field).toBe("body.1.timestamp");
    const className = await call(t, "POST", "/api/classes", { as: admin, body: { name: { en: 7 } } });
    expect(className.json().error).toMatchObject({ code: "validation_failed", field: "body.name.en" });
  });

  it("unknown fields → 400 unknown_field naming it", async () => {
    const response = await call(t, "POST", "/api/classes", {
      as: admin,
      body: { name: { en: "9C" }, teacherId: randomUUID() },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "unknown_field", field: "body.teacherId" });
    const login = await call(t, "POST", "/api/auth/login", {
      body: { email: "a@b.c", password: "x", remember: true },
    });
    expect(login.json().error.code).toBe("unknown_field");
    const query = await call(t, "GET", `/api/learners/${school.learnerA.id}/events?limit=10&sort=desc`, {
      as: learner,
    });
    expect(query.json().error).toMatchObject({ code: "unknown_field", field: "querystring.sort" });
  });

  it("oversize bodies → 413 payload_too_large, nothing written", async () => {
    const big = await call(t, "POST", "/api/classes", {
      as: admin,
      body: { name: { en: "x".repeat(5000) } },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("payload_too_large");
    const batch = Array.from({ length: 300 }, (_, i) => statement(school.learnerA.id, i));
    const events = await call(t, "POST", "/api/events", { as: learner, body: batch });
    expect(events.statusCode).toBe(413);
    expect(await eventCount(t, school.tenantId)).toBe(0);
  });

  it("non-JSON bodies → 415; bad ids → 400; unknown routes → 404", async () => {
    const text = await raw("/api/classes", "hello", admin, "text/plain");
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe("unsupported_media_type");
    const badId = await call(t, "GET", "/api/learners/not-a-uuid/events", { as: learner });
    expect(badId.json().error).toMatchObject({ code: "validation_failed", field: "params.learnerId" });
    const cursor = await call(t, "GET", `/api/learners/${school.learnerA.id}/events?cursor=abc`, {
      as: learner,
    });
    expect(cursor.json().error).toMatchObject({ code: "validation_failed", field: "querystring.cursor" });
    const missing = await call(t, "GET", "/api/nothing-here", { as: learner });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("route_not_found");
  });

  it("too many logins from one IP → 429 rate_limited", async () => {
    // The limit is 3 per minute and earlier requests in this file used some; within 4 more, one is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 4 && !statuses.includes(429); i++) {
      const response = await call(t, "POST", "/api/auth/login", {
        body: { email: school.admin.email, password: "whatever1" },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().error.code).toBe("rate_limited");
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
  });

  it("never reveals internals: errors carry only the catalogue fields", async () => {
    const response = await raw("/api/events", "[", learner);
    expect(Object.keys(response.json())).toEqual(["error"]);
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });
});
