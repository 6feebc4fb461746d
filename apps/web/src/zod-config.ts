import { z } from "zod";

// Zod compiles object parsers with `new Function` when it may; the server's CSP forbids eval
// (no 'unsafe-eval'), and even zod's probe for it (made when the first z.object is built) is
// reported as a violation. main.tsx runs this before it loads the app, so every schema is built
// and runs in the interpreted mode.
z.config({ jitless: true });
