import { z } from "zod";
import { AppError } from "@/lib/errors";
import { SETTABLE_LABEL_SOURCES, trackingFixSchema } from "./risk";

// POST /api/orders/<id>/tracking (a contract): the body is checked by the queue form's own schema
// (carrier known, number valid for it, check digits), with the label source optional.

export const orderIdParam = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Expected an order id");

const bodySchema = z
  .object({
    carrier: z.string({ error: "Choose the carrier" }),
    trackingNumber: z.string({ error: "Enter the tracking number" }),
    labelSource: z.enum(SETTABLE_LABEL_SOURCES, { message: "Use TIKTOK_SHIPPING or SELLER" }).optional(),
  })
  .strict();

export function trackingApiError(field: string, reason: string): AppError {
  return new AppError("BAD_REQUEST", `${field}: ${reason}`, { fieldErrors: { [field]: reason } });
}

export function parseTrackingApiBody(orderId: string, body: unknown) {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw trackingApiError("body", 'Send a JSON object: {"carrier","trackingNumber","labelSource"?}');
  const shape = bodySchema.safeParse(body);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    const field = issue?.code === "unrecognized_keys" ? (issue.keys[0] ?? "body") : String(issue?.path[0] ?? "body");
    throw trackingApiError(field, issue?.code === "unrecognized_keys" ? "Not a field of this API" : (issue?.message ?? "Invalid"));
  }
  const fix = trackingFixSchema.safeParse({ orderId, carrier: shape.data.carrier, trackingNumber: shape.data.trackingNumber });
  if (!fix.success) {
    const errors: Record<string, string> = {};
    for (const issue of fix.error.issues) {
      const key = String(issue.path[0] ?? "body");
      errors[key] ??= issue.message;
    }
    const [field, reason] = Object.entries(errors)[0] ?? ["body", "Invalid"];
    throw new AppError("BAD_REQUEST", `${field}: ${reason}`, { fieldErrors: errors });
  }
  return { ...fix.data, ...(shape.data.labelSource ? { labelSource: shape.data.labelSource } : {}) };
}
