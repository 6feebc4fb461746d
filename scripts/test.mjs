// `npm test`: the whole suite. Installs what it needs, type-checks, lints, then runs every test.
// Database tests run on the embedded PGlite always, and also on the PostgreSQL server named by
// TEST_DATABASE_URL when it is set (`.ci/run` sets it). Browser tests need Debian's chromium.
import { existsSync } from "node:fs";
import { ensureInstalled, run } from "./ensure-install.mjs";

ensureInstalled();
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.warn(
    `\nBrowser tests will be SKIPPED: no Chromium at ${chromium}.\n` +
      "Install it with `sudo apt-get update && sudo apt-get install -y chromium` (or set CHROMIUM_PATH).\n",
  );
}
if (!process.env.TEST_DATABASE_URL) {
  console.warn("TEST_DATABASE_URL is not set: database tests run on embedded PGlite only.\n");
}
// The web app (DOM + JSX) has its own tsconfig beside the root's Node one.
run("npx", ["tsc", "-b", ".", "apps/web"]);
run("npx", ["biome", "check", "."]);
run("npx", ["vitest", "run", ...process.argv.slice(2)]);
