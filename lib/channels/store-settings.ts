import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/database/client";
import { refreshConnectionFlags } from "@/lib/flags/connection-flags";
import { shopDomainSchema } from "./shopify-admin";
import { decryptSecret, STORE_SECRET_COLUMNS, storedStoreValue } from "@/lib/security/secrets";

// Store connection settings from the command line (`npm run -s store -- set …`, a contract):
// exact key names, secrets masked when printed, an unknown key refused. A value that empties
// (`key=`) clears the setting. New credentials clear a refused/deauthorised connection state, so
// the scheduled sync tries them; a new shop domain forgets the webhooks registered for the old one.

export const STORE_SETTING_KEYS = [
  "shopifyDomain",
  "shopifyAccessToken",
  "shopifyApiBaseUrl",
  "shopifyApiVersion",
  "tiktokAppKey",
  "tiktokAppSecret",
  "tiktokAccessToken",
  "tiktokShopCipher",
  "tiktokApiBaseUrl",
  "webhookSecret",
  "tiktokRefreshToken",
  "shopifyLocationId",
] as const;
export type StoreSettingKey = (typeof STORE_SETTING_KEYS)[number];

/** Printed masked: never the value, only its last four characters. */
export const MASKED_KEYS: readonly StoreSettingKey[] = ["shopifyAccessToken", "tiktokAppSecret", "tiktokAccessToken", "webhookSecret", "tiktokRefreshToken"];
const CREDENTIAL_KEYS: readonly StoreSettingKey[] = [
  "shopifyDomain",
  "shopifyAccessToken",
  "tiktokAppKey",
  "tiktokAppSecret",
  "tiktokAccessToken",
  "tiktokShopCipher",
  "tiktokRefreshToken",
];

/** https anywhere; plain http only to this machine (tests, a local staging server). */
const baseUrl = z
  .string()
  .trim()
  .max(300, "too long")
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === "https:" || (u.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname));
    } catch {
      return false;
    }
  }, "use an https:// URL (http:// only for 127.0.0.1 or localhost)");

const token = (min: number) => z.string().trim().min(min, `looks too short (at least ${min} characters)`).max(500, "too long");

const VALUE_SCHEMAS: Record<StoreSettingKey, z.ZodType<string>> = {
  shopifyDomain: shopDomainSchema,
  shopifyAccessToken: token(8),
  shopifyApiBaseUrl: baseUrl,
  shopifyApiVersion: z
    .string()
    .trim()
    .regex(/^\d{4}-(01|04|07|10)$|^unstable$/, "use a Shopify API version such as 2026-10"),
  tiktokAppKey: token(4),
  tiktokAppSecret: token(8),
  tiktokAccessToken: token(8),
  tiktokShopCipher: token(4),
  tiktokApiBaseUrl: baseUrl,
  webhookSecret: token(8),
  tiktokRefreshToken: token(8),
  shopifyLocationId: z
    .string()
    .trim()
    .regex(/^gid:\/\/shopify\/Location\/\d+$/, "use a Shopify location id such as gid://shopify/Location/123"),
};

export type SettingUpdates = Partial<Record<StoreSettingKey, string | null>>;

/** `key=value` arguments → updates, or the first problem naming the key. */
export function parseSettingAssignments(args: readonly string[]): { ok: true; updates: SettingUpdates } | { ok: false; message: string } {
  if (args.length === 0) return { ok: false, message: "nothing to set: pass key=value …" };
  const updates: SettingUpdates = {};
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq <= 0) return { ok: false, message: `"${arg}" is not key=value` };
    const key = arg.slice(0, eq);
    const value = arg.slice(eq + 1);
    if (!(STORE_SETTING_KEYS as readonly string[]).includes(key)) {
      return { ok: false, message: `unknown key "${key}" (keys: ${STORE_SETTING_KEYS.join(", ")})` };
    }
    const k = key as StoreSettingKey;
    if (value.trim() === "") {
      updates[k] = null;
      continue;
    }
    const parsed = VALUE_SCHEMAS[k].safeParse(value);
    if (!parsed.success) return { ok: false, message: `${key}: ${parsed.error.issues[0]?.message ?? "invalid value"}` };
    updates[k] = parsed.data;
  }
  return { ok: true, updates };
}

export function maskSecret(value: string | null): string | null {
  if (value === null) return null;
  return value.length > 8 ? `********${value.slice(-4)}` : "********";
}

const SETTINGS_SELECT = {
  id: true,
  name: true,
  channel: true,
  organizationId: true,
  connectionState: true,
  connectionMessage: true,
  shopifyWebhookTopics: true,
  lastSyncedAt: true,
  ...Object.fromEntries(STORE_SETTING_KEYS.map((k) => [k, true])),
} as const;

type SettingsRow = {
  id: string;
  name: string;
  channel: string;
  organizationId: string;
  connectionState: string | null;
  connectionMessage: string | null;
  shopifyWebhookTopics: string[];
  lastSyncedAt: Date | null;
} & Record<StoreSettingKey, string | null>;

/** What `store set` prints: every key, secrets masked, and the connection as the platforms report it. */
/** The row with its secrets decrypted (they are stored encrypted), for comparing and masking. */
function plainSettings(row: SettingsRow): SettingsRow {
  const out = { ...row } as Record<string, unknown>;
  for (const column of STORE_SECRET_COLUMNS) if (typeof out[column] === "string") out[column] = decryptSecret(out[column] as string);
  return out as SettingsRow;
}

export function printableSettings(row: SettingsRow) {
  const settings: Record<string, string | null> = {};
  for (const k of STORE_SETTING_KEYS) settings[k] = MASKED_KEYS.includes(k) ? maskSecret(row[k]) : row[k];
  return {
    store: row.name,
    channel: row.channel,
    settings,
    connection: {
      state: row.connectionState,
      message: row.connectionMessage,
      webhookTopics: row.shopifyWebhookTopics,
      lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    },
  };
}

export async function applyStoreSettings(db: Db, storeId: string, updates: SettingUpdates, actorLabel: string) {
  const result = await db.$transaction(async (tx) => {
    const before = plainSettings((await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: SETTINGS_SELECT })) as unknown as SettingsRow);
    const changed = STORE_SETTING_KEYS.filter((k) => k in updates && updates[k] !== before[k]);
    if (changed.length > 0) {
      // Secrets are stored encrypted (lib/security/secrets.ts); the comparison above is on the plaintext.
      const data: Record<string, unknown> = Object.fromEntries(changed.map((k) => [k, storedStoreValue(k, updates[k] ?? null)]));
      if (changed.some((k) => CREDENTIAL_KEYS.includes(k))) Object.assign(data, { connectionState: null, connectionMessage: null, connectionChangedAt: null });
      // A token typed in has an unknown lifetime: the next sweep refreshes it and learns its expiry.
      if (changed.includes("tiktokAccessToken") || changed.includes("tiktokRefreshToken")) data.tiktokAccessTokenExpiresAt = null;
      if (changed.includes("shopifyDomain")) data.shopifyWebhookTopics = [];
      await tx.store.update({ where: { id: storeId }, data, select: { id: true } });
      await recordAudit(tx, {
        organizationId: before.organizationId,
        actor: { label: actorLabel },
        action: "store.settings.update",
        entityType: "Store",
        entityId: storeId,
        // Secrets: only that they changed, never a value.
        before: Object.fromEntries(changed.map((k) => [k, MASKED_KEYS.includes(k) ? (before[k] ? "set" : "not set") : before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, MASKED_KEYS.includes(k) ? (updates[k] ? "changed" : "cleared") : (updates[k] ?? null)])),
      });
    }
    const after = plainSettings((await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: SETTINGS_SELECT })) as unknown as SettingsRow);
    return { changed, printable: printableSettings(after), organizationId: before.organizationId };
  });
  // New credentials clear the connection state, and with it the disconnected flag.
  if (result.changed.length > 0) await refreshConnectionFlags(db, result.organizationId, new Date(), [storeId]);
  return { changed: result.changed, printable: result.printable };
}
