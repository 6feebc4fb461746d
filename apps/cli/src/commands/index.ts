import type { Command } from "commander";
import { register as registerImport } from "./import";
import { register as registerKt } from "./kt";
import { register as registerSimulate } from "./simulate";

/** A command module adds its subcommands to the program. Add new modules to this list. */
export type RegisterCommand = (program: Command) => void;

export const commands: readonly RegisterCommand[] = [registerImport, registerKt, registerSimulate];
