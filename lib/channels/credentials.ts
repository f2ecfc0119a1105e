import type { Db } from "@/lib/database/client";
import { TIKTOK_API_BASE_URL } from "@/lib/ingest/tiktok-api";
import { decryptSecret, encryptSecret } from "@/lib/security/secrets";

// The one place a store's platform credentials are read for a call and written after a token
// refresh: secrets are encrypted at rest (lib/security/secrets.ts, SECRETS_KEY) and decrypted
// here only, so the sync, the push runner and the token refresh never touch the columns themselves.

export const TIKTOK_AUTH_BASE_URL = "https://auth.tiktok-shops.com";

export type TikTokCredentials = {
  appKey: string;
  appSecret: string;
  accessToken: string;
  shopCipher: string;
  refreshToken: string | null;
  accessTokenExpiresAt: Date | null;
  apiBaseUrl: string;
  /** The token endpoint's host; a store pointed at a local API (tests, staging) uses that one too. */
  authBaseUrl: string;
};

export type ShopifyCredentials = { shopDomain: string; accessToken: string; apiVersion: string | null; baseUrl: string | null; locationId: string | null };

export type StoreCredentials = { tiktok: TikTokCredentials | null; shopify: ShopifyCredentials | null };

const CREDENTIALS_SELECT = {
  channel: true,
  tiktokAppKey: true,
  tiktokAppSecret: true,
  tiktokAccessToken: true,
  tiktokShopCipher: true,
  tiktokApiBaseUrl: true,
  tiktokRefreshToken: true,
  tiktokAccessTokenExpiresAt: true,
  shopifyDomain: true,
  shopifyAccessToken: true,
  shopifyApiVersion: true,
  shopifyApiBaseUrl: true,
  shopifyLocationId: true,
} as const;

export async function readStoreCredentials(db: Db, storeId: string): Promise<StoreCredentials> {
  const stored = await db.store.findUniqueOrThrow({ where: { id: storeId }, select: CREDENTIALS_SELECT });
  const s = {
    ...stored,
    tiktokAppSecret: decryptSecret(stored.tiktokAppSecret),
    tiktokAccessToken: decryptSecret(stored.tiktokAccessToken),
    tiktokRefreshToken: decryptSecret(stored.tiktokRefreshToken),
    shopifyAccessToken: decryptSecret(stored.shopifyAccessToken),
  };
  const tiktok =
    s.channel === "TIKTOK_SHOP" && s.tiktokAppKey && s.tiktokAppSecret && s.tiktokAccessToken && s.tiktokShopCipher
      ? {
          appKey: s.tiktokAppKey,
          appSecret: s.tiktokAppSecret,
          accessToken: s.tiktokAccessToken,
          shopCipher: s.tiktokShopCipher,
          refreshToken: s.tiktokRefreshToken,
          accessTokenExpiresAt: s.tiktokAccessTokenExpiresAt,
          apiBaseUrl: s.tiktokApiBaseUrl || TIKTOK_API_BASE_URL,
          authBaseUrl: s.tiktokApiBaseUrl || TIKTOK_AUTH_BASE_URL,
        }
      : null;
  const shopify =
    s.channel === "BRAND_SITE" && s.shopifyDomain && s.shopifyAccessToken
      ? {
          shopDomain: s.shopifyDomain,
          accessToken: s.shopifyAccessToken,
          apiVersion: s.shopifyApiVersion,
          baseUrl: s.shopifyApiBaseUrl,
          locationId: s.shopifyLocationId,
        }
      : null;
  return { tiktok, shopify };
}

/** After a token refresh: the new pair and the access token's expiry. */
export async function writeTikTokTokens(
  db: Db,
  storeId: string,
  tokens: { accessToken: string; refreshToken: string; accessTokenExpiresAt: Date },
): Promise<void> {
  await db.store.update({
    where: { id: storeId },
    data: {
      tiktokAccessToken: encryptSecret(tokens.accessToken),
      tiktokRefreshToken: encryptSecret(tokens.refreshToken),
      tiktokAccessTokenExpiresAt: tokens.accessTokenExpiresAt,
    },
    select: { id: true },
  });
}
