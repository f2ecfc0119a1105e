import { z } from "zod";

// Client-safe half of the action pipeline (define-action.ts imports the session, which is
// server-only): forms that check their fields in the browser import from here.

/** One message per field, keyed by the field's name ("form" for the form as a whole). */
export type FieldErrors = Record<string, string>;

/** Field messages as zod's own flattening gives them, the first message of each field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const flat = z.flattenError(error);
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(flat.fieldErrors) as [string, string[] | undefined][]) {
    if (messages?.[0]) out[field] = messages[0];
  }
  if (flat.formErrors[0]) out.form = flat.formErrors[0];
  return out;
}

