import { createHash, randomBytes } from "node:crypto";

// Share-link tokens: 32 random bytes (256 bits) shown to the owner once; only their SHA-256 is
// stored, so a database leak does not hand out working links. A plain hash (no salt) is right for
// high-entropy random tokens and lets the link be found by an indexed equality lookup.

export function createShareToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashShareToken(token) };
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Shape check before any database lookup: 43 base64url characters. */
export function looksLikeShareToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export type ShareLinkState = "active" | "expired" | "revoked";

export function shareLinkState(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): ShareLinkState {
  if (link.revokedAt && link.revokedAt.getTime() <= now.getTime()) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}
