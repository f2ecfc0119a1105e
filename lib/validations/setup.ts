import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";
import { isIanaTimeZone } from "./stores";

// An organisation of one's own (setup CLI and /signup), stores added by the owner (form and
// store CLI), suppliers and their routing rules: one schema each, for the browser and the server.

export const MIN_PASSWORD_LENGTH = 12;

export const organizationName = z
  .string()
  .trim()
  .min(1, errorMessage("setup.orgName"))
  .max(120, errorMessage("common.nameUnder", { max: "120" }));
export const email = z.string().trim().toLowerCase().email(errorMessage("setup.validEmail")).max(200, errorMessage("setup.emailTooLong"));
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, errorMessage("setup.passwordMin", { min: String(MIN_PASSWORD_LENGTH) }))
  .max(200, errorMessage("setup.passwordMax"));

export const signUpSchema = z.object({ organization: organizationName, email, password: newPassword });
export type SignUpInput = z.output<typeof signUpSchema>;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalId = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, errorMessage("setup.chooseFromList"))
    .optional(),
);

/** A new store: what the owner types in the "Add a store" form and what `store add` takes. */
export const newStoreSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, errorMessage("store.giveName"))
      .max(80, errorMessage("common.nameUnder", { max: "80" })),
    channel: z.enum(["TIKTOK_SHOP", "BRAND_SITE"], { error: errorMessage("store.chooseChannel") }),
    market: z.enum(["US", "UK"], { error: errorMessage("store.chooseMarket") }),
    kind: z.preprocess(blankToUndefined, z.enum(["LOCAL", "CROSS_BORDER"], { error: errorMessage("store.chooseKind") }).optional()),
    timeZone: z.string().trim().min(1, errorMessage("store.chooseZone")).refine(isIanaTimeZone, errorMessage("store.unknownZone")),
    joinedOn: z.preprocess(blankToUndefined, z.iso.date({ error: errorMessage("store.dateFormat") }).optional()),
    defaultSupplierId: optionalId,
  })
  .transform((v) => ({
    ...v,
    // A brand site has no TikTok kind; a TikTok store is local unless it says cross-border.
    kind: v.channel === "BRAND_SITE" ? null : (v.kind ?? "LOCAL"),
    currency: v.market === "UK" ? "GBP" : "USD",
  }));
export type NewStoreInput = z.output<typeof newStoreSchema>;

export const storeIdSchema = z.object({
  storeId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, errorMessage("setup.noSuchStore")),
});

export const supplierSchema = z.object({
  supplierId: optionalId,
  name: z
    .string()
    .trim()
    .min(1, errorMessage("setup.supplierName"))
    .max(80, errorMessage("common.nameUnder", { max: "80" })),
  shipFromCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, errorMessage("setup.countryCode")),
  promisedOutboundHours: z.coerce
    .number({ error: errorMessage("setup.enterHours") })
    .int(errorMessage("setup.wholeHours"))
    .min(1, errorMessage("setup.atLeastHour"))
    .max(720, errorMessage("setup.atMostHours")),
  promisedDeliveryDays: z.coerce
    .number({ error: errorMessage("setup.enterDays") })
    .int(errorMessage("setup.wholeDays"))
    .min(1, errorMessage("setup.atLeastDay"))
    .max(90, errorMessage("setup.atMostDays")),
  contactEmail: z.preprocess(blankToUndefined, email.optional()),
});
export type SupplierInput = z.output<typeof supplierSchema>;

/** "" (or absent) clears: the order or SKU goes back to the rules / to no supplier. */
const supplierChoice = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, errorMessage("setup.chooseSupplier"))
    .nullable(),
);

export const skuRuleSchema = z.object({
  sku: z.string().trim().min(1, errorMessage("setup.enterSku")).max(100, errorMessage("setup.skuTooLong")),
  supplierId: supplierChoice,
});

export const warehouseRuleSchema = z.object({
  warehouseName: z.string().trim().min(1, errorMessage("setup.warehouseName")).max(120, errorMessage("setup.nameTooLong")),
  supplierId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, errorMessage("setup.chooseSupplier")),
});
export const ruleIdSchema = z.object({
  ruleId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, errorMessage("setup.noSuchRule")),
});

export const storeDefaultSchema = z.object({ storeId: storeIdSchema.shape.storeId, supplierId: supplierChoice });

/** Manual assignment of one or many orders; supplierId null = back to the rules. */
export const assignOrdersSchema = z.object({
  orderIds: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z
      .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, errorMessage("setup.notOrderId")))
      .min(1, errorMessage("setup.chooseOrders"))
      .max(500, errorMessage("setup.maxOrders")),
  ),
  supplierId: supplierChoice,
});
