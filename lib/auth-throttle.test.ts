import { describe, expect, it } from "vitest";
import { isLocked } from "./auth-throttle";

const now = new Date("2026-11-25T10:00:00Z");

describe("the Users page's lock badge", () => {
  it("shows while lockedUntil is in the future, and not from that instant on", () => {
    expect(isLocked({ failedSignIns: 0, lockedUntil: new Date(now.getTime() + 1000) }, now)).toBe(true);
    expect(isLocked({ failedSignIns: 0, lockedUntil: now }, now)).toBe(false);
    expect(isLocked({ failedSignIns: 0, lockedUntil: null }, now)).toBe(false);
  });
});
