import type { DemoLogin } from "@pathwise/content";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible as accessible,
  chromiumMissing,
  logInAs as logIn,
  type OpenApp,
  openApp,
} from "./support/app";
import type { Browser } from "./support/browser";
import { latinWordsIn, saveScreenshot } from "./support/screens";
import type { RunningServer } from "./support/server";

/**
 * End-to-end flows in Debian's Chromium against the real server (fresh PGlite, demo school seeded),
 * serving a fresh build of the web app. Every page visited is checked with axe (no serious or
 * critical violations) and the browser console must stay free of errors.
 */
describe.skipIf(chromiumMissing())("web app in a real browser", () => {
  let app: OpenApp;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const learner = {
    name: "Ada Lovelace",
    email: `ada-${Date.now()}@example.test`,
    password: "analytical-engine-1843",
  };

  const login = (role: DemoLogin["role"]) => {
    const found = server.demo.logins.find((candidate) => candidate.role === role);
    if (!found) throw new Error(`the demo seed has no ${role} login`);
    return found;
  };

  const expectAccessible = (where: string) => accessible(page, where);
  const logInAs = (email: string, password: string) => logIn(page, email, password);

  async function logOut() {
    await page.getByRole("button", { name: /Log out|退出登录/ }).click();
    await page.getByRole("heading", { level: 1, name: /Log in|登录/ }).waitFor();
  }

  beforeAll(async () => {
    app = await openApp();
    ({ server, browser, page } = app);
  }, 300_000); // build + database + demo seed: a minute on a busy 2-core machine, more under CI load

  afterAll(async () => {
    await app?.close();
  });

  it("a new learner signs up with the class join code and lands on the dashboard", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Log in" }).waitFor();
    await saveScreenshot(page, "login");
    await expectAccessible("log in");
    // Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    await page.getByRole("link", { name: "Sign up" }).click();
    await page.getByLabel("Your name").fill(learner.name);
    await page.getByLabel("Email").fill(learner.email);
    await page.getByLabel("Password").fill(learner.password);
    await page.getByLabel("Class join code").fill(server.demo.classJoinCode.toLowerCase());
    await expectAccessible("sign up");
    await page.getByRole("button", { name: "Sign up" }).click();

    await page.getByRole("heading", { level: 1, name: `Hello, ${learner.name}` }).waitFor();
    // The knowledge map draws every concept of the demo course, laid out by dagre.
    await page.locator(".react-flow__node").first().waitFor();
    const graph = await page.evaluate(async () => {
      const courses: { courses: { id: string }[] } = await (await fetch("/api/courses")).json();
      const body: { concepts: unknown[]; prerequisites: unknown[] } = await (
        await fetch(`/api/courses/${courses.courses[0]?.id}/graph`)
      ).json();
      return { concepts: body.concepts.length, edges: body.prerequisites.length };
    });
    expect(graph.concepts).toBeGreaterThanOrEqual(20);
    // React Flow draws edges once the nodes are measured, a frame or more after the nodes appear.
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(graph.concepts);
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(graph.edges);
    await expect(page.getByText("No practice yet").isVisible()).resolves.toBe(true);
    await expectAccessible("dashboard");
    await saveScreenshot(page, "dashboard");
  });

  /** The mastery band of every box on the knowledge map (its data-band), in page order. */
  const mapBands = () =>
    page
      .locator(".react-flow__node .concept-node")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-band") ?? "none"));

  it("the learner takes the placement test and the map is coloured by the mastery it seeded", async () => {
    await page.locator(".react-flow__node .concept-node[data-band]").first().waitFor();
    // No answers yet: every concept is "not started".
    expect(new Set(await mapBands())).toEqual(new Set(["notStarted"]));
    await page.getByRole("link", { name: "Take the placement test" }).click();
    await page.getByRole("heading", { level: 1, name: "Placement test" }).waitFor();
    await expectAccessible("placement start");
    await page.getByRole("button", { name: "Start the test" }).click();
    const result = page.getByRole("heading", { level: 2, name: "Your result" });
    for (let asked = 0; asked < 60 && !(await result.isVisible()); asked += 1) {
      const question = page.locator("#placement-question");
      await Promise.race([question.waitFor(), result.waitFor()]);
      if (await result.isVisible()) break;
      const stem = await question.textContent();
      if (asked === 0) await expectAccessible("placement question");
      const choices = page.getByRole("radio");
      if ((await choices.count()) > 0) await choices.nth(asked % (await choices.count())).check();
      else await page.getByLabel("Your answer").fill(String(asked));
      await page.getByRole("button", { name: "Next", exact: true }).click();
      // Wait for the next question (a different stem) or the result.
      await Promise.race([
        result.waitFor(),
        page
          .locator("#placement-question")
          .filter({ hasNotText: stem ?? "" })
          .waitFor(),
      ]);
    }
    await expect(
      page.getByText(/^Ability estimate: -?\d+\.\d\d \(standard error \d+\.\d\d\)$/).isVisible(),
    ).resolves.toBe(true);
    expect(await page.locator("table tbody tr").count()).toBeGreaterThan(0);
    await expectAccessible("placement result");
    await saveScreenshot(page, "placement");

    await page.getByRole("link", { name: "See your knowledge map" }).click();
    await page.locator(".react-flow__node .concept-node[data-band]").first().waitFor();
    const seeded = await mapBands();
    expect(seeded.filter((band) => band !== "notStarted").length).toBeGreaterThan(0);
  });

  it("the learner opens “Why this?”, rates a suggestion, practises it, and the map follows the model", async () => {
    const step = page.locator(".next-step").first();
    await step.waitFor();
    await step.getByText("Why this?").click();
    const sentence = step.locator(".why > p");
    await sentence.waitFor();
    expect((await sentence.textContent())?.length ?? 0).toBeGreaterThan(20);
    expect(await step.locator(".reason-list dt").count()).toBeGreaterThanOrEqual(2);
    // "Too hard" moves the planner's target success from 70% up by 5 points (docs/api.md).
    await step.getByRole("button", { name: "Too hard" }).click();
    await step.getByText("Thanks! Suggestions now aim for a 75% chance of success.").waitFor();
    await expectAccessible("dashboard with next up");
    await saveScreenshot(page, "dashboard-next-up");

    const stem = (await step.locator(".next-step__stem").textContent()) ?? "";
    await step.getByRole("link", { name: "Practise this" }).click();
    await page.getByRole("heading", { level: 2, name: stem }).waitFor();
    const choices = page.getByRole("radio");
    if ((await choices.count()) > 0) await choices.first().check();
    else await page.getByLabel("Your answer").fill("1");
    await page.getByRole("button", { name: "Check answer" }).click();
    await page.locator(".practice-feedback .alert").waitFor();

    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.locator(".react-flow__node .concept-node[data-band]").first().waitFor();
    // Each box shows what the server's model says now, answer included.
    const expected = await page.evaluate(async () => {
      const me: { user: { id: string } } = await (await fetch("/api/auth/me")).json();
      const courses: { courses: { id: string }[] } = await (await fetch("/api/courses")).json();
      const mastery: { concepts: { mastery: number; answers: number; seededByPlacement: boolean }[] } =
        await (await fetch(`/api/learners/${me.user.id}/courses/${courses.courses[0]?.id}/mastery`)).json();
      return mastery.concepts;
    });
    expect(expected.some((concept) => concept.answers > 0)).toBe(true);
    const shown = await page
      .locator(".react-flow__node .concept-node__detail")
      .evaluateAll((nodes) => nodes.map((node) => node.textContent));
    const percents = expected
      .filter((concept) => concept.answers > 0 || concept.seededByPlacement)
      .map((concept) => `${Math.round(concept.mastery * 100)}%`)
      .sort();
    expect([...shown].sort()).toEqual(percents);

    // Review queue (FSRS) and predicted exam score, both from the server for this learner.
    const reviews = page.locator("section[aria-labelledby=reviews-title]");
    await reviews.getByText(/concepts? (is|are) due for review\./).waitFor();
    expect(await reviews.locator("li").count()).toBeGreaterThan(0);
    const exam = page.locator("section[aria-labelledby=exam-title] .exam-score");
    await exam.waitFor();
    const score = (await exam.textContent()) ?? "";
    const match = score.match(/^(\d+\.\d) of (\d+) expected \(90% interval ([\d.]+)–([\d.]+)\)$/);
    expect(match, score).not.toBeNull();
    const [expectedScore, total, low, high] = (match ?? []).slice(1).map(Number);
    expect(total).toBe(expected.length);
    expect(low).toBeLessThanOrEqual(expectedScore ?? Number.NaN);
    expect(high).toBeGreaterThanOrEqual(expectedScore ?? Number.NaN);
    await expectAccessible("dashboard with reviews and exam prediction");
  });

  it("the learner answers a question, gets feedback at once, and sees it in their history", async () => {
    await page.getByRole("link", { name: "Practice", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Practice" }).waitFor();
    const choices = page.getByRole("radio");
    if ((await choices.count()) > 0) await choices.first().check();
    else await page.getByLabel("Your answer").fill("1");
    await page.getByRole("button", { name: "Check answer" }).click();
    const feedback = page.locator(".practice-feedback .alert");
    await feedback.waitFor();
    expect(await feedback.textContent()).toMatch(
      /Correct — well done!|Not quite|could not be read|teacher will read/,
    );
    await expectAccessible("practice with feedback");
    await saveScreenshot(page, "practice");

    await page.getByRole("link", { name: "Dashboard" }).click();
    const rows = page.locator("section[aria-labelledby=history-title] tbody tr");
    await rows.first().waitFor();
    const recorded = await page.locator(".practice-feedback").count(); // page changed: nothing left over
    expect(recorded).toBe(0);
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    // The weekly chart (ECharts, SVG) now has this week's answer.
    await page.locator(".weekly-chart svg").waitFor();
  });

  it("the learner sets a goal, “Next up” aims at it, and mastery over time is charted", async () => {
    await page.getByRole("heading", { level: 1, name: `Hello, ${learner.name}` }).waitFor();
    const goals = page.locator("section[aria-labelledby=goals-title]");
    await goals.getByText("No goals yet.").waitFor();
    // The course's final concept (last in learning order): far from mastered after a placement test.
    const option = goals.locator(".concept-picker__option").last();
    const title = ((await option.textContent()) ?? "").trim();
    await option.locator("input").check();
    await goals.getByRole("button", { name: "Set goal", exact: true }).click();
    await goals.getByText("Goal saved.", { exact: false }).waitFor();
    const entry = goals.locator(".goal").first();
    await entry.getByText("Set by you").waitFor();
    expect(await entry.locator("strong").textContent()).toBe(title);
    await entry.getByText(/^0 of 1 concepts mastered/).waitFor();

    // The server's plan now aims at the learner's goal ...
    const planGoals = await page.evaluate(async () => {
      const me: { user: { id: string } } = await (await fetch("/api/auth/me")).json();
      const courses: { courses: { id: string }[] } = await (await fetch("/api/courses")).json();
      const plan: { goals: unknown[] } = await (
        await fetch(`/api/learners/${me.user.id}/courses/${courses.courses[0]?.id}/plan`)
      ).json();
      return plan.goals;
    });
    expect(planGoals).toEqual([{ conceptKey: expect.any(String), source: "learner" }]);
    // ... and "Next up" (re-fetched after the goal was saved) says so under "Why this?".
    const steps = page.locator(".next-step");
    await steps.first().waitFor();
    for (let i = 0; i < (await steps.count()); i += 1) await steps.nth(i).getByText("Why this?").click();
    await expect
      .poll(() => page.locator(".next-step .reason-list dd", { hasText: `${title} (your goal)` }).count())
      .toBeGreaterThan(0);

    // Mastery over time: one line per concept the learner practised, with a sentence for screen readers.
    const chart = page.locator("section[aria-labelledby=mastery-history-title]");
    await chart.locator(".mastery-history-chart svg").waitFor();
    await chart.getByText(/^Mastery over \d+ days? of practice: .+ from \d+% to \d+%/).waitFor();
    expect(await chart.locator(".concept-picker input:checked").count()).toBe(1); // the goal concept
    await expectAccessible("dashboard with goals and mastery over time");
    await saveScreenshot(page, "dashboard-goals");
  });

  it("the placement page resumes a test left unfinished", async () => {
    await page.getByRole("link", { name: "Take the placement test" }).click();
    await page.getByRole("button", { name: "Start the test" }).click();
    const question = page.locator("#placement-question");
    await question.waitFor();
    const choices = page.getByRole("radio");
    if ((await choices.count()) > 0) await choices.first().check();
    else await page.getByLabel("Your answer").fill("1");
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await page.getByText("Question 2 of at most 12").waitFor();
    const stem = await question.textContent();
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("heading", { level: 1, name: `Hello, ${learner.name}` }).waitFor();
    await page.getByRole("link", { name: "Take the placement test" }).click();
    await page.getByText("You are continuing the test you started earlier.").waitFor();
    await page.getByText("Question 2 of at most 12").waitFor();
    expect(await question.textContent()).toBe(stem);
    await expectAccessible("placement resumed");
    await page.getByRole("link", { name: "Dashboard" }).click();
  });

  it("switches to Chinese, shows no English in the main UI, and remembers the choice", async () => {
    await page.getByLabel("Language").selectOption("zh-CN");
    await page.getByRole("heading", { level: 1, name: `你好，${learner.name}` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    const english = await latinWordsIn(page, ["Pathwise", learner.name, "English", "React Flow"]);
    expect(english).toEqual([]);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: `你好，${learner.name}` }).waitFor();
    await page.locator(".react-flow__node").first().waitFor();
    await expectAccessible("dashboard in Chinese");
    await saveScreenshot(page, "dashboard-zh");
  });

  it("lays the dashboard out for a phone-sized screen without sideways scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.locator(".react-flow__node").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, "dashboard-phone-zh");
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByLabel("语言").selectOption("en");
    await logOut();
  });

  it("a teacher opens their class and a learner's recent practice", async () => {
    const teacher = login("teacher");
    await logInAs(teacher.email, teacher.password);
    await page.getByRole("heading", { level: 1, name: "My classes" }).waitFor();
    await expectAccessible("classes");
    await page.locator(".list-row a").first().click();
    await page.getByRole("heading", { level: 2, name: "Learners" }).waitFor();
    const learnerRows = page.locator("section[aria-labelledby=learners-title] tbody tr");
    const demoLearners = server.demo.logins.filter((entry) => entry.role === "learner").length;
    expect(await learnerRows.count()).toBe(demoLearners + 1); // the demo class plus our new learner
    // Each row counts that learner's answers from their event history.
    const demoLearner = login("learner");
    const demoRow = learnerRows.filter({ hasText: demoLearner.email });
    await demoRow.locator("td.numeric").first().filter({ hasNotText: "…" }).waitFor();
    const answers = Number(await demoRow.locator("td.numeric").first().textContent());
    expect(answers).toBeGreaterThan(50);
    // The class heatmap (ECharts): every learner × every concept has a cell, counted in its description.
    await page.locator(".mastery-heatmap svg").waitFor();
    const summary = await page
      .locator("section[aria-labelledby=heatmap-title] p", { hasText: /^Mastery of \d+ learners/ })
      .textContent();
    const counts = (summary ?? "").match(/\d+/g)?.map(Number) ?? [];
    const [learnersInMap = 0, concepts = 0, ...bands] = counts;
    expect(learnersInMap).toBe(demoLearners + 1);
    expect(concepts).toBeGreaterThanOrEqual(20);
    expect(bands.reduce((sum, count) => sum + count, 0)).toBe(learnersInMap * concepts);
    // Six weeks of simulated practice: the demo learners have mastered or started some concepts.
    expect((bands[0] ?? 0) + (bands[1] ?? 0)).toBeGreaterThan(0);
    expect(await page.locator(".mastery-heatmap svg path").count()).toBeGreaterThanOrEqual(
      learnersInMap * concepts,
    );
    await expectAccessible("class");
    await saveScreenshot(page, "teacher-class");

    await page.getByRole("link", { name: demoLearner.displayName }).first().click();
    await page
      .getByRole("heading", { level: 1, name: `Recent practice of ${demoLearner.displayName}` })
      .waitFor();
    await page.locator("tbody tr").first().waitFor();
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(5);
    // Six weeks of simulated practice: the chart has a bar per week with answers.
    await page.locator(".weekly-chart svg").waitFor();
    expect(await page.locator(".weekly-chart svg path").count()).toBeGreaterThan(6);
    // The teacher sees this learner's knowledge map coloured by their mastery.
    await page.locator(".react-flow__node .concept-node[data-band]").first().waitFor();
    expect((await mapBands()).filter((band) => band !== "notStarted").length).toBeGreaterThan(0);
    await expectAccessible("learner history");
    await saveScreenshot(page, "teacher-learner-history");
    await logOut();
  });

  it("a teacher sets a goal for the class and sees it on a learner's page", async () => {
    const teacher = login("teacher");
    await logInAs(teacher.email, teacher.password);
    await page.getByRole("heading", { level: 1, name: "My classes" }).waitFor();
    await page.locator(".list-row a").first().click();
    const section = page.locator("section[aria-labelledby=class-goal-title]");
    await section.locator(".concept-picker__option input").nth(1).check();
    await section.getByLabel("Note (optional)").fill("Unit test on Friday");
    await section.getByRole("button", { name: "Set goal for the class" }).click();
    const demoLearners = server.demo.logins.filter((entry) => entry.role === "learner").length;
    await section.getByText(`Goal set for ${demoLearners + 1} learners.`).waitFor();
    await expectAccessible("class with a class goal");
    await saveScreenshot(page, "teacher-class-goal");

    const demoLearner = login("learner");
    await page.getByRole("link", { name: demoLearner.displayName }).first().click();
    const goals = page.locator("section[aria-labelledby=goals-title]");
    await goals.getByText(`Set by ${teacher.displayName}`).first().waitFor();
    await goals.getByText("Unit test on Friday").first().waitFor();
    // Six weeks of simulated practice: the chart has a line per default concept over many days.
    const chart = page.locator("section[aria-labelledby=mastery-history-title]");
    await chart.locator(".mastery-history-chart svg").waitFor();
    await chart.getByText(/^Mastery over \d+ days of practice/).waitFor();
    await expectAccessible("learner page with goals and mastery over time");
    await saveScreenshot(page, "teacher-learner-goals");
    await logOut();
  });

  it("a guardian sees their child's dashboard, read-only", async () => {
    const guardian = login("guardian");
    const teacher = login("teacher");
    const child = login("learner"); // learner01, the child the demo guardian is linked to
    await logInAs(guardian.email, guardian.password);
    await page.getByRole("heading", { level: 1, name: "My children" }).waitFor();
    await expectAccessible("guardian home");
    await saveScreenshot(page, "guardian-home");
    await page.getByRole("link", { name: child.displayName }).click();
    await page.getByRole("heading", { level: 1, name: `Progress of ${child.displayName}` }).waitFor();
    await page.locator(".react-flow__node .concept-node[data-band]").first().waitFor();
    expect((await mapBands()).filter((band) => band !== "notStarted").length).toBeGreaterThan(0);
    await page.locator(".mastery-history-chart svg").waitFor();
    await page.locator("section[aria-labelledby=exam-title] .exam-score").waitFor();
    const goals = page.locator("section[aria-labelledby=goals-title]");
    await goals.getByText(`Set by ${teacher.displayName}`).first().waitFor();
    // Read-only: nothing to practise, rate, set or drop.
    expect(await page.getByRole("button", { name: /Set goal|Drop this goal|Too hard|Useful/ }).count()).toBe(
      0,
    );
    expect(await page.getByRole("link", { name: /Practi[cs]e/ }).count()).toBe(0);
    await expectAccessible("guardian's view of a child");
    await saveScreenshot(page, "guardian-child");
    await logOut();
  });

  it("an admin sees users and classes and can create a class", async () => {
    const admin = login("admin");
    await logInAs(admin.email, admin.password);
    await page.getByRole("heading", { level: 1, name: "School admin" }).waitFor();
    await page.getByLabel("Class name", { exact: true }).fill("Algebra club");
    await page.getByRole("button", { name: "Create class" }).click();
    await page.getByRole("link", { name: "Algebra club" }).waitFor();
    await expectAccessible("admin");
    await logOut();
  });

  it("an admin disables a learner, who then cannot log in, enables them again, and deletes an account", async () => {
    const admin = login("admin");
    const pupil = login("learner");
    const users = page.locator("section[aria-labelledby=users-title]");
    const rowOf = (name: string) =>
      users.locator("tbody tr", { has: page.getByRole("cell", { name, exact: true }) });
    const confirm = async (action: "Disable" | "Enable" | "Delete", name: string) => {
      await users.getByRole("button", { name: `${action} ${name}`, exact: true }).click();
      const dialog = page.getByRole("dialog", { name: `${action} the account of ${name}?` });
      await dialog.waitFor();
      return dialog;
    };

    await logInAs(admin.email, admin.password);
    await page.getByRole("heading", { level: 1, name: "School admin" }).waitFor();
    // The admin's own account offers no disable or delete (the server would refuse both).
    await rowOf(admin.displayName).getByText("Your account").waitFor();
    expect(await rowOf(admin.displayName).getByRole("button").count()).toBe(0);
    await rowOf(pupil.displayName).getByText("Active", { exact: true }).waitFor();

    const disable = await confirm("Disable", pupil.displayName);
    await disable.getByText(/cannot log in until an admin enables the account again/).waitFor();
    await expectAccessible("confirmation to disable an account");
    await disable.getByRole("button", { name: "Disable", exact: true }).click();
    await users.getByText(`The account of ${pupil.displayName} is disabled.`).waitFor();
    await rowOf(pupil.displayName).getByText("Disabled", { exact: true }).waitFor();
    await rowOf(pupil.displayName).getByRole("button", { name: "Enable" }).waitFor();
    await logOut();

    // The learner's right password now gets the disabled message, in either language.
    const errorsBefore = browser.errors.length;
    await logInAs(pupil.email, pupil.password);
    await page
      .getByRole("alert")
      .getByText(/^This account is disabled, so it cannot log in/)
      .waitFor();
    // Chromium logs every refused request as a console error; this refusal is the point of the step,
    // so exactly it is taken off the list (any other error still fails the run).
    expect(browser.errors.splice(errorsBefore)).toEqual([
      expect.stringMatching(/status of 403 \(Forbidden\)/),
    ]);
    await expectAccessible("log in to a disabled account");
    await page.getByLabel("Language").selectOption("zh-CN");
    await page
      .getByRole("alert")
      .getByText(/^此账户已被停用，无法登录/)
      .waitFor();
    await page.getByLabel("语言").selectOption("en");

    await logInAs(admin.email, admin.password);
    await page.getByRole("heading", { level: 1, name: "School admin" }).waitFor();
    const enable = await confirm("Enable", pupil.displayName);
    await enable.getByRole("button", { name: "Enable", exact: true }).click();
    await users.getByText(`The account of ${pupil.displayName} is enabled again.`).waitFor();
    await rowOf(pupil.displayName).getByText("Active", { exact: true }).waitFor();

    // Deleting says it is final, starts on Cancel, and takes the account off the list.
    const leaving = { name: "Temporary Tester", email: `temporary-${Date.now()}@example.test` };
    const addUser = page.locator("form", { has: page.getByRole("button", { name: "Add a user" }) });
    await addUser.getByLabel("Name").fill(leaving.name);
    await addUser.getByLabel("Email").fill(leaving.email);
    await addUser.getByLabel("Password").fill("temporary-passphrase-1");
    await addUser.getByRole("button", { name: "Add a user" }).click();
    await rowOf(leaving.name).waitFor();
    const remove = await confirm("Delete", leaving.name);
    await remove.getByText(/^This is final/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await expectAccessible("confirmation to delete an account");
    await remove.getByRole("button", { name: "Delete", exact: true }).click();
    await users.getByText(`The account of ${leaving.name} is deleted.`).waitFor();
    await rowOf(leaving.name).waitFor({ state: "detached" });
    // The deleted row's button is gone: the focus is on the confirmation, not lost.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      `The account of ${leaving.name} is deleted.`,
    );
    await expectAccessible("admin after account changes");
    await saveScreenshot(page, "admin");
    await logOut();

    // Enabled again, the learner logs in as before.
    await logInAs(pupil.email, pupil.password);
    await page.getByRole("heading", { level: 1, name: `Hello, ${pupil.displayName}` }).waitFor();
    await logOut();
  });

  it("a new school registers with its first admin, who lands on the admin page", async () => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Register your school" }).click();
    await page.getByLabel("School name", { exact: true }).fill("Riverside Middle School");
    await page.getByLabel("Short name for addresses").fill(`riverside-${Date.now()}`);
    await page.getByLabel("Your name (the school's admin)").fill("Grace Hopper");
    await page.getByLabel("Email").fill(`grace-${Date.now()}@example.test`);
    await page.getByLabel("Password").fill("compiler-pioneer-1952");
    await expectAccessible("register school");
    await page.getByRole("button", { name: "Register school" }).click();
    await page.getByRole("heading", { level: 1, name: "School admin" }).waitFor();
    // The new school is its own tenant: it sees only its admin, none of the demo school's people.
    const users = page.locator("section[aria-labelledby=users-title] tbody tr");
    expect(await users.count()).toBe(1);
    await logOut();
  });

  it("logged no console errors in any of the flows", () => {
    expect(browser.errors).toEqual([]);
  });
});
