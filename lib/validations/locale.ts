import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";
import { LOCALES } from "@/lib/i18n/locales";

/** A user's own language (/account and the shell's switcher): one of ours, or "" = follow the browser (null). */
export const localeChoiceSchema = z.object({
  locale: z.enum(["", ...LOCALES], { message: errorMessage("account.chooseLanguage") }).transform((v) => (v === "" ? null : v)),
});
export type LocaleChoice = z.output<typeof localeChoiceSchema>;
