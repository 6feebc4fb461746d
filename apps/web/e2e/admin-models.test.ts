import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  CHROMIUM_MISSING_MESSAGE,
  chromiumAvailable,
  launchBrowser,
  seriousAxeViolations,
} from "./support/browser";
import { ensureFreshBuild } from "./support/build";
import { saveScreenshot } from "./support/screens";
import { type RunningServer, startServer } from "./support/server";

/**
 * The admin's flow through imports and learner models, in Debian's Chromium against the real server
 * running its background jobs: import a course file (after a file with problems is refused), start a
 * training job on the demo course and watch it finish, then read the champion and its model card.
 * Training is kept short (BKT only, few epochs); a real installation trains more (docs/models.md).
 */
if (!chromiumAvailable) console.warn(CHROMIUM_MISSING_MESSAGE);

const COURSE_FILE = {
  format: "pathwise.course/v1",
  locales: ["en", "zh-CN"],
  concepts: [
    { key: "fractions.halves", title: { en: "Halves", "zh-CN": "二分之一" } },
    {
      key: "fractions.quarters",
      title: { en: "Quarters", "zh-CN": "四分之一" },
      prerequisites: ["fractions.halves"],
    },
  ],
  items: [
    {
      key: "halves.1",
      kind: "numeric",
      concepts: ["fractions.halves"],
      difficulty: 1,
      prompt: { en: "Half of 8?", "zh-CN": "8 的一半是多少？" },
      answer: { value: 4 },
    },
    {
      key: "quarters.1",
      kind: "numeric",
      concepts: ["fractions.quarters"],
      difficulty: 2,
      prompt: { en: "A quarter of 8?", "zh-CN": "8 的四分之一是多少？" },
      answer: { value: 2 },
    },
  ],
  courses: [
    {
      key: "fractions-intro",
      title: { en: "Fractions, a first look", "zh-CN": "分数初步" },
      goals: [
        { key: "quarters", title: { en: "Quarters", "zh-CN": "四分之一" }, targets: ["fractions.quarters"] },
      ],
    },
  ],
};
const BROKEN_FILE = {
  ...COURSE_FILE,
  items: [{ ...COURSE_FILE.items[0], concepts: ["fractions.thirds"] }, COURSE_FILE.items[1]],
};

describe.skipIf(!chromiumAvailable)("admin: imports and learner models in a real browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  async function expectAccessible(where: string) {
    expect(await seriousAxeViolations(page), `axe on ${where}`).toEqual([]);
  }

  async function chooseFile(name: string, content: unknown) {
    await page.getByLabel(/^Course file \(/).setInputFiles({
      name,
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(content)),
    });
  }

  beforeAll(async () => {
    await ensureFreshBuild();
    server = await startServer({
      jobs: true,
      // Training needs answers by at least 10 learners (the flows' default demo class has 8).
      demoLearners: 12,
      env: { PATHWISE_TRAIN_CANDIDATES: "bkt", PATHWISE_TRAIN_MAX_EPOCHS: "5", PATHWISE_JOB_POLL_MS: "200" },
    });
    browser = await launchBrowser(server.baseURL);
    page = await browser.context.newPage();
    const admin = server.demo.logins.find((login) => login.role === "admin");
    if (!admin) throw new Error("the demo seed has no admin login");
    await page.goto("/login");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel(/^Password$/).fill(admin.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { level: 1, name: "School admin" }).waitFor();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("imports a course file: problems are listed and nothing is written, then a valid file is imported", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Imports" }).click();
    await page.getByRole("heading", { level: 1, name: "Imports" }).waitFor();

    await chooseFile("broken.json", BROKEN_FILE);
    await page.getByRole("button", { name: "Check" }).click();
    const problems = page.getByRole("alert");
    await problems.getByText("broken.json has 2 problems; nothing was imported:").waitFor();
    expect(await problems.textContent()).toContain(
      'items[0] (halves.1).concepts[0] unknown concept key "fractions.thirds"',
    );

    await chooseFile("fractions.json", COURSE_FILE);
    await page.getByRole("button", { name: "Check" }).click();
    await page
      .getByText("The file is valid: 2 concepts, 2 questions, course: Fractions, a first look.")
      .waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const imported = page.getByRole("status").filter({ hasText: "Imported." });
    await imported.waitFor();
    expect(await imported.textContent()).toContain(
      "Fractions, a first look created: 2 concepts, 2 questions",
    );
    await saveScreenshot(page, "admin-imports");
    await expectAccessible("imports");
  });

  it("starts a training job on the demo course, watches it finish, and shows the champion", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Learner models" }).click();
    await page.getByRole("heading", { level: 1, name: "Learner models" }).waitFor();
    await page.getByLabel("Course").selectOption({ label: "Middle-school mathematics" });
    await page.getByText("No model is in use yet", { exact: false }).waitFor();

    await page.getByRole("button", { name: "Start training" }).click();
    const job = page.getByRole("region", { name: "Training run" });
    // Progress is shown while it runs (a bar and the job's own message), then the job finishes.
    await job.getByRole("progressbar", { name: "Progress" }).waitFor();
    await job.getByText("Finished").waitFor({ timeout: 240_000 });
    expect(await job.getByRole("progressbar").getAttribute("value")).toBe("1");

    const champion = page.getByRole("region", { name: "Model in use" });
    await champion.getByText("bkt", { exact: true }).waitFor();
    const auc = await champion.locator("dt", { hasText: "AUC" }).locator("+ dd").textContent();
    expect(Number(auc)).toBeGreaterThan(0.5);
    await page.getByRole("region", { name: "Decisions" }).getByText("Automatic rule").waitFor();
    await saveScreenshot(page, "admin-models");
    await expectAccessible("learner models");
  }, 300_000);

  it("opens the champion's model card, rendered from Markdown, with its calibration and groups", async () => {
    await page.getByRole("link", { name: "Open model card" }).click();
    await page.getByRole("heading", { level: 1, name: "BKT model" }).waitFor();
    const card = page.getByRole("region", { name: "Model card" });
    await card.getByRole("heading", { name: /^Model card: bkt for/ }).waitFor();
    expect(await card.locator("table").count()).toBeGreaterThan(0);
    await page
      .getByRole("region", { name: "Calibration" })
      .getByText(/^Reliability diagram/)
      .waitFor();
    await page.getByRole("region", { name: "By group" }).waitFor();
    await saveScreenshot(page, "admin-model-card");
    await expectAccessible("model card");
  });

  it("lists the school's jobs with their status", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Jobs" }).click();
    const row = page.getByRole("row").filter({ hasText: "train-models" });
    await row.getByText("Finished").waitFor();
    expect(await row.textContent()).toContain("1 / 3");
    await saveScreenshot(page, "admin-jobs");
    await expectAccessible("jobs");
  });

  it("shows the learner models page in Chinese", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Learner models" }).click();
    await page.getByLabel("Language").selectOption("zh-CN");
    await page.getByRole("heading", { level: 1, name: "学习者模型" }).waitFor();
    await page.getByLabel("课程").selectOption({ label: "初中数学" });
    const champion = page.getByRole("region", { name: "正在使用的模型" });
    await champion.getByText("校准误差（ECE）").waitFor();
    await page.getByRole("region", { name: "决策记录" }).getByText("自动规则").waitFor();
    await saveScreenshot(page, "admin-models-zh");
    await expectAccessible("learner models in Chinese");
    await page.getByLabel("语言").selectOption("en");
    expect(browser.errors).toEqual([]);
  });
});
