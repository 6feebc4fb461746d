// `npm start`: Pathwise on the embedded database with demo data. Installs what it needs,
// (re)builds the web app when its build is missing or older than its sources, then starts the server
// (which applies migrations and seeds the demo school once). Extra arguments go to the server.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ensureInstalled, root, run } from "./ensure-install.mjs";

/** Newest modification time of any file below `path` (0 when it does not exist). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

ensureInstalled();
const web = join(root, "apps/web");
const builtAt = newestMtime(join(web, "dist/index.html"));
const sourcesAt = Math.max(
  ...["src", "public", "index.html", "vite.config.ts", "package.json"].map((name) =>
    newestMtime(join(web, name)),
  ),
);
if (existsSync(join(web, "vite.config.ts")) && builtAt < sourcesAt) {
  console.log("Building the web app…");
  run("npm", ["run", "build", "-w", "@pathwise/web"]);
}
run("node", ["--import", "tsx", "apps/server/src/main.ts", "--demo", ...process.argv.slice(2)]);
