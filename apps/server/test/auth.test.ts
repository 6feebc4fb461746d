import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, PASSWORD, type School, seedSchool, signIn, startTestApp, type TestApp } from "./helpers";

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
    expect(login.statusCode).toBe(401);
  });

  it("expires a session after the idle timeout", async () => {
    const caller = await signIn(t, school.learnerB.email);
    t.advanceClock(29 * 60_000);
    expect((await call(t, "GET", "/api/auth/me", { as: caller })).statusCode).toBe(200);
    t.advanceClock(31 * 60_000);
    expect((await call(t, "GET", "/api/auth/me", { as: caller })).statusCode).toBe(401);
  });
});
