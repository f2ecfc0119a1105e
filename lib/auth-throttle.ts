// Sign-in throttling per account: after MAX_FAILURES consecutive wrong passwords the account is
// locked for LOCK_MINUTES; a correct password after the lock resets the count. Pure, so the rule
// is tested without a database.
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export type ThrottleState = { failedSignIns: number; lockedUntil: Date | null };

export function isLocked(state: ThrottleState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

export function afterFailure(state: ThrottleState, now: Date): ThrottleState {
  const failures = state.failedSignIns + 1;
  if (failures >= MAX_FAILURES) {
    return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  }
  return { failedSignIns: failures, lockedUntil: state.lockedUntil };
}

export const afterSuccess = (): ThrottleState => ({ failedSignIns: 0, lockedUntil: null });
