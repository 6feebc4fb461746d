import type { Command } from "commander";
import { register as registerSimulate } from "./simulate";

/** A command module adds its subcommands to the program. Add new modules to this list. */
export type RegisterCommand = (program: Command) => void;

export const commands: readonly RegisterCommand[] = [registerSimulate];
