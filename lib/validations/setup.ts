import { z } from "zod";
import { isIanaTimeZone } from "./stores";

// An organisation of one's own (setup CLI and /signup), stores added by the owner (form and
// store CLI), suppliers and their routing rules: one schema each, for the browser and the server.

export const MIN_PASSWORD_LENGTH = 12;

export const organizationName = z.string().trim().min(1, "Give the organisation a name.").max(120, "Keep the name under 120 characters.");
export const email = z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(200, "That e-mail address is too long.");
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Keep the password under 200 characters.");

export const signUpSchema = z.object({ organization: organizationName, email, password: newPassword });
export type SignUpInput = z.output<typeof signUpSchema>;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalId = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose one of the list.")
    .optional(),
);

/** A new store: what the owner types in the "Add a store" form and what `store add` takes. */
export const newStoreSchema = z
  .object({
    name: z.string().trim().min(1, "Give the store a name.").max(80, "Keep the name under 80 characters."),
    channel: z.enum(["TIKTOK_SHOP", "BRAND_SITE"], { error: "Choose TikTok Shop or brand site." }),
    market: z.enum(["US", "UK"], { error: "Choose US or UK." }),
    kind: z.preprocess(blankToUndefined, z.enum(["LOCAL", "CROSS_BORDER"], { error: "Choose local or cross-border." }).optional()),
    timeZone: z
      .string()
      .trim()
      .min(1, "Choose the store's time zone.")
      .refine(isIanaTimeZone, "Not a known IANA time zone. Use a name like America/Los_Angeles or Europe/London."),
    joinedOn: z.preprocess(blankToUndefined, z.iso.date({ error: "Use a date like 2025-09-01." }).optional()),
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
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "No such store."),
});

export const supplierSchema = z.object({
  supplierId: optionalId,
  name: z.string().trim().min(1, "Give the supplier a name.").max(80, "Keep the name under 80 characters."),
  shipFromCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use a two-letter country code such as US, GB or CN."),
  promisedOutboundHours: z.coerce
    .number({ error: "Enter a number of hours." })
    .int("Whole hours only.")
    .min(1, "At least 1 hour.")
    .max(720, "At most 720 hours (30 days)."),
  promisedDeliveryDays: z.coerce.number({ error: "Enter a number of days." }).int("Whole days only.").min(1, "At least 1 day.").max(90, "At most 90 days."),
  contactEmail: z.preprocess(blankToUndefined, email.optional()),
});
export type SupplierInput = z.output<typeof supplierSchema>;

/** "" (or absent) clears: the order or SKU goes back to the rules / to no supplier. */
const supplierChoice = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose one of your suppliers.")
    .nullable(),
);

export const skuRuleSchema = z.object({
  sku: z.string().trim().min(1, "Enter a SKU.").max(100, "That SKU is too long."),
  supplierId: supplierChoice,
});

export const warehouseRuleSchema = z.object({
  warehouseName: z.string().trim().min(1, "Enter the warehouse name as the platform shows it.").max(120, "That name is too long."),
  supplierId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose one of your suppliers."),
});
export const ruleIdSchema = z.object({
  ruleId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "No such rule."),
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
      .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not an order id."))
      .min(1, "Choose at least one order.")
      .max(500, "At most 500 orders at a time."),
  ),
  supplierId: supplierChoice,
});
