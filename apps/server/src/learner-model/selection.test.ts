import { describe, expect, it } from "vitest";
import { chooseChallenger, decide, type HeadToHead } from "./selection";

const bkt = { modelId: "m-bkt", kind: "bkt", validAuc: 0.7 };
const dkt = { modelId: "m-dkt", kind: "dkt", validAuc: 0.75 };
const headToHead = (championAuc: number, challengerAuc: number): HeadToHead => ({
  championId: "m-old",
  championKind: "bkt",
  championAuc,
  challengerAuc,
  answers: 500,
  learners: 12,
});

describe("chooseChallenger", () => {
  it("takes the best validation AUC, skips undefined AUCs, keeps the earlier of a tie", () => {
    expect(chooseChallenger([bkt, dkt])).toBe(dkt);
    expect(chooseChallenger([{ ...dkt, validAuc: Number.NaN }, bkt])).toBe(bkt);
    const twin = { ...bkt, modelId: "m-twin" };
    expect(chooseChallenger([bkt, twin])).toBe(bkt);
    expect(chooseChallenger([{ ...bkt, validAuc: Number.NaN }])).toBeUndefined();
  });
});

describe("decide", () => {
  it("promotes when the course has no champion, saying why", () => {
    const verdict = decide({ challenger: dkt, candidates: 2, minGain: 0.002 });
    expect(verdict).toEqual({
      action: "promote",
      code: "first-champion",
      reason: "No champion yet; dkt had the best validation AUC (0.7500) of 2 candidate(s)",
    });
  });

  it("promotes only with at least the minimum gain on the same held-out answers", () => {
    const at = (championAuc: number, challengerAuc: number) => {
      const { action, code } = decide({
        challenger: dkt,
        candidates: 2,
        minGain: 0.01,
        champion: { kind: "compared", result: headToHead(championAuc, challengerAuc) },
      });
      return `${action} ${code}`;
    };
    expect(at(0.7, 0.71)).toBe("promote challenger-better");
    expect(at(0.7, 0.7099)).toBe("reject challenger-not-better");
    expect(at(0.7, 0.69)).toBe("reject challenger-not-better");
  });

  it("keeps the champion when AUC is undefined on the comparison set", () => {
    const verdict = decide({
      challenger: dkt,
      candidates: 1,
      minGain: 0,
      champion: { kind: "compared", result: headToHead(Number.NaN, 0.9) },
    });
    expect(verdict.action).toBe("reject");
    expect(verdict.code).toBe("auc-undefined");
    expect(verdict.reason).toMatch(/AUC is undefined on 500 answers of 12 held-out learners/);
  });

  it("replaces a champion that cannot be evaluated, naming the problem", () => {
    const verdict = decide({
      challenger: bkt,
      candidates: 1,
      minGain: 0.002,
      champion: { kind: "unusable", championId: "m-old", problem: "its file fails its SHA-256 check" },
    });
    expect(verdict.action).toBe("promote");
    expect(verdict.code).toBe("champion-unusable");
    expect(verdict.reason).toContain("m-old could not be evaluated (its file fails its SHA-256 check)");
  });
});
