import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible as accessible,
  chromiumMissing,
  logInAs,
  type OpenApp,
  openApp,
} from "./support/app";
import { saveScreenshot } from "./support/screens";

/**
 * The admin's flow through imports and learner models, in Debian's Chromium against the real server
 * running its background jobs: import a course file (after a file with problems is refused) and a few
 * learners of a public dataset, start a training job on the demo course and watch it finish, set the
 * course's retraining rules, then read the champion and its model card.
 * Training is kept short (BKT only, few epochs); a real installation trains more (docs/models.md).
 */
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
/** A trial import: a handful of learners keeps the flow short. */
const DATASET_LEARNERS = 5;

const BROKEN_FILE = {
  ...COURSE_FILE,
  items: [{ ...COURSE_FILE.items[0], concepts: ["fractions.thirds"] }, COURSE_FILE.items[1]],
};

describe.skipIf(chromiumMissing())("admin: imports and learner models in a real browser", () => {
  let app: OpenApp;
  let page: Page;
  const expectAccessible = (where: string) => accessible(page, where);

  async function chooseFile(name: string, content: unknown) {
    await page.getByLabel(/^Course file \(/).setInputFiles({
      name,
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(content)),
    });
  }

  beforeAll(async () => {
    app = await openApp({
      jobs: true,
      // Training needs answers by at least 10 learners (the flows' default demo class has 8).
      demoLearners: 12,
      env: { PATHWISE_TRAIN_CANDIDATES: "bkt", PATHWISE_TRAIN_MAX_EPOCHS: "5", PATHWISE_JOB_POLL_MS: "200" },
    });
    page = app.page;
    const admin = app.server.demo.logins.find((login) => login.role === "admin");
    if (!admin) throw new Error("the demo seed has no admin login");
    await logInAs(page, admin.email, admin.password);
    await page.getByRole("heading", { level: 1, name: "School admin" }).waitFor();
  }, 300_000);

  afterAll(async () => {
    await app?.close();
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

  it("imports a few learners of a public dataset and watches the import job finish", async (context) => {
    const split = join(app.server.datasetsDir, "assist2009", "akt_split");
    if (!existsSync(split)) {
      const note = `Dataset import flow SKIPPED: no ASSISTments 2009 split at ${split} (set PATHWISE_DATASETS)`;
      console.warn(note);
      context.skip(note);
    }
    await page.getByRole("navigation").getByRole("link", { name: "Imports" }).click();
    const section = page.getByRole("region", { name: "Public dataset" });
    await section.getByLabel("Dataset").selectOption("assist2009/akt");
    await section.getByLabel("Learners to import").fill(String(DATASET_LEARNERS));
    await section.getByRole("button", { name: "Start import" }).click();
    const job = section.getByRole("region", { name: "Dataset import" });
    await job.getByRole("progressbar", { name: "Progress" }).waitFor();
    await job.getByText("Finished").waitFor({ timeout: 120_000 });
    const done = section.getByRole("status").filter({ hasText: "Course " });
    await done.waitFor();
    expect(await done.textContent()).toMatch(new RegExp(`: ${DATASET_LEARNERS} learners, \\d+ questions`));
    await saveScreenshot(page, "admin-dataset-import");
    await expectAccessible("dataset import");
  }, 180_000);

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
    const decisions = page.getByRole("region", { name: "Decisions" });
    await decisions.getByText("Automatic rule").waitFor();
    await decisions
      .getByText(/^No model was in use; bkt had the best validation AUC \(0\.\d{3}\), the only candidate\.$/)
      .waitFor();
    await saveScreenshot(page, "admin-models");
    await expectAccessible("learner models");
  }, 300_000);

  it("sets the course's retraining rules, refusing bad input with a message per field", async () => {
    const settings = page.getByRole("region", { name: "Retraining settings" });
    await settings.getByText(/^Last trained .+ 0 answers since then\.$/).waitFor();
    const bkt = settings.getByRole("checkbox", { name: /^bkt/ });
    expect(await bkt.isChecked()).toBe(true);
    await bkt.uncheck();
    const everyAnswers = settings.getByLabel("Retrain after this many new answers");
    await everyAnswers.fill("2.5");
    await settings.getByRole("button", { name: "Save settings" }).click();
    await settings.getByRole("alert").getByText("nothing was saved").waitFor();
    await settings.getByText("Tick at least one model.").waitFor();
    expect(await everyAnswers.getAttribute("aria-invalid")).toBe("true");
    expect(await everyAnswers.inputValue()).toBe("2.5"); // what was typed stays to be corrected

    await bkt.check();
    await settings.getByRole("checkbox", { name: /^dkt/ }).check();
    await everyAnswers.fill("400");
    await settings.getByLabel("Retrain every this many hours").fill("24");
    await settings.getByRole("button", { name: "Save settings" }).click();
    await settings.getByRole("status").getByText("Settings saved.").waitFor();
    await expectAccessible("model settings");

    await page.reload();
    const reloaded = page.getByRole("region", { name: "Retraining settings" });
    await reloaded.getByRole("button", { name: "Save settings" }).waitFor();
    expect(await reloaded.getByRole("checkbox", { name: /^dkt/ }).isChecked()).toBe(true);
    expect(await reloaded.getByLabel("Retrain after this many new answers").inputValue()).toBe("400");
    expect(await reloaded.getByLabel("Retrain every this many hours").inputValue()).toBe("24");
    await saveScreenshot(page, "admin-model-settings");
  });

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
    const decisions = page.getByRole("region", { name: "决策记录" });
    await decisions.getByText("自动规则").waitFor();
    // The automatic rule's reason is said in Chinese from its reason code, not the server's English.
    await decisions
      .getByText(/^此前没有正在使用的模型；在 1 个候选中，bkt 的验证集 AUC 最高（0\.\d{3}）。$/)
      .waitFor();
    expect(await decisions.textContent()).not.toContain("No champion yet");
    await saveScreenshot(page, "admin-models-zh");
    await expectAccessible("learner models in Chinese");
    await page.getByLabel("语言").selectOption("en");
    expect(app.browser.errors).toEqual([]);
  });
});
