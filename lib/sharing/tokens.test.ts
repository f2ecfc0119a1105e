import { describe, expect, it } from "vitest";
import { createShareToken, hashShareToken, looksLikeShareToken, shareLinkState } from "./tokens";

describe("share-link tokens", () => {
  it("are long random values stored only as a hash", () => {
    const a = createShareToken();
    const b = createShareToken();
    expect(a.token).not.toBe(b.token);
    expect(looksLikeShareToken(a.token)).toBe(true);
    expect(a.tokenHash).toBe(hashShareToken(a.token));
    expect(a.tokenHash).not.toContain(a.token);
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a tampered token no longer matches its hash, and junk is refused before any lookup", () => {
    const { token, tokenHash } = createShareToken();
    const tampered = (token[0] === "A" ? "B" : "A") + token.slice(1);
    expect(hashShareToken(tampered)).not.toBe(tokenHash);
    expect(looksLikeShareToken("../../etc/passwd")).toBe(false);
    expect(looksLikeShareToken(token.slice(1))).toBe(false);
  });

  it("is active until it expires or is revoked", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    expect(shareLinkState({ expiresAt: new Date("2026-11-26T00:00:00Z"), revokedAt: null }, now)).toBe("active");
    expect(shareLinkState({ expiresAt: now, revokedAt: null }, now)).toBe("expired");
    expect(shareLinkState({ expiresAt: new Date("2026-12-01T00:00:00Z"), revokedAt: new Date("2026-11-25T11:00:00Z") }, now)).toBe("revoked");
  });
});
