import "server-only";
import { webhookFailuresByStore } from "@/lib/channels/webhook-health";
import { TOKEN_REFRESH_WINDOW_MS } from "@/lib/channels/token-refresh";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DataScope } from "./scope";

// Each store's API connection as the /stores list (one line per store) and /stores/<id> show it:
// connected; token expiring (a TikTok access token about to run out with no refresh token to
// renew it, or TikTok's type 7 authorisation warning); needs re-authorisation (type 6, a refused
// token, a refresh that failed); disconnected (refused credentials on sync); webhooks failing
// (failed or unverified deliveries in the last 24 h); with the last successful sync and its age,
// and the write-back pushes waiting or failed.

export type HealthState = "not_connected" | "connected" | "token_expiring" | "needs_reauthorisation" | "disconnected" | "webhooks_failing";
export type HealthTone = "ok" | "warn" | "bad" | "none";

export type StoreHealth = {
  storeId: string;
  state: HealthState;
  tone: HealthTone;
  label: string;
  message: string | null;
  tokenExpiresAt: Date | null;
  tokenRefreshedAutomatically: boolean;
  authExpiresAt: Date | null;
  webhooks: { unverified: number; failed: number };
  lastSyncedAt: Date | null;
  /** Minutes since the last successful sync, null when never synced. */
  lastSyncAgeMinutes: number | null;
  pushes: { pending: number; failed: number };
  stockSafetyBuffer: number;
  /** One line for the stores list. */
  line: string;
};

const LABEL: Record<HealthState, string> = {
  not_connected: "Not connected to an API",
  connected: "Connected",
  token_expiring: "Token expiring",
  needs_reauthorisation: "Needs re-authorisation",
  disconnected: "Disconnected",
  webhooks_failing: "Webhooks failing",
};
const TONE: Record<HealthState, HealthTone> = {
  not_connected: "none",
  connected: "ok",
  token_expiring: "warn",
  needs_reauthorisation: "bad",
  disconnected: "bad",
  webhooks_failing: "warn",
};

export function formatAge(minutes: number): string {
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

export async function listStoreHealth(scope: DataScope, now: Date, storeIds?: readonly string[]): Promise<Map<string, StoreHealth>> {
  if (scope.supplierId) throw new AppError("FORBIDDEN", "Suppliers cannot see store pages.");
  const stores = await db.store.findMany({
    where: { organizationId: scope.organizationId, ...(storeIds ? { id: { in: [...storeIds] } } : {}) },
    select: {
      id: true,
      channel: true,
      connectionState: true,
      connectionMessage: true,
      authExpiresAt: true,
      lastSyncedAt: true,
      tiktokAppKey: true,
      tiktokAccessToken: true,
      tiktokShopCipher: true,
      tiktokRefreshToken: true,
      tiktokAccessTokenExpiresAt: true,
      shopifyDomain: true,
      shopifyAccessToken: true,
      stockSafetyBuffer: true,
    },
  });
  const ids = stores.map((s) => s.id);
  const [webhooks, pushes] = await Promise.all([
    webhookFailuresByStore(db, ids, now),
    ids.length
      ? db.channelPush.groupBy({ by: ["storeId", "status"], where: { storeId: { in: ids }, status: { in: ["PENDING", "FAILED"] } }, _count: { _all: true } })
      : [],
  ]);
  const out = new Map<string, StoreHealth>();
  for (const s of stores) {
    const connected =
      s.channel === "TIKTOK_SHOP" ? Boolean(s.tiktokAppKey && s.tiktokAccessToken && s.tiktokShopCipher) : Boolean(s.shopifyDomain && s.shopifyAccessToken);
    const hooks = webhooks.get(s.id) ?? { unverified: 0, failed: 0 };
    const pending = pushes.find((p) => p.storeId === s.id && p.status === "PENDING")?._count._all ?? 0;
    const failed = pushes.find((p) => p.storeId === s.id && p.status === "FAILED")?._count._all ?? 0;
    const tokenExpiring =
      s.channel === "TIKTOK_SHOP" &&
      !s.tiktokRefreshToken &&
      s.tiktokAccessTokenExpiresAt !== null &&
      s.tiktokAccessTokenExpiresAt.getTime() - now.getTime() < TOKEN_REFRESH_WINDOW_MS;
    let state: HealthState;
    if (!connected) state = "not_connected";
    else if (s.connectionState === "NEEDS_REAUTHORIZATION") state = "needs_reauthorisation";
    else if (s.connectionState === "DISCONNECTED") state = "disconnected";
    else if (s.connectionState === "AUTH_EXPIRING" || tokenExpiring) state = "token_expiring";
    else if (hooks.unverified + hooks.failed > 0) state = "webhooks_failing";
    else state = "connected";
    const age = s.lastSyncedAt ? Math.max(0, Math.floor((now.getTime() - s.lastSyncedAt.getTime()) / 60_000)) : null;
    const parts = [LABEL[state]];
    if (connected) parts.push(age === null ? "never synced" : `last sync ${formatAge(age)}`);
    if (hooks.unverified + hooks.failed > 0)
      parts.push(`${hooks.failed + hooks.unverified} failed or unverified webhook${hooks.failed + hooks.unverified === 1 ? "" : "s"} in 24 h`);
    if (failed > 0) parts.push(`${failed} write-back${failed === 1 ? "" : "s"} failed`);
    if (pending > 0) parts.push(`${pending} write-back${pending === 1 ? "" : "s"} pending`);
    out.set(s.id, {
      storeId: s.id,
      state,
      tone: TONE[state],
      label: LABEL[state],
      message: s.connectionMessage,
      tokenExpiresAt: s.tiktokAccessTokenExpiresAt,
      tokenRefreshedAutomatically: s.channel === "TIKTOK_SHOP" && Boolean(s.tiktokRefreshToken),
      authExpiresAt: s.authExpiresAt,
      webhooks: hooks,
      lastSyncedAt: s.lastSyncedAt,
      lastSyncAgeMinutes: age,
      pushes: { pending, failed },
      stockSafetyBuffer: s.stockSafetyBuffer,
      line: parts.join(" · "),
    });
  }
  return out;
}

export async function getStoreHealth(scope: DataScope, storeId: string, now: Date): Promise<StoreHealth> {
  const health = (await listStoreHealth(scope, now, [storeId])).get(storeId);
  if (!health) throw new AppError("NOT_FOUND", "No such store in your organisation.");
  return health;
}
