import { describe, expect, it } from "vitest";
import { nextPracticeItem } from "./next-item";

const items = [
  { id: "hard-b", conceptIds: ["b"], difficulty: { level: 4 } },
  { id: "easy-b", conceptIds: ["b"], difficulty: { level: 1 } },
  { id: "only-a", conceptIds: ["a"], difficulty: { level: 2 } },
  { id: "c", conceptIds: ["c"], difficulty: { level: 1 } },
];
const order = ["a", "b", "c"];

describe("nextPracticeItem", () => {
  it("starts with the first concept in prerequisite order", () => {
    expect(nextPracticeItem(items, order, [])?.id).toBe("only-a");
  });

  it("moves past items answered correctly, preferring the easier item of a concept", () => {
    expect(nextPracticeItem(items, order, [{ itemId: "only-a", correct: true }])?.id).toBe("easy-b");
  });

  it("keeps an item answered wrongly in play but prefers untried items of the same concept", () => {
    const history = [
      { itemId: "only-a", correct: true },
      { itemId: "easy-b", correct: false },
    ];
    expect(nextPracticeItem(items, order, history)?.id).toBe("hard-b");
  });

  it("skips the items the caller excludes (the one just answered)", () => {
    expect(nextPracticeItem(items, order, [], new Set(["only-a"]))?.id).toBe("easy-b");
  });

  it("starts over with everything once all items are solved, and answers undefined for no items", () => {
    const all = items.map((item) => ({ itemId: item.id, correct: true }));
    expect(nextPracticeItem(items, order, all)?.id).toBe("only-a");
    expect(nextPracticeItem([], order, [])).toBeUndefined();
  });
});
