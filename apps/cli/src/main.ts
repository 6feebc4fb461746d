#!/usr/bin/env -S node --import tsx
import { Command } from "commander";
import { commands } from "./commands/index";

/**
 * `pathwise` — the command line: import, train, evaluate, simulate, benchmark.
 * Each command lives in its own module under ./commands and registers itself on the program.
 */
const program = new Command("pathwise").description("Pathwise command line").showHelpAfterError();
for (const register of commands) register(program);
await program.parseAsync(process.argv);
