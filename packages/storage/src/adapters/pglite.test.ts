import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "./pglite";

let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the writer until it has acknowledged `count` events, then kills it with SIGKILL. */
async function runAndKill(dataDir: string, count: number): Promise<string[]> {
  const script = fileURLToPath(new URL("./crash-writer.fixture.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const acknowledged: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the writer acknowledged only ${acknowledged.length} events in 150 s`));
    }, 150_000);
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (line.startsWith("ack ")) acknowledged.push(line.slice(4));
      if (acknowledged.length >= count && child.signalCode === null) child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL") resolve();
      else reject(new Error(`the writer exited by itself (code ${code})`));
    });
  });
  return acknowledged;
}

describe("PGlite in a data folder", () => {
  it("commits durably: fsync on, and no acknowledged event is lost when the writer is SIGKILLed", async () => {
    dir = await mkdtemp(join(tmpdir(), "pathwise-pglite-"));
    const acknowledged = await runAndKill(dir, 40);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const db = await openPglite({ dataDir: dir });
    try {
      const settings = await db.query<{ fsync: string; method: string }>(
        "SELECT current_setting('fsync') AS fsync, current_setting('wal_sync_method') AS method",
      );
      expect(settings.rows[0]).toEqual({ fsync: "on", method: "fsync" });
      const stored = await db.query<{ id: string }>("SELECT id::text FROM events");
      const ids = new Set(stored.rows.map((row) => row.id));
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    } finally {
      await db.close();
    }
  }, 240_000);
});
