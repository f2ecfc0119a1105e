"use client";

import { useTranslations } from "next-intl";
import { type ErrorTranslator, localizeError } from "@/lib/i18n/error-message";

/**
 * For a form that checks with a zod schema in the browser before it sends: the schema's message
 * (English, made by errorMessage) in the viewer's language. Messages from a server action are
 * already translated by the action pipeline.
 */
export function useErrorMessage(): (text: string) => string {
  const t = useTranslations("errors") as unknown as ErrorTranslator;
  return (text) => localizeError(text, t);
}
