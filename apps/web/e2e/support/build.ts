import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The web app's folder and its build output, served by the server at `/`. */
export const WEB_ROOT = join(import.meta.dirname, "..", "..");
export const DIST_DIR = join(WEB_ROOT, "dist");
const INPUTS = ["src", "public", "index.html", "vite.config.ts", "package.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** True when dist/ is missing or older than any of the app's sources. */
export function buildIsStale(): boolean {
  const built = join(DIST_DIR, "index.html");
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return INPUTS.some((input) => newestMtime(join(WEB_ROOT, input)) > builtAt);
}

/**
 * Builds the web app with Vite when its build is missing or stale, so the browser tests always test
 * the current code. A lock directory keeps two test workers from building at once.
 */
export async function ensureFreshBuild(): Promise<void> {
  const lock = join(WEB_ROOT, ".build-lock");
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`the build lock ${lock} is held for over 3 minutes; remove it`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (!buildIsStale()) return;
    const result = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], {
      cwd: WEB_ROOT,
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 170_000,
    });
    if (result.status !== 0) {
      throw new Error(`vite build failed (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  } finally {
    rmdirSync(lock);
  }
}
