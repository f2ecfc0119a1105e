import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

// Sessions signed in before this codec existed, or by next-auth itself, must keep working, and
// a token from another secret or a tampered one must not.

const secret = "a-test-secret-of-reasonable-length-0123456789";
const claims = { sub: "user-1", uid: "user-1", role: "OPS" as const, organizationId: "org-1", supplierId: null };

describe("session token codec", () => {
  it("reads next-auth's tokens and next-auth reads ours", async () => {
    const theirs = await encode({ token: claims, secret, maxAge: 3600 });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject(claims);
    const ours = await encodeSessionToken({ token: claims, secret, maxAge: 3600 });
    expect(await decode({ token: ours, secret })).toMatchObject(claims);
  });

  it("sets the expiry from maxAge", async () => {
    const before = Math.floor(Date.now() / 1000);
    const payload = await decodeSessionToken({ token: await encodeSessionToken({ token: claims, secret, maxAge: 600 }), secret });
    expect(payload?.exp).toBeGreaterThanOrEqual(before + 600);
    expect(payload?.exp).toBeLessThanOrEqual(before + 601);
  });

  it("rejects a token made with another secret, or altered", async () => {
    const token = await encodeSessionToken({ token: claims, secret, maxAge: 3600 });
    await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
    const parts = token.split(".");
    parts[3] = `${parts[3]?.slice(0, -2)}AA`;
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
  });

  it("returns null without a token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
