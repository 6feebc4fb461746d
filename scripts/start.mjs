// `npm start`: Pathwise on the embedded database with demo data. Installs what it needs,
// builds the web app when its build is missing, then starts the server (which seeds the demo once).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ensureInstalled, root, run } from "./ensure-install.mjs";

ensureInstalled();
if (existsSync(join(root, "apps/web/vite.config.ts")) && !existsSync(join(root, "apps/web/dist/index.html"))) {
  run("npm", ["run", "build", "-w", "@pathwise/web"]);
}
run("node", ["--import", "tsx", "apps/server/src/main.ts", "--demo", ...process.argv.slice(2)]);
