import { describe, expect, it } from "vitest";
import { signLink, tokenFromPath, verifyLink } from "./link-tokens";

const SECRET = "unit-test-secret-0123456789";
const now = new Date("2026-03-10T12:00:00Z");
const later = new Date("2026-03-11T12:00:00Z");

describe("alert link tokens", () => {
  it("verify for their purpose until they expire", () => {
    const token = signLink(SECRET, "ack", "org1", "rule:ORDER:o1", later);
    expect(verifyLink(SECRET, token, "ack", now)).toEqual({ ok: true, claims: { p: "ack", o: "org1", i: "rule:ORDER:o1", x: later.getTime() / 1000 } });
    expect(verifyLink(SECRET, token, "ack", later)).toEqual({ ok: false, problem: "expired" });
    expect(verifyLink(SECRET, token, "unsubscribe", now)).toEqual({ ok: false, problem: "wrong-purpose" });
  });
  it("refuse another secret, a changed body and garbage", () => {
    const token = signLink(SECRET, "unsubscribe", "org1", "user1", later);
    expect(verifyLink("another-secret-0123456789", token, "unsubscribe", now)).toEqual({ ok: false, problem: "tampered" });
    const [, sig] = token.split(".");
    const body = Buffer.from(JSON.stringify({ p: "unsubscribe", o: "org1", i: "user2", x: later.getTime() / 1000 })).toString("base64url");
    expect(verifyLink(SECRET, `${body}.${sig}`, "unsubscribe", now)).toEqual({ ok: false, problem: "tampered" });
    expect(verifyLink(SECRET, "../../etc", "unsubscribe", now)).toEqual({ ok: false, problem: "malformed" });
  });
});

describe("tokenFromPath", () => {
  it("decodes a path segment and turns a malformed escape into no token", () => {
    expect(tokenFromPath("abc.def%2D")).toBe("abc.def-");
    expect(tokenFromPath("%E0%A4%A")).toBe("");
    expect(verifyLink(SECRET, tokenFromPath("%E0%A4%A"), "ack", now)).toEqual({ ok: false, problem: "malformed" });
  });
});
