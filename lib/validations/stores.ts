import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";

// The owner's store settings form: one schema for the browser (checked before sending) and the
// server action (checked again: the browser is never trusted).

let zones: Set<string> | undefined;
/** IANA zones as the runtime's ICU knows them (Intl.supportedValuesOf), plus UTC. */
export function isIanaTimeZone(value: string): boolean {
  zones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return zones.has(value);
}

let currencies: Set<string> | undefined;
function isCurrency(value: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf("currency"));
  return currencies.has(value);
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A write-only secret: an empty input keeps the current value. */
const secret = (field: "webhookSecret" | "appSecret" | "accessToken" | "adminToken") =>
  z.preprocess(
    blankToUndefined,
    z.string().trim().min(8, errorMessage("store.secretTooShort", { field })).max(500, errorMessage("store.secretTooLong", { field })).optional(),
  );

export const SECRET_FIELDS = [
  "webhookSecret",
  "tiktokAppKey",
  "tiktokAppSecret",
  "tiktokAccessToken",
  "tiktokShopCipher",
  "tiktokApiBaseUrl",
  "shopifyDomain",
  "shopifyAccessToken",
  "shopifyApiVersion",
] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

const baseSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, errorMessage("store.giveName"))
    .max(80, errorMessage("common.nameUnder", { max: "80" })),
  timeZone: z.string().trim().min(1, errorMessage("store.chooseZone")).refine(isIanaTimeZone, errorMessage("store.unknownZone")),
  market: z.enum(["US", "UK"], { error: errorMessage("store.chooseMarket") }),
  kind: z.preprocess(blankToUndefined, z.enum(["LOCAL", "CROSS_BORDER"], { error: errorMessage("store.chooseKind") }).optional()),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, errorMessage("store.currencyCode"))
    .refine(isCurrency, errorMessage("store.unknownCurrency")),
  joinedOn: z.iso.date({ error: errorMessage("store.dateFormat") }),
  webhookSecret: secret("webhookSecret"),
  tiktokAppKey: z.preprocess(
    blankToUndefined,
    z.string().trim().min(4, errorMessage("store.appKeyShort")).max(200, errorMessage("store.appKeyLong")).optional(),
  ),
  tiktokAppSecret: secret("appSecret"),
  tiktokAccessToken: secret("accessToken"),
  tiktokShopCipher: z.preprocess(
    blankToUndefined,
    z.string().trim().min(4, errorMessage("store.cipherShort")).max(200, errorMessage("store.cipherLong")).optional(),
  ),
  tiktokApiBaseUrl: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(300, errorMessage("store.urlTooLong"))
      .refine((v) => {
        try {
          return new URL(v).protocol === "https:";
        } catch {
          return false;
        }
      }, errorMessage("store.httpsUrl"))
      .optional(),
  ),
  shopifyDomain: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, errorMessage("store.shopifyDomain"))
      .optional(),
  ),
  shopifyAccessToken: secret("adminToken"),
  shopifyApiVersion: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{4}-(01|04|07|10)$/, errorMessage("store.shopifyVersion"))
      .optional(),
  ),
});

export type StoreSettingsInput = z.infer<typeof baseSchema>;
export type StoreSettingsField = keyof StoreSettingsInput;

/**
 * TikTok stores need a kind (local or cross-border: different rules apply) and are connected
 * with the Partner API credentials (their webhooks are signed with the app secret); the brand
 * site has no kind and is connected with a custom app's shop domain, Admin API access token and
 * API secret key (the webhook secret). Fields of the other channel are dropped.
 */
export function storeSettingsSchemaFor(channel: "TIKTOK_SHOP" | "BRAND_SITE") {
  return baseSchema
    .superRefine((v, ctx) => {
      if (channel === "TIKTOK_SHOP" && !v.kind) ctx.addIssue({ code: "custom", path: ["kind"], message: errorMessage("store.chooseKind") });
    })
    .transform((v) =>
      channel === "BRAND_SITE"
        ? {
            ...v,
            kind: undefined,
            tiktokAppKey: undefined,
            tiktokAppSecret: undefined,
            tiktokAccessToken: undefined,
            tiktokShopCipher: undefined,
            tiktokApiBaseUrl: undefined,
          }
        : { ...v, webhookSecret: undefined, shopifyDomain: undefined, shopifyAccessToken: undefined, shopifyApiVersion: undefined },
    );
}
