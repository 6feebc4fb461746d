import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { register } from "./simulate";

function program() {
  const p = new Command("pathwise").exitOverride();
  p.configureOutput({ writeErr: () => {}, writeOut: () => {} });
  register(p);
  return p;
}

describe("pathwise simulate", () => {
  it("writes { env, policy, steps, episodes, seed, meanGain, ci95 } for a KSS run", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "pathwise-sim-")), "result.json");
    const args = [
      "simulate",
      "--env",
      "kss",
      "--policy",
      "planner",
      "--steps",
      "10",
      "--episodes",
      "50",
      "--seed",
      "3",
    ];
    await program().parseAsync([...args, "--out", out], { from: "user" });
    const result = JSON.parse(readFileSync(out, "utf8"));
    expect(Object.keys(result)).toEqual(["env", "policy", "steps", "episodes", "seed", "meanGain", "ci95"]);
    expect(result).toMatchObject({ env: "kss", policy: "planner", steps: 10, episodes: 50, seed: 3 });
    expect(result.ci95[0]).toBeLessThanOrEqual(result.meanGain);
    expect(result.ci95[1]).toBeGreaterThanOrEqual(result.meanGain);
  });

  it("rejects an unknown policy and a non-numeric step count, naming them", async () => {
    await expect(
      program().parseAsync(["simulate", "--env", "kss", "--policy", "greedy"], { from: "user" }),
    ).rejects.toThrow(/unknown policy "greedy"/);
    await expect(
      program().parseAsync(["simulate", "--env", "kss", "--policy", "random", "--steps", "x"], {
        from: "user",
      }),
    ).rejects.toThrow(/--steps/);
  });
});
