import { createHmac, timingSafeEqual } from "node:crypto";

// Links in alerts that work without a session: acknowledge an item, unsubscribe from the digest.
// Each carries what it may do, for whom, and until when, signed with a key derived from the
// app's secret (NEXTAUTH_SECRET) for this purpose only; it can do nothing else.

export type LinkPurpose = "ack" | "unsubscribe";
export type LinkClaims = { p: LinkPurpose; o: string; i: string; x: number };
export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; problem: "malformed" | "tampered" | "expired" | "wrong-purpose" };

export const ACK_LINK_HOURS = 72;
export const UNSUBSCRIBE_LINK_DAYS = 60;

function keyOf(secret: string): Buffer {
  return createHmac("sha256", secret).update("alert-links-v1").digest();
}

function mac(secret: string, body: string): Buffer {
  return createHmac("sha256", keyOf(secret)).update(body).digest();
}

export function signLink(secret: string, purpose: LinkPurpose, organizationId: string, subject: string, expiresAt: Date): string {
  const claims: LinkClaims = { p: purpose, o: organizationId, i: subject, x: Math.floor(expiresAt.getTime() / 1000) };
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

export function verifyLink(secret: string, token: string, purpose: LinkPurpose, now: Date): LinkCheck {
  if (token.length > 2_000 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, problem: "malformed" };
  const [body = "", signature = ""] = token.split(".");
  const expected = mac(secret, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "tampered" };
  let claims: LinkClaims;
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as LinkClaims;
  } catch {
    return { ok: false, problem: "malformed" };
  }
  if (typeof claims.o !== "string" || typeof claims.i !== "string" || typeof claims.x !== "number") return { ok: false, problem: "malformed" };
  if (claims.p !== purpose) return { ok: false, problem: "wrong-purpose" };
  if (claims.x * 1000 <= now.getTime()) return { ok: false, problem: "expired" };
  return { ok: true, claims };
}

/** A token from a URL path segment; a malformed escape is no token (verifyLink then says malformed), not a crash. */
export function tokenFromPath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}
