// Sign-in throttling per account: after MAX_FAILURES wrong passwords the account is locked for
// LOCK_MINUTES; a correct password before that starts the count again. Counted atomically in
// PostgreSQL by lib/security/sign-in-limits.ts; `User.lockedUntil` mirrors the lock for the
// Users page.
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export type ThrottleState = { failedSignIns: number; lockedUntil: Date | null };

export function isLocked(state: ThrottleState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}
