import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decryptSecret, encryptSecret, needsRotation, localSecretsKey, parseSecretsKey } from "./secrets";

const KEY_A = Buffer.alloc(32, 1).toString("base64");
const KEY_B = Buffer.alloc(32, 2).toString("hex");

describe("secrets at rest (AES-256-GCM)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("stores no plaintext, a fresh IV each time, and reads back", () => {
    vi.stubEnv("SECRETS_KEY", KEY_A);
    const a = encryptSecret("tt_app_secret_value");
    const b = encryptSecret("tt_app_secret_value");
    expect(a).toMatch(/^enc:v1:[0-9a-f]{8}:[\w-]{16}:[\w-]+$/);
    expect(a).not.toContain("tt_app_secret_value");
    expect(a).not.toBe(b);
    expect(decryptSecret(a)).toBe("tt_app_secret_value");
  });

  it("refuses a tampered value and a value under an unknown key", () => {
    vi.stubEnv("SECRETS_KEY", KEY_A);
    const stored = encryptSecret("token");
    const body = stored.split(":")[4]!;
    const flipped = `${stored.slice(0, stored.length - body.length)}${body[0] === "A" ? "B" : "A"}${body.slice(1)}`;
    expect(() => decryptSecret(flipped)).toThrow();
    vi.stubEnv("SECRETS_KEY", KEY_B);
    expect(() => decryptSecret(stored)).toThrow(/neither SECRETS_KEY nor in SECRETS_KEY_PREVIOUS/);
  });

  it("rotation: the old key in SECRETS_KEY_PREVIOUS still reads; values under it or in plaintext need rewriting", () => {
    vi.stubEnv("SECRETS_KEY", KEY_A);
    const old = encryptSecret("token");
    vi.stubEnv("SECRETS_KEY", KEY_B);
    vi.stubEnv("SECRETS_KEY_PREVIOUS", KEY_A);
    expect(decryptSecret(old)).toBe("token");
    expect(needsRotation(old)).toBe(true);
    expect(needsRotation("legacy plaintext")).toBe(true);
    expect(needsRotation(encryptSecret("token"))).toBe(false);
    expect(decryptSecret("legacy plaintext")).toBe("legacy plaintext");
  });

  it("refuses a key that is not 32 bytes, with a message that says how to make one", () => {
    expect(() => parseSecretsKey("short")).toThrow(/32 bytes.*openssl rand -base64 32/);
  });

  it("without SECRETS_KEY, every process of a checkout uses the one key generated into its data folder", () => {
    vi.stubEnv("SECRETS_KEY", "");
    const dir = mkdtempSync(path.join(tmpdir(), "secrets-key-"));
    try {
      const first = localSecretsKey(dir);
      expect(parseSecretsKey(first).id).toMatch(/^[0-9a-f]{8}$/);
      // A second process (the worker, a CLI) reads the same key instead of making another.
      expect(localSecretsKey(dir)).toBe(first);
      expect(statSync(path.join(dir, "secrets-key")).mode & 0o077).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
