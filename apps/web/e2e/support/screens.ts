import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";

/**
 * Screenshots of the main pages. A test run writes them to the ignored `apps/web/e2e/artifacts/screenshots`
 * so that running the tests leaves the working tree clean; to refresh the ones the README shows, run
 * `PATHWISE_SCREENSHOT_DIR=docs/screenshots npx vitest run apps/web/e2e` from the repository root.
 */
export const SCREENSHOT_DIR = process.env.PATHWISE_SCREENSHOT_DIR
  ? resolve(process.env.PATHWISE_SCREENSHOT_DIR)
  : join(import.meta.dirname, "..", "artifacts", "screenshots");

export async function saveScreenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Wait for fonts and the knowledge map's layout so the picture shows the finished page.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage, animations: "disabled" });
}

/**
 * Latin words left in the visible text of the header and main area, after removing what is allowed
 * to stay Latin in the Chinese UI: the brand, people's names and emails, codes and numbers.
 */
export async function latinWordsIn(page: Page, allowed: readonly string[]): Promise<string[]> {
  const text = await page.evaluate(() =>
    [...document.querySelectorAll("header, main")]
      // biome-ignore lint/performance/useDomNodeTextContent: innerText is the rendered text a person sees
      .map((element) => (element as HTMLElement).innerText)
      .join("\n"),
  );
  let rest = text;
  for (const phrase of [...allowed].sort((a, b) => b.length - a.length)) rest = rest.split(phrase).join(" ");
  rest = rest.replace(/\S+@\S+/g, " "); // email addresses
  return [...rest.matchAll(/[A-Za-z]{3,}/g)].map((match) => match[0]);
}
