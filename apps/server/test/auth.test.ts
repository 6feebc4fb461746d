import { createHash } from "node:crypto";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Caller,
  call,
  PASSWORD,
  type School,
  seedSchool,
  signIn,
  startTestApp,
  type TestApp,
} from "./helpers";

describe.each(testDatabases())("accounts and sessions on $name", (target) => {
  let t: TestApp;
  let school: School;
  beforeAll(async () => {
    t = await startTestApp(target, {
      PATHWISE_LOGIN_MAX_FAILURES_PER_ACCOUNT: "3",
      PATHWISE_SESSION_IDLE_MINUTES: "30",
    });
    school = await seedSchool(t);
  });
  afterAll(() => t.close());

  it("registers a school with its admin, who is signed in at once", async () => {
    const response = await call(t, "POST", "/api/auth/register-school", {
      body: {
        school: { slug: "riverside", name: { en: "Riverside Middle School", "zh-CN": "河畔中学" } },
        admin: { email: "Head@Riverside.example", password: PASSWORD, displayName: "Head" },
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({ role: "admin", email: "Head@Riverside.example" });
    const cookie = response.cookies.find((c) => c.name === "pathwise_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    // 256-bit base64url token: 43 characters.
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await call(t, "POST", "/api/auth/register-school", {
      body: {
        school: { slug: "riverside", name: { en: "Other" } },
        admin: { email: "x@y.example", password: PASSWORD, displayName: "X" },
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("slug_taken");
  });

  it("registers a learner with a class join code, enrolled in that class", async () => {
    const admin = await signIn(t, school.admin.email);
    const classes = await call(t, "GET", "/api/classes", { as: admin });
    const joinCode = classes.json().classes[0].joinCode as string;
    const response = await call(t, "POST", "/api/auth/register", {
      body: {
        email: "newbie@example.org",
        password: PASSWORD,
        displayName: "Newbie",
        joinCode: joinCode.toLowerCase(),
        locale: "zh-CN",
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({
      role: "learner",
      tenantId: school.tenantId,
      locale: "zh-CN",
    });
    const me = await signIn(t, "newbie@example.org");
    const mine = await call(t, "GET", "/api/auth/me", { as: me });
    expect(mine.json().classes).toEqual([expect.objectContaining({ id: school.classId, myRole: "learner" })]);
    expect(mine.json().classes[0].joinCode).toBeUndefined();

    const badCode = await call(t, "POST", "/api/auth/register", {
      body: { email: "x@example.org", password: PASSWORD, displayName: "X", joinCode: "NOPE2345" },
    });
    expect(badCode.json().error).toMatchObject({ code: "validation_failed", field: "body.joinCode" });
    const common = await call(t, "POST", "/api/auth/register", {
      body: { email: "y@example.org", password: "password123", displayName: "Y", joinCode },
    });
    expect(common.json().error).toMatchObject({ code: "validation_failed", field: "body.password" });
  });

  it("logs in, answers /me, and logout ends the session", async () => {
    const caller = await signIn(t, school.learnerA.email.toUpperCase());
    const me = await call(t, "GET", "/api/auth/me", { as: caller });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(school.learnerA.id);
    const logout = await call(t, "POST", "/api/auth/logout", { as: caller });
    expect(logout.statusCode).toBe(204);
    const after = await call(t, "GET", "/api/auth/me", { as: caller });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("unauthenticated");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrong = await call(t, "POST", "/api/auth/login", {
      body: { email: school.teacher.email, password: "not the password" },
    });
    const unknown = await call(t, "POST", "/api/auth/login", {
      body: { email: "nobody@example.org", password: "not the password" },
    });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it("refuses further logins to an account after repeated failures, before hashing", async () => {
    const email = school.guardian.email;
    for (let i = 0; i < 3; i++) {
      expect(
        (await call(t, "POST", "/api/auth/login", { body: { email, password: `wrong ${i}` } })).statusCode,
      ).toBe(401);
    }
    const blocked = await call(t, "POST", "/api/auth/login", { body: { email, password: PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("rate_limited");
    t.advanceClock(16 * 60_000);
    expect(
      (await call(t, "POST", "/api/auth/login", { body: { email, password: PASSWORD } })).statusCode,
    ).toBe(200);
  });

  it("requires the CSRF header for cookie-authenticated writes", async () => {
    const admin = await signIn(t, school.admin.email);
    const withoutCsrf = await call(t, "POST", "/api/classes", {
      as: { ...admin, csrf: "" },
      body: { name: { en: "8B" } },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().error.code).toBe("csrf_failed");
    const wrongCsrf = await call(t, "POST", "/api/classes", {
      as: { ...admin, csrf: "x".repeat(43) },
      body: { name: { en: "8B" } },
    });
    expect(wrongCsrf.json().error.code).toBe("csrf_failed");
    const ok = await call(t, "POST", "/api/classes", { as: admin, body: { name: { en: "8B" } } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().joinCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  });

  it("issues API tokens that authenticate as bearer without CSRF, until revoked", async () => {
    const teacher = await signIn(t, school.teacher.email);
    const created = await call(t, "POST", "/api/tokens", { as: teacher, body: { name: "gradebook sync" } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^pw_/);
    const me = await call(t, "GET", "/api/auth/me", { as: { bearer: token } });
    expect(me.json().user.id).toBe(school.teacher.id);
    expect((await call(t, "DELETE", `/api/tokens/${id}`, { as: teacher })).statusCode).toBe(204);
    const revoked = await call(t, "GET", "/api/auth/me", { as: { bearer: token } });
    expect(revoked.statusCode).toBe(401);
  });

  it("replaces a session the browser already had at login, and disabling a user ends their access", async () => {
    const first = await signIn(t, school.teacher.email);
    const second = await call(t, "POST", "/api/auth/login", {
      body: { email: school.teacher.email, password: PASSWORD },
      headers: { cookie: first.cookie ?? "" },
    });
    expect(second.statusCode).toBe(200);
    expect((await call(t, "GET", "/api/auth/me", { as: first })).statusCode).toBe(401);

    const admin = await signIn(t, school.admin.email);
    const token = (
      await call(t, "POST", "/api/tokens", { as: admin, body: { name: "to be disabled" } })
    ).json().token;
    await t.repos.users.disable(school.admin.id);
    expect((await call(t, "GET", "/api/auth/me", { as: admin })).statusCode).toBe(401);
    expect((await call(t, "GET", "/api/auth/me", { as: { bearer: token } })).statusCode).toBe(401);
    const login = await call(t, "POST", "/api/auth/login", {
      body: { email: school.admin.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe("account_disabled");
  });

  it("expires a session after the idle timeout", async () => {
    const caller = await signIn(t, school.learnerB.email);
    t.advanceClock(29 * 60_000);
    expect((await call(t, "GET", "/api/auth/me", { as: caller })).statusCode).toBe(200);
    t.advanceClock(31 * 60_000);
    expect((await call(t, "GET", "/api/auth/me", { as: caller })).statusCode).toBe(401);
  });
});

/** A session cookie header and the browser's device cookie, as a browser would keep them. */
interface Browser {
  device?: string;
}

async function loginFrom(
  t: TestApp,
  browser: Browser,
  email: string,
  password: string,
  remoteAddress: string,
) {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress,
    headers: browser.device ? { cookie: `pathwise_device=${browser.device}` } : {},
    payload: { email, password },
  });
  const device = response.cookies.find((c) => c.name === "pathwise_device");
  if (device) browser.device = device.value;
  return response;
}

/** Counts argon2 work (real checks and decoy checks) through the app's hasher. */
function countHashChecks(t: TestApp): { count: number } {
  const counter = { count: 0 };
  const { verify, burn } = t.passwords;
  Object.assign(t.passwords, {
    verify: (hash: string, password: string) => {
      counter.count++;
      return verify(hash, password);
    },
    burn: (password: string) => {
      counter.count++;
      return burn(password);
    },
  });
  return counter;
}

describe.each(testDatabases())("login under a password-guessing attack on $name", (target) => {
  let t: TestApp;
  let school: School;
  let hashChecks: { count: number };
  beforeAll(async () => {
    // Default limits: 10 failures per account per 15 minutes, 30 logins per IP per minute.
    t = await startTestApp(target);
    school = await seedSchool(t);
    hashChecks = countHashChecks(t);
  });
  afterAll(() => t.close());

  it("spends one argon2 check on an unknown email as on a known one", async () => {
    const before = hashChecks.count;
    await loginFrom(t, {}, "nobody-here@example.org", "not the password", "192.0.2.1");
    expect(hashChecks.count - before).toBe(1);
    await loginFrom(t, {}, school.learnerB.email, "not the password", "192.0.2.1");
    expect(hashChecks.count - before).toBe(2);
  });

  it("1,000 wrong passwords in an hour cost at most 100 hash checks, and the owner's browser still logs in", async () => {
    const victim = school.teacher.email;
    const owner: Browser = {};
    expect((await loginFrom(t, owner, victim, PASSWORD, "198.51.100.7")).statusCode).toBe(200);
    expect(owner.device).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The attacker's own account gives its browser a device token, which does not count for the victim.
    const attacker: Browser = {};
    expect((await loginFrom(t, attacker, school.learnerB.email, PASSWORD, "203.0.113.1")).statusCode).toBe(
      200,
    );

    const statuses = new Map<number, number>();
    let attackerChecks = 0;
    let ownerLogins = 0;
    for (let i = 0; i < 1_000; i++) {
      t.advanceClock(3_600); // 1,000 attempts spread over one hour
      const before = hashChecks.count;
      // Every attempt from its own address, so the per-IP limit never helps.
      const response = await loginFrom(t, attacker, victim, `guess ${i}`, `10.${i >> 8}.${i & 255}.9`);
      attackerChecks += hashChecks.count - before;
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode === 429) expect(hashChecks.count).toBe(before);
      if (i % 200 === 100) {
        const mine = await loginFrom(t, owner, victim, PASSWORD, "198.51.100.7");
        expect(mine.statusCode).toBe(200);
        expect(mine.json().user.id).toBe(school.teacher.id);
        ownerLogins++;
      }
    }
    expect(ownerLogins).toBe(5);
    expect(attackerChecks).toBeLessThanOrEqual(100);
    expect(statuses.get(401)).toBe(attackerChecks);
    expect(statuses.get(429)).toBe(1_000 - attackerChecks);
    expect(statuses.get(429)).toBeGreaterThanOrEqual(900);

    // A browser the owner never used is refused like the attacker's while the attack lasts (documented).
    const fresh = await loginFrom(t, {}, victim, PASSWORD, "198.51.100.8");
    expect(fresh.statusCode).toBe(429);
    expect(fresh.json().error.message).toMatch(/from browsers it has not signed in from/);
  });

  it("counts the owner's own typos in their browser's budget, not the account's", async () => {
    const email = school.guardian.email;
    const owner: Browser = {};
    expect((await loginFrom(t, owner, email, PASSWORD, "198.51.100.20")).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect((await loginFrom(t, owner, email, `typo ${i}`, "198.51.100.20")).statusCode).toBe(401);
    }
    const locked = await loginFrom(t, owner, email, PASSWORD, "198.51.100.20");
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/from this browser/);
    // The account's budget is untouched: another browser may still log in.
    expect((await loginFrom(t, {}, email, PASSWORD, "198.51.100.21")).statusCode).toBe(200);
  });

  it("refuses an unknown email exactly like a real one once its budget is spent", async () => {
    const answers = [];
    for (const email of ["no-such-person@example.org", school.learnerA.email]) {
      for (let i = 0; i < 10; i++) await loginFrom(t, {}, email, `wrong ${i}`, `10.9.${i}.1`);
      const refused = await loginFrom(t, {}, email, "wrong again", "10.9.99.1");
      answers.push([refused.statusCode, refused.json().error.code, refused.json().error.message]);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]?.[0]).toBe(429);
  });

  it("keeps several accounts' device tokens in one shared browser", async () => {
    const shared: Browser = {};
    expect((await loginFrom(t, shared, school.admin.email, PASSWORD, "198.51.100.30")).statusCode).toBe(200);
    expect((await loginFrom(t, shared, school.learnerB.email, PASSWORD, "198.51.100.30")).statusCode).toBe(
      200,
    );
    const tokens = shared.device?.split(".") ?? [];
    expect(tokens).toHaveLength(2);
    const hashes = tokens.map((token) => createHash("sha256").update(token).digest("hex"));
    const owners = (await t.repos.deviceTokens.findLive(hashes, new Date(Date.now() + 60_000))).map(
      (d) => d.userId,
    );
    expect(owners.sort()).toEqual([school.admin.id, school.learnerB.id].sort());
  });
});

describe.each(testDatabases())("disabling and deleting accounts on $name", (target) => {
  let t: TestApp;
  let school: School;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(target, { PATHWISE_LOGIN_MAX_PER_IP_PER_MINUTE: "1000" });
    school = await seedSchool(t);
    admin = await signIn(t, school.admin.email);
  });
  afterAll(() => t.close());

  it("disable ends every session and API token of the user at their next request", async () => {
    const [laptop, phone] = [await signIn(t, school.teacher.email), await signIn(t, school.teacher.email)];
    const token = (await call(t, "POST", "/api/tokens", { as: laptop, body: { name: "sync" } })).json().token;
    for (const caller of [laptop, phone, { bearer: token }]) {
      expect((await call(t, "GET", "/api/auth/me", { as: caller })).statusCode).toBe(200);
    }
    const disabled = await call(t, "POST", `/api/users/${school.teacher.id}/disable`, { as: admin });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ user: { id: school.teacher.id }, status: "disabled" });
    const statusInList = async () => {
      const listed = await call(t, "GET", "/api/users?limit=500", { as: admin });
      return listed.json().users.find((u: { id: string }) => u.id === school.teacher.id)?.status;
    };
    expect(await statusInList()).toBe("disabled");
    for (const caller of [laptop, phone, { bearer: token }]) {
      expect((await call(t, "GET", "/api/auth/me", { as: caller })).statusCode).toBe(401);
    }
    const login = await call(t, "POST", "/api/auth/login", {
      body: { email: school.teacher.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().error).toMatchObject({
      code: "account_disabled",
      message: "This account is disabled; ask your school's administrator to enable it",
    });
    // A wrong password still says only that the credentials are wrong.
    const wrong = await call(t, "POST", "/api/auth/login", {
      body: { email: school.teacher.email, password: "not the password" },
    });
    expect(wrong.json().error.code).toBe("invalid_credentials");

    const enabled = await call(t, "POST", `/api/users/${school.teacher.id}/enable`, { as: admin });
    expect(enabled.json().status).toBe("active");
    expect(await statusInList()).toBe("active");
    const again = await signIn(t, school.teacher.email);
    expect((await call(t, "GET", "/api/auth/me", { as: again })).statusCode).toBe(200);
    // Ended sessions and revoked tokens stay ended.
    expect((await call(t, "GET", "/api/auth/me", { as: laptop })).statusCode).toBe(401);
    expect((await call(t, "GET", "/api/auth/me", { as: { bearer: token } })).statusCode).toBe(401);
  });

  it("delete ends access for good and takes the account off the user list", async () => {
    const learner = await signIn(t, school.learnerB.email);
    const deleted = await call(t, "DELETE", `/api/users/${school.learnerB.id}`, { as: admin });
    expect(deleted.json()).toMatchObject({ status: "deleted" });
    expect((await call(t, "GET", "/api/auth/me", { as: learner })).statusCode).toBe(401);
    const login = await call(t, "POST", "/api/auth/login", {
      body: { email: school.learnerB.email, password: PASSWORD },
    });
    expect(login.json().error).toMatchObject({
      code: "account_disabled",
      message: "This account has been deleted",
    });
    const listed = await call(t, "GET", "/api/users?limit=500", { as: admin });
    expect(listed.json().users.map((u: { id: string }) => u.id)).not.toContain(school.learnerB.id);
    const enable = await call(t, "POST", `/api/users/${school.learnerB.id}/enable`, { as: admin });
    expect(enable.statusCode).toBe(404);
    expect(enable.json().error.message).toMatch(/has been deleted/);
  });

  it("does not let an admin disable or delete their own account", async () => {
    for (const [method, url] of [
      ["POST", `/api/users/${school.admin.id}/disable`],
      ["DELETE", `/api/users/${school.admin.id}`],
    ] as const) {
      const response = await call(t, method, url, { as: admin });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toMatch(/cannot (disable|delete) your own account/);
    }
    expect((await call(t, "GET", "/api/auth/me", { as: admin })).statusCode).toBe(200);
  });

  it("forgets the disabled account's device tokens", async () => {
    const browser: Browser = {};
    expect((await loginFrom(t, browser, school.guardian.email, PASSWORD, "198.51.100.40")).statusCode).toBe(
      200,
    );
    const hash = createHash("sha256")
      .update(browser.device ?? "")
      .digest("hex");
    expect(await t.repos.deviceTokens.findLive([hash], new Date(Date.now() + 60_000))).toHaveLength(1);
    await call(t, "POST", `/api/users/${school.guardian.id}/disable`, { as: admin });
    await call(t, "POST", `/api/users/${school.guardian.id}/enable`, { as: admin });
    expect(await t.repos.deviceTokens.findLive([hash], new Date(Date.now() + 60_000))).toEqual([]);
  });
});
