import { z } from "zod";

// Zod compiles object parsers with `new Function` when it may; the server's CSP forbids eval
// (no 'unsafe-eval'), and even zod's probe for it is reported as a violation. Imported first by
// main.tsx so every schema runs in the interpreted mode.
z.config({ jitless: true });
