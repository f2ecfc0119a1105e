import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getSettings } from "@/lib/env";

// Integration secrets at rest (store webhook secrets, TikTok app secrets and access tokens, and
// any other credential the app keeps for a tenant): AES-256-GCM under SECRETS_KEY, a random
// 96-bit IV per value, the key's id in the stored text so keys can be rotated. Stored form:
//   enc:v1:<key id>:<iv, base64url>:<ciphertext + 16-byte tag, base64url>
// A value without the prefix is a plaintext one written before encryption existed: it is still
// read, and `npm run secrets:rotate` rewrites it encrypted.
// Rotation: put the new key in SECRETS_KEY and the old one(s) in SECRETS_KEY_PREVIOUS
// (comma-separated), run `npm run secrets:rotate`, then drop SECRETS_KEY_PREVIOUS.

const PREFIX = "enc:v1:";

type Key = { id: string; bytes: Buffer };

/** A 32-byte key from 64 hex characters or 43/44 base64(url) characters. */
export function parseSecretsKey(text: string, name = "SECRETS_KEY"): Key {
  const value = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (bytes.length !== 32) throw new Error(`${name} must be 32 bytes, as 64 hex characters or base64 (generate one with: openssl rand -base64 32)`);
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

/**
 * SECRETS_KEY from the environment, else a 32-byte key generated once into the data folder beside
 * the session secret (owner-only file), so the server, the worker and every CLI of a checkout
 * share it. Losing it loses the stored integration secrets: back it up with the database, or set
 * your own in production.
 */
export function localSecretsKey(dataRoot: string = path.resolve(getSettings().DATA_DIR)): string {
  if (process.env.SECRETS_KEY) return process.env.SECRETS_KEY;
  const file = path.join(dataRoot, "secrets-key");
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process of this checkout wrote it first: use that one.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}

function keys(): { current: Key; all: Map<string, Key> } {
  const raw = localSecretsKey();
  const current = parseSecretsKey(raw);
  const all = new Map([[current.id, current]]);
  for (const old of (process.env.SECRETS_KEY_PREVIOUS ?? "").split(",").filter((s) => s.trim())) {
    const key = parseSecretsKey(old, "SECRETS_KEY_PREVIOUS");
    all.set(key.id, key);
  }
  return { current, all };
}

export const isEncryptedSecret = (stored: string) => stored.startsWith(PREFIX);

export function encryptSecret(plain: string): string {
  const { current } = keys();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.bytes, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${current.id}:${iv.toString("base64url")}:${body.toString("base64url")}`;
}

/** The plaintext of a stored secret; null stays null. Throws when the key is unknown or the value was tampered with. */
export function decryptSecret(stored: string | null): string | null {
  if (stored === null) return null;
  if (!isEncryptedSecret(stored)) return stored;
  const [keyId, ivText, bodyText] = stored.slice(PREFIX.length).split(":");
  const key = keyId ? keys().all.get(keyId) : undefined;
  if (!key || !ivText || !bodyText) throw new Error(`A stored secret is under key ${keyId ?? "?"}, which is neither SECRETS_KEY nor in SECRETS_KEY_PREVIOUS`);
  const body = Buffer.from(bodyText, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(ivText, "base64url"));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
}

/** Whether a stored value needs rewriting: plaintext, or under a key other than the current one. */
export function needsRotation(stored: string): boolean {
  return !isEncryptedSecret(stored) || !stored.startsWith(`${PREFIX}${keys().current.id}:`);
}

/** The store columns that hold secrets (identifiers such as the app key or shop cipher are not). */
export const STORE_SECRET_COLUMNS = ["webhookSecret", "tiktokAppSecret", "tiktokAccessToken", "tiktokRefreshToken", "shopifyAccessToken"] as const;

/** A store column value as it is stored: secrets encrypted, everything else as it is; null stays null. */
export function storedStoreValue(column: string, value: string | null): string | null {
  return value !== null && (STORE_SECRET_COLUMNS as readonly string[]).includes(column) ? encryptSecret(value) : value;
}
