import { z } from "zod";

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
const secret = (label: string) =>
  z.preprocess(blankToUndefined, z.string().trim().min(8, `${label} looks too short (at least 8 characters).`).max(500, `${label} is too long.`).optional());

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
  name: z.string().trim().min(1, "Give the store a name.").max(80, "Keep the name under 80 characters."),
  timeZone: z
    .string()
    .trim()
    .min(1, "Choose the store's time zone.")
    .refine(isIanaTimeZone, "Not a known IANA time zone. Use a name like America/Los_Angeles or Europe/London."),
  market: z.enum(["US", "UK"], { error: "Choose US or UK." }),
  kind: z.preprocess(blankToUndefined, z.enum(["LOCAL", "CROSS_BORDER"], { error: "Choose local or cross-border." }).optional()),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD or GBP.")
    .refine(isCurrency, "Not a known currency code."),
  joinedOn: z.iso.date({ error: "Use a date like 2025-09-01." }),
  webhookSecret: secret("The webhook secret"),
  tiktokAppKey: z.preprocess(blankToUndefined, z.string().trim().min(4, "The app key looks too short.").max(200, "The app key is too long.").optional()),
  tiktokAppSecret: secret("The app secret"),
  tiktokAccessToken: secret("The access token"),
  tiktokShopCipher: z.preprocess(
    blankToUndefined,
    z.string().trim().min(4, "The shop cipher looks too short.").max(200, "The shop cipher is too long.").optional(),
  ),
  tiktokApiBaseUrl: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(300, "The URL is too long.")
      .refine((v) => {
        try {
          return new URL(v).protocol === "https:";
        } catch {
          return false;
        }
      }, "Use an https:// address, e.g. https://open-api.tiktokglobalshop.com.")
      .optional(),
  ),
  shopifyDomain: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "Use the shop's *.myshopify.com domain, e.g. my-shop.myshopify.com.")
      .optional(),
  ),
  shopifyAccessToken: secret("The Admin API access token"),
  shopifyApiVersion: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{4}-(01|04|07|10)$/, "Use a Shopify API version such as 2026-10.")
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
      if (channel === "TIKTOK_SHOP" && !v.kind) ctx.addIssue({ code: "custom", path: ["kind"], message: "Choose local or cross-border." });
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
