import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";

// What PostgreSQL refuses or mangles, refused here with a 400 instead: a NUL byte in text
// ("invalid byte sequence for encoding UTF8: 0x00") and instants outside the years the app can
// mean (the year 0000 does not exist in PostgreSQL's calendar; a year past 9999 does not fit the
// ISO format the app writes).

export const MIN_YEAR = 1970;
export const MAX_YEAR = 9999;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const NO_CONTROL_MESSAGE = errorMessage("common.noControlChars");

/** Text from a query string or form with no NUL or other control characters (tab and line breaks are fine). */
export function plainText(max: number, message = errorMessage("common.atMostChars", { max: String(max) })) {
  return z
    .string()
    .trim()
    .max(max, message)
    .refine((v) => !CONTROL.test(v), NO_CONTROL_MESSAGE);
}

/** Whether an instant's UTC year is one the app can store and mean. */
export function isSaneInstant(instant: Date): boolean {
  const year = instant.getUTCFullYear();
  return !Number.isNaN(instant.getTime()) && year >= MIN_YEAR && year <= MAX_YEAR;
}

export const SANE_YEAR_MESSAGE = errorMessage("common.saneYear", { min: String(MIN_YEAR), max: String(MAX_YEAR) });
