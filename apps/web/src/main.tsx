// Entry point. Zod is configured first, and the app is loaded only afterwards with a dynamic import:
// static imports would be evaluated before any code here, and the shared contracts build their zod
// schemas as soon as they are imported (see zod-config.ts for why the order matters).
import "./zod-config";

await import("./bootstrap");
