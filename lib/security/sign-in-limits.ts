import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { LOCK_MINUTES, MAX_FAILURES } from "@/lib/auth-throttle";
import type { Db } from "@/lib/database/client";

// Sign-in attempts, limited per account and per real client address — never globally, so nobody
// can lock out people they do not attack. Counted in PostgreSQL (table "RateLimit", through
// rate-limiter-flexible's RateLimiterPostgres: one INSERT … ON CONFLICT … RETURNING per attempt),
// so the count is atomic — twenty parallel guesses take twenty points, the sixth is refused — and
// shared by every server instance. An attempt takes its points BEFORE the password is checked;
// a correct password gives them back.

/** Attempts per client address per window, whatever the accounts (password spraying). */
export const ADDRESS_ATTEMPTS = 30;
export const ADDRESS_WINDOW_SECONDS = 10 * 60;

type Row = { points: number; expire: number | null };
type QueryResult = { rows: Row[]; rowCount: number };

/**
 * The library's `pool` client interface on top of the app's one Prisma client (no second pool;
 * the statement-naming rules of lib/database/client.ts apply). `expire` is a bigint column the
 * library does arithmetic on, so it comes back as a number.
 */
function prismaStore(db: Db) {
  return {
    async query(q: { text: string; values?: unknown[] }): Promise<QueryResult> {
      const rows = (await db.$queryRawUnsafe<{ points: number | bigint; expire: number | bigint | null }[]>(q.text, ...(q.values ?? []))) ?? [];
      const list = Array.isArray(rows) ? rows : [];
      return { rows: list.map((r) => ({ points: Number(r.points), expire: r.expire === null ? null : Number(r.expire) })), rowCount: list.length };
    },
  };
}

/** Keys are hashes: the table never holds e-mail addresses or IPs, and stays under 255 characters. */
const keyOf = (value: string) => createHash("sha256").update(value).digest("base64url");

export type SignInLimits = {
  /**
   * Takes one attempt for the address (when known) and one for the account. `allowed` false: the
   * password must not be evaluated (but the caller still does the same work, for equal timing).
   * `lastChance`: this attempt uses the account's last point, so a wrong password now locks it.
   */
  reserve(email: string, address: string | null): Promise<{ allowed: boolean; lastChance: boolean }>;
  /** A correct password: the account's count starts again, the address gets its point back. */
  succeeded(email: string, address: string | null): Promise<void>;
};

export function createSignInLimits(db: Db): SignInLimits {
  const common = { storeClient: prismaStore(db), storeType: "pool", tableName: "RateLimit", tableCreated: true, clearExpiredByTimeout: true };
  const perAccount = new RateLimiterPostgres({
    ...common,
    keyPrefix: "signin-account",
    points: MAX_FAILURES,
    duration: LOCK_MINUTES * 60,
    blockDuration: LOCK_MINUTES * 60,
  });
  const perAddress = new RateLimiterPostgres({
    ...common,
    keyPrefix: "signin-address",
    points: ADDRESS_ATTEMPTS,
    duration: ADDRESS_WINDOW_SECONDS,
    blockDuration: ADDRESS_WINDOW_SECONDS,
  });

  /** null: over the limit; otherwise the points consumed so far in the window. */
  async function take(limiter: RateLimiterPostgres, key: string): Promise<number | null> {
    try {
      return (await limiter.consume(keyOf(key))).consumedPoints;
    } catch (error) {
      if (error instanceof RateLimiterRes) return null;
      throw error;
    }
  }

  return {
    async reserve(email, address) {
      // An unknown address (no trusted hop information) is never one shared bucket: only the
      // per-account limit applies then.
      if (address !== null && (await take(perAddress, address)) === null) return { allowed: false, lastChance: false };
      const used = await take(perAccount, email.toLowerCase());
      return used === null ? { allowed: false, lastChance: false } : { allowed: true, lastChance: used >= MAX_FAILURES };
    },
    async succeeded(email, address) {
      await perAccount.delete(keyOf(email.toLowerCase()));
      if (address !== null) await perAddress.reward(keyOf(address), 1);
    },
  };
}

/** Sign-ups per client address per window (every attempt counts: no bulk organisations or e-mail probing). */
export const SIGNUP_ATTEMPTS = 10;
export const SIGNUP_WINDOW_SECONDS = 10 * 60;

/** The sign-up limit, in the same PostgreSQL table as sign-in's: `take` is false once the address used its window. */
export function createSignUpLimit(db: Db): { take(address: string | null): Promise<boolean> } {
  const limiter = new RateLimiterPostgres({
    storeClient: prismaStore(db),
    storeType: "pool",
    tableName: "RateLimit",
    tableCreated: true,
    clearExpiredByTimeout: true,
    keyPrefix: "signup-address",
    points: SIGNUP_ATTEMPTS,
    duration: SIGNUP_WINDOW_SECONDS,
  });
  return {
    async take(address) {
      // Without trusted address information there is no per-address bucket (never a global one).
      if (address === null) return true;
      try {
        await limiter.consume(keyOf(address));
        return true;
      } catch (error) {
        if (error instanceof RateLimiterRes) return false;
        throw error;
      }
    },
  };
}
