import { describe, expect, it } from "vitest";
import { LOCK_MINUTES, MAX_FAILURES, afterFailure, afterSuccess, isLocked } from "./auth-throttle";

const now = new Date("2026-11-25T10:00:00Z");

describe("sign-in throttling", () => {
  it("locks the account after the fifth consecutive failure, for fifteen minutes", () => {
    let state = afterSuccess();
    for (let i = 1; i < MAX_FAILURES; i++) {
      state = afterFailure(state, now);
      expect(isLocked(state, now)).toBe(false);
    }
    state = afterFailure(state, now);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + (LOCK_MINUTES * 60 - 1) * 1000))).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + LOCK_MINUTES * 60_000))).toBe(false);
  });

  it("a success clears earlier failures", () => {
    const state = afterFailure(afterFailure(afterSuccess(), now), now);
    expect(state.failedSignIns).toBe(2);
    expect(afterSuccess()).toEqual({ failedSignIns: 0, lockedUntil: null });
  });
});
