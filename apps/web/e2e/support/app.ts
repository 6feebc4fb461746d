import type { Page } from "playwright-core";
import { expect } from "vitest";
import {
  type Browser,
  CHROMIUM_MISSING_MESSAGE,
  chromiumAvailable,
  launchBrowser,
  seriousAxeViolations,
} from "./browser";
import { ensureFreshBuild } from "./build";
import { type RunningServer, type ServerOptions, startServer } from "./server";

/**
 * What every browser flow starts from: a fresh build of the app, the real server on a fresh database,
 * and Chromium with one page on it — or, without Chromium, a message saying the flows are skipped.
 */
export function chromiumMissing(): boolean {
  if (!chromiumAvailable) console.warn(CHROMIUM_MISSING_MESSAGE);
  return !chromiumAvailable;
}

export interface OpenApp {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

export async function openApp(options: ServerOptions = {}): Promise<OpenApp> {
  await ensureFreshBuild();
  const server = await startServer(options);
  try {
    const browser = await launchBrowser(server.baseURL);
    return {
      server,
      browser,
      page: await browser.context.newPage(),
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** axe-core finds no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${where}`).toEqual([]);
}

/** Logs in from the log-in page, in either language of the UI. */
export async function logInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/Email|电子邮箱/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole("button", { name: /^(Log in|登录)$/ }).click();
}
