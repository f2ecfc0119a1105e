import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";
import { parseDecimalToMinor } from "@/lib/ingest/money";

// Forms and server share these: the client shows the same field messages the server enforces.
// Inputs arrive as FormData strings, so booleans and money are parsed from text here.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// An instant must carry its zone: a bare wall time would be read in the server's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export const ENTITY_TYPES = ["COMPANY", "PARTNERSHIP", "SOLE_PROPRIETORSHIP", "INDIVIDUAL"] as const;
export const DEPOSIT_KINDS = ["PAYMENT", "REFUND", "DEDUCTION"] as const;
export const VIDEO_FORMATS = ["SHORT_VIDEO", "LIVE", "POST"] as const;
export const VIDEO_STYLES = ["REAL_PERSON", "DEMO", "CONVERSATION_STARTER", "STATIC_IMAGES", "TEXT_SLIDESHOW", "NO_REAL_PERSON"] as const;
export const PRICE_CHANNELS = ["TIKTOK_SHOP", "BRAND_SITE"] as const;

export const ENTITY_LABEL: Record<(typeof ENTITY_TYPES)[number], string> = {
  COMPANY: "Company (corporation, LLC, limited company)",
  PARTNERSHIP: "Partnership",
  SOLE_PROPRIETORSHIP: "Sole proprietorship",
  INDIVIDUAL: "Individual",
};

export const idField = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, errorMessage("common.expectedId"));

export const isoDate = z
  .string()
  .trim()
  .regex(ISO_DATE, errorMessage("compliance.dateFormat"))
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    errorMessage("compliance.notCalendarDate"),
  );

export const isoInstant = z
  .string()
  .trim()
  .regex(ISO_INSTANT, errorMessage("compliance.instantFormat"))
  .transform((s, ctx) => {
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: errorMessage("compliance.notInstant") });
      return z.NEVER;
    }
    return d;
  });

export const currencyCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, errorMessage("compliance.currencyCode")));

/** "19.99" → 1999: exact decimal text to integer minor units, never through a float. */
export const moneyText = z
  .string()
  .trim()
  .min(1, errorMessage("compliance.enterAmount"))
  .transform((s, ctx) => {
    const r = /^\d+(\.\d{1,2})?$/.test(s) ? parseDecimalToMinor(s, 2) : null;
    if (!r || !r.ok) {
      ctx.addIssue({ code: "custom", message: errorMessage("compliance.amountFormat") });
      return z.NEVER;
    }
    return r.value;
  });

const TRUE = new Set(["on", "true", "yes", "y", "1"]);
const FALSE = new Set(["off", "false", "no", "n", "0", ""]);

/** Checkbox or CSV cell: on/true/yes/1 and off/false/no/0/empty. */
export const booleanText = z.preprocess(
  (v) => (typeof v === "boolean" ? String(v) : v),
  z
    .string()
    .trim()
    .transform((s, ctx) => {
      const v = s.toLowerCase();
      if (TRUE.has(v)) return true;
      if (FALSE.has(v)) return false;
      ctx.addIssue({ code: "custom", message: errorMessage("compliance.yesNo") });
      return z.NEVER;
    }),
);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, errorMessage("common.atMostChars", { max: String(max) }))
    .optional()
    .transform((s) => (s ? s : null));

export const registrationSchema = z
  .object({
    storeId: idField,
    legalName: z.string().trim().min(2, errorMessage("compliance.legalName")).max(200),
    entityType: z.enum(ENTITY_TYPES, { message: errorMessage("compliance.legalForm") }),
    registrationCountry: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2}$/, errorMessage("compliance.countryCode"))),
    incorporatedOn: isoDate,
    licenceExpiresOn: z
      .union([z.literal("").transform(() => null), isoDate])
      .optional()
      .transform((s) => s ?? null),
  })
  .refine((r) => !r.licenceExpiresOn || r.licenceExpiresOn > r.incorporatedOn, {
    path: ["licenceExpiresOn"],
    message: errorMessage("compliance.licenceAfter"),
  });
export type RegistrationInput = z.infer<typeof registrationSchema>;

export const depositEntrySchema = z.object({
  storeId: idField,
  kind: z.enum(DEPOSIT_KINDS, { message: errorMessage("compliance.depositKind") }),
  amount: moneyText.refine((m) => m > 0, errorMessage("compliance.amountPositive")),
  currency: currencyCode.default("USD"),
  occurredAt: z
    .union([z.literal("").transform(() => null), isoInstant])
    .optional()
    .transform((d) => d ?? null),
  note: optionalText(500),
});
export type DepositEntryInput = z.infer<typeof depositEntrySchema>;

export const creatorSchema = z.object({
  storeId: idField,
  handle: z
    .string()
    .trim()
    .transform((s) => s.replace(/^@/, "").toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9._]{2,24}$/, errorMessage("compliance.handle"))),
  displayName: z.string().trim().min(1, errorMessage("common.enterName")).max(100),
});
export type CreatorInput = z.infer<typeof creatorSchema>;

export const videoSchema = z.object({
  creatorId: idField,
  postedAt: isoInstant,
  title: z.string().trim().min(1, errorMessage("compliance.enterTitle")).max(200),
  format: z.enum(VIDEO_FORMATS).default("SHORT_VIDEO"),
  hasProductLink: booleanText.default(false),
  style: z.enum(VIDEO_STYLES, { message: errorMessage("compliance.videoStyle") }),
});
export type VideoInput = z.infer<typeof videoSchema>;

export const listingPriceSchema = z.object({
  listingId: idField,
  channel: z.enum(PRICE_CHANNELS, { message: errorMessage("compliance.pickChannel") }),
  currency: currencyCode,
  price: moneyText,
});
export type ListingPriceInput = z.infer<typeof listingPriceSchema>;

export const stockSchema = z.object({
  listingId: idField,
  availableStock: z.coerce
    .number({ message: errorMessage("compliance.wholeNumber") })
    .int(errorMessage("compliance.wholeNumber"))
    .min(0, errorMessage("compliance.stockNegative"))
    .max(10_000_000),
});
export type StockInput = z.infer<typeof stockSchema>;

/** A video CSV row (header names are matched case- and space-insensitively). */
export const videoCsvRowSchema = z.object({
  creator: z
    .string()
    .trim()
    .transform((s) => s.replace(/^@/, "").toLowerCase())
    .pipe(z.string().min(1, errorMessage("compliance.creatorHandle"))),
  posted_at: isoInstant,
  title: z.string().trim().min(1, errorMessage("compliance.enterTitle")).max(200),
  format: z
    .string()
    .trim()
    .transform((s) => (s === "" ? "SHORT_VIDEO" : s.toUpperCase().replace(/[\s-]+/g, "_")))
    .pipe(z.enum(VIDEO_FORMATS, { message: errorMessage("compliance.videoFormatCsv") })),
  has_product_link: booleanText,
  style: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase().replace(/[\s-]+/g, "_"))
    .pipe(z.enum(VIDEO_STYLES, { message: errorMessage("compliance.videoStyleCsv", { values: VIDEO_STYLES.join(", ") }) })),
});
export type VideoCsvRow = z.infer<typeof videoCsvRowSchema>;

export const priceCsvRowSchema = z.object({
  sku: z.string().trim().min(1, errorMessage("compliance.enterSku")).max(64),
  price: moneyText,
  currency: currencyCode,
});
export type PriceCsvRow = z.infer<typeof priceCsvRowSchema>;

export const priceImportParamsSchema = z.object({
  channel: z.enum(PRICE_CHANNELS, { message: errorMessage("compliance.priceChannel") }),
  currency: z.union([z.literal("").transform(() => undefined), currencyCode]).optional(),
});
