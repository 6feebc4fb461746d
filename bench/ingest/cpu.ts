import { readFileSync } from "node:fs";

/**
 * CPU seconds (user + system) a process has used, from /proc/<pid>/stat fields 14 and 15 (proc(5)),
 * in clock ticks of 1/100 s (Linux's USER_HZ). On a shared machine the wall-clock rate depends on what
 * else runs; events per server CPU-second does not, so the report gives both. Undefined off Linux.
 */
const USER_HZ = 100;

export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; fields after its closing parenthesis are plain.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return undefined;
  }
}
