import { z } from "zod";
import type { AppErrorCode } from "@/lib/errors";

// The result every server action returns (lib/actions/define-action.ts), and the helpers a form
// in the browser shares with the server: client-safe, it imports nothing of the server.

/** One message per field, keyed by the field's name ("form" for the form as a whole). */
export type FieldErrors = Record<string, string>;

export type ActionSuccess<T> = { ok: true; data: T; message?: string };
export type ActionFailure = {
  ok: false;
  code: AppErrorCode | "INTERNAL";
  message: string;
  fieldErrors?: FieldErrors;
  /** What the form sent, so it can be shown again after React resets the form (never secrets). */
  values?: Record<string, string>;
};
export type ActionResult<T = undefined> = ActionSuccess<T> | ActionFailure;

/** The state a form starts in before its first submission. */
export const idleResult = null;

/**
 * A server action callable two ways with the same validation: with a plain object (from a client
 * component's event handler, a test or another action), or as a form action for `useActionState`
 * (`(previousResult, formData)`), where the form's string fields are the input.
 */
export type ServerAction<I, T> = {
  (input: I | FormData | Record<string, unknown>): Promise<ActionResult<T>>;
  (previous: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>>;
};

export function succeed(): ActionSuccess<undefined>;
export function succeed<T>(data: T, message?: string): ActionSuccess<T>;
export function succeed<T>(data?: T, message?: string): ActionSuccess<T | undefined> {
  return message === undefined ? { ok: true, data } : { ok: true, data, message };
}

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
