import { z } from "zod";
import { AppError } from "@/lib/errors";

// The shape every form action returns to useActionState: field errors next to the fields, a
// form-level message, or success with an optional payload (e.g. a share link shown once).
export type ActionState<T = undefined> = { ok: boolean; code?: string; message?: string; fieldErrors?: Record<string, string>; data?: T };

export const idleState = { ok: false } as const;

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
  return errors;
}

/** The edge for server actions: an AppError becomes a message for the form, never a stack trace. */
export function actionErrorState<T>(error: unknown): ActionState<T> {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, fieldErrors: error.details?.fieldErrors as Record<string, string> | undefined };
  console.error(error);
  return { ok: false, message: "Something went wrong on our side; nothing was saved." };
}
