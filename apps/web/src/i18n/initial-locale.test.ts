import { describe, expect, it } from "vitest";
import { initialLocale } from "./index";

describe("initialLocale", () => {
  it("prefers the remembered choice over the browser's languages", () => {
    expect(initialLocale("zh-CN", ["en-US"])).toBe("zh-CN");
    expect(initialLocale("en", ["zh-CN"])).toBe("en");
  });

  it("follows the browser's first supported language when nothing valid is remembered", () => {
    expect(initialLocale(null, ["zh-TW", "en"])).toBe("zh-CN");
    expect(initialLocale("klingon", ["fr-FR", "en-GB", "zh"])).toBe("en");
  });

  it("uses English when no language matches", () => {
    expect(initialLocale(null, ["fr-FR", "de"])).toBe("en");
    expect(initialLocale(null, [])).toBe("en");
  });
});
