import { z } from "zod";
import { type SessionUser, requireApiUser } from "@/lib/auth";
import { forgetViewReads } from "@/lib/data/cache";
import { AppError } from "@/lib/errors";
import { errorMessage, errorsOf, localizeError } from "@/lib/i18n/error-message";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { localeFor } from "@/lib/i18n/locale-for";
import { type Translator, translatorFor } from "@/lib/i18n/translator";
import type { Role } from "@/lib/generated/prisma/enums";
import { type ActionFailure, type ActionResult, type ActionSuccess, type FieldErrors, type ServerAction, fieldErrorsOf } from "@/lib/action-result";

export { type ActionFailure, type ActionResult, type ActionSuccess, type FieldErrors, type ServerAction, fieldErrorsOf, succeed } from "@/lib/action-result";

// The one pipeline every server action runs through: session → role → zod → handler → one result
// type. A handler returns `succeed(data, message)` or throws an AppError (with `fieldErrors` in its
// details for a field message); anything else is logged and becomes a neutral message, never a
// stack trace in the browser.
//
// Its messages reach the browser in the user's language (their choice, else Accept-Language):
// the pipeline's own, zod's built-in ones (zod's locale for the language) and every message a
// schema or handler made with errorMessage("…") (lib/i18n/error-message.ts). A handler that
// writes its own uses ctx.t: `throw fieldError("sku", ctx.t("suppliers.skuTaken"))`.

const CHECK_FIELDS = errorMessage("form.checkFields");
const INTERNAL = errorMessage("form.internal");
const FORBIDDEN = errorMessage("form.forbidden");
errorMessage("form.signInFirst"); // lib/auth.ts's refusal, localised like the others

/** zod's own messages (a type, a length without a message of ours) in each language; English is zod's default. */
const ZOD_LOCALE: Record<Locale, z.core.$ZodErrorMap | undefined> = {
  en: undefined,
  nl: z.locales.nl().localeError,
  "zh-CN": z.locales.zhCN().localeError,
};

/**
 * `t` speaks the signed-in user's language (their choice, else the browser's): result messages and
 * errors a handler writes go through it (`t("stores.saved")`), never as English literals.
 */
export type ActionContext = { user: SessionUser; now: Date; locale: Locale; t: Translator };

/** The error a handler throws for one field; it reaches the form next to that field. */
export function fieldError(field: string, message: string, summary = CHECK_FIELDS): AppError {
  return new AppError("BAD_REQUEST", summary, { fieldErrors: { [field]: message } });
}

/**
 * Parses `input` with `schema` or throws the AppError the pipeline turns into field messages.
 * For schemas that depend on a row the handler reads first (a store's channel decides its fields).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale = DEFAULT_LOCALE): z.output<S> {
  const error = ZOD_LOCALE[locale];
  const parsed = error ? schema.safeParse(input, { error }) : schema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", CHECK_FIELDS, { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}

/** Form fields never echoed back to the browser. */
const SECRET_FIELD = /password|secret|token|cipher/i;

function plainInput(input: unknown): unknown {
  if (!(input instanceof FormData)) return input;
  // Next adds its own `$ACTION_…` fields to progressive-enhancement forms; files are not inputs here.
  return Object.fromEntries([...input.entries()].filter(([k, v]) => !k.startsWith("$") && typeof v === "string"));
}

function echoOf(input: unknown): Record<string, string> | undefined {
  if (!(input instanceof FormData)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of input.entries()) if (typeof v === "string" && !k.startsWith("$") && !SECRET_FIELD.test(k)) out[k] = v;
  return out;
}

/** The refusal as the form shows it, every message in `locale` (English text that no key made stays as it is). */
function failureOf(error: unknown, input: unknown, locale: Locale): ActionFailure {
  const say = (text: string) => localizeError(text, errorsOf(translatorFor(locale)));
  if (error instanceof AppError) {
    const raw = error.details?.fieldErrors as FieldErrors | undefined;
    const fieldErrors = raw ? Object.fromEntries(Object.entries(raw).map(([field, text]) => [field, say(text)])) : undefined;
    const values = fieldErrors ? echoOf(input) : undefined;
    return { ok: false, code: error.code, message: say(error.message), ...(fieldErrors ? { fieldErrors } : {}), ...(values ? { values } : {}) };
  }
  console.error(error);
  return { ok: false, code: "INTERNAL", message: say(INTERNAL) };
}

/**
 * `form: "raw"`: the handler gets the FormData itself (for a form whose field names are data, such
 * as the policy settings' dotted keys and repeated `reset` buttons); its schema checks the type.
 */
export function defineAction<S extends z.ZodType, T>(
  options: { roles: readonly Role[]; schema: S; form?: "fields" | "raw" },
  handler: (input: z.output<S>, context: ActionContext) => Promise<ActionSuccess<T>>,
): ServerAction<z.input<S>, T> {
  const action = async (first: unknown, second?: unknown): Promise<ActionResult<T>> => {
    // `(previous, formData)` from useActionState, or `(input)` from a direct call.
    const raw = second instanceof FormData ? second : first;
    // Anonymous: the browser's language says "sign in first"; signed in: the user's own.
    let locale = await localeFor(null);
    try {
      const user = await requireApiUser();
      locale = await localeFor(user);
      if (!options.roles.includes(user.role)) throw new AppError("FORBIDDEN", FORBIDDEN);
      const input = parseInput(options.schema, options.form === "raw" ? raw : plainInput(raw), locale);
      try {
        return await handler(input, { user, now: new Date(), locale, t: translatorFor(locale) });
      } finally {
        // Whatever the handler changed (a store, a supplier, a deposit, the demo), the user's next
        // view reads it again, even after a failure that left part of a batch written.
        forgetViewReads(user.organizationId);
      }
    } catch (error) {
      return failureOf(error, raw, locale);
    }
  };
  return action as ServerAction<z.input<S>, T>;
}

/**
 * The same pipeline without a session, for the one action an anonymous visitor may call
 * (self-service sign-up): gate (feature switch, rate limit) → zod → handler → one result type.
 */
export function definePublicAction<S extends z.ZodType, T>(
  options: { schema: S; gate?: () => Promise<void> | void },
  handler: (input: z.output<S>, context: { now: Date; locale: Locale; t: Translator }) => Promise<ActionSuccess<T>>,
): ServerAction<z.input<S>, T> {
  const action = async (first: unknown, second?: unknown): Promise<ActionResult<T>> => {
    const raw = second instanceof FormData ? second : first;
    const locale = await localeFor(null);
    try {
      // Before the input is looked at: a switched-off feature says so, whatever was sent.
      await options.gate?.();
      return await handler(parseInput(options.schema, plainInput(raw), locale), { now: new Date(), locale, t: translatorFor(locale) });
    } catch (error) {
      return failureOf(error, raw, locale);
    }
  };
  return action as ServerAction<z.input<S>, T>;
}
