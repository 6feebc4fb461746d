import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/**
 * Debian's Chromium driven by playwright-core. Never a downloaded browser: when it is absent the
 * browser tests are skipped with a message saying how to install it.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
export const CHROMIUM_MISSING_MESSAGE =
  `Browser tests SKIPPED: no Chromium at ${CHROMIUM_PATH}. ` +
  "Install it with `sudo apt-get install -y chromium` or set CHROMIUM_PATH.";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Browser {
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far, in every page of the context. */
  errors: string[];
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh profile in a temp folder, removed on close. */
export async function launchBrowser(baseURL: string): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "pathwise-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL,
    viewport: { width: 1280, height: 860 },
    locale: "en-US",
  });
  // Generous for a shared 2-core machine running other test files at the same time.
  context.setDefaultTimeout(20_000);
  // axe-core is installed in every page through the DevTools protocol (not a <script> tag and not a
  // string eval), so the server's strict CSP stays in force during the tests and is tested too.
  await context.addInitScript({ content: axeSource });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()} (${page.url()})`);
    });
    page.on("pageerror", (error) => errors.push(`page error: ${error.message} (${page.url()})`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return {
    context,
    errors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (installed by launchBrowser) inside the page; returns the serious and critical violations (WCAG 2.x A/AA rules). */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }
    ).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const results = await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
      resultTypes: ["violations"],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => String(node.target.join(" "))),
    }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}
