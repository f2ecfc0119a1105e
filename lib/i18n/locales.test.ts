import { describe, expect, it } from "vitest";
import { isLocale, negotiateLocale } from "./locales";

describe("negotiateLocale (Accept-Language → one of our languages)", () => {
  it.each([
    ["nl-BE", "nl"],
    ["nl-BE,nl;q=0.9,en;q=0.8", "nl"],
    ["nl", "nl"],
    ["zh-Hans-CN", "zh-CN"],
    ["zh-CN,zh;q=0.9", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,nl;q=0.5", "nl"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("serves Traditional Chinese readers English, not Simplified characters", () => {
    expect(negotiateLocale("zh-TW")).toBe("en");
    expect(negotiateLocale("zh-Hant-HK")).toBe("en");
    expect(negotiateLocale("zh-TW,zh;q=0.9")).toBe("zh-CN");
  });

  it("falls back to English for no header, junk, or languages we do not speak", () => {
    for (const header of [null, undefined, "", "*", "x-foo;;", "🙂", ";q=1", "fr-FR,de;q=0.8", "a".repeat(5000)]) expect(negotiateLocale(header)).toBe("en");
  });

  it("knows its own locales only", () => {
    expect(isLocale("zh-CN")).toBe(true);
    expect(isLocale("zh")).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});
