import { describe, expect, it } from "vitest";
import { auditFilterSchema } from "./audit";
import { resolvePeriod } from "./overview";
import { plainText } from "./safe-input";

describe("odd parameters in page filters", () => {
  it("the audit log's filters drop a NUL byte or the year 0000 instead of passing them to the database", () => {
    const f = auditFilterSchema.parse({ actor: "a\u0000b", action: "x", from: "0000-01-01", to: "2026-02-30" });
    expect(f).toMatchObject({ actor: undefined, action: "x", from: undefined, to: undefined });
  });

  it("the overview's custom range refuses the year 0000 with a notice", () => {
    const r = resolvePeriod({ period: "custom", from: "0000-01-01", to: "0000-12-31" }, new Date("2026-06-15T12:00:00Z"), "UTC");
    expect(r.period).toBe("30");
    expect(r.notice).toMatch(/between 1970 and 9999/);
    expect(resolvePeriod({ store: "a\u0000" }, new Date("2026-06-15T12:00:00Z"), "UTC").store).toBeUndefined();
  });

  it("plainText keeps tabs and line breaks but not NUL or other control characters", () => {
    expect(plainText(10).safeParse("a\tb").success).toBe(true);
    expect(plainText(10).safeParse("a\u0000").success).toBe(false);
    expect(plainText(10).safeParse("a\u001b[31m").success).toBe(false);
  });
});
