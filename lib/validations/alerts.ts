import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";
import { CLOCK_TIME, isValidTimeZone } from "@/lib/alerts/quiet-hours";
import { RULE_IDS } from "@/lib/policy/types";

// Alert settings (owner, /alerts/settings) and a user's own alert preferences (/account). Forms
// post FormData; multi-selects arrive as repeated fields, read with formArrays().

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, errorMessage("common.notId"));
const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(id.optional());

const httpUrl = (kind: "SLACK" | "WEBHOOK") =>
  z
    .string()
    .trim()
    .max(2_000)
    .url(kind === "SLACK" ? errorMessage("alerts.slackUrlFull") : errorMessage("alerts.webhookUrlFull"))
    .refine((v) => /^https?:\/\//i.test(v), kind === "SLACK" ? errorMessage("alerts.slackUrlHttps") : errorMessage("alerts.webhookUrlHttps"));

export const alertChannelSchema = z
  .object({
    id: optionalId,
    kind: z.enum(["EMAIL", "SLACK", "WEBHOOK"], { message: errorMessage("alerts.chooseKind") }),
    name: z
      .string()
      .trim()
      .min(1, errorMessage("alerts.nameChannel"))
      .max(60, errorMessage("common.atMostChars", { max: "60" })),
    /** The address (e-mail) or URL (Slack, webhook); blank on edit keeps the stored one. */
    target: z.string().trim().max(2_000).optional().default(""),
    /** Webhook only; blank on edit keeps the stored one. */
    secret: z.string().trim().max(200).optional().default(""),
  })
  .superRefine((c, ctx) => {
    const editing = Boolean(c.id);
    if (!c.target) {
      if (!editing)
        ctx.addIssue({ code: "custom", path: ["target"], message: c.kind === "EMAIL" ? errorMessage("alerts.enterEmail") : errorMessage("alerts.enterUrl") });
    } else if (c.kind === "EMAIL") {
      if (!z.string().email().safeParse(c.target).success) ctx.addIssue({ code: "custom", path: ["target"], message: errorMessage("alerts.validEmail") });
    } else {
      const url = httpUrl(c.kind).safeParse(c.target);
      if (!url.success) ctx.addIssue({ code: "custom", path: ["target"], message: url.error.issues[0]?.message ?? errorMessage("alerts.validUrl") });
    }
    if (c.kind === "WEBHOOK" && !editing && c.secret.length < 16)
      ctx.addIssue({ code: "custom", path: ["secret"], message: errorMessage("alerts.secretLength") });
    if (c.kind === "WEBHOOK" && editing && c.secret && c.secret.length < 16)
      ctx.addIssue({ code: "custom", path: ["secret"], message: errorMessage("alerts.secretLengthEdit") });
  });

export const SEVERITIES = ["INFO", "WARNING", "CRITICAL"] as const;
export const ALERT_ROLES = ["OWNER", "OPS", "SUPPLIER"] as const;

export const alertRuleSchema = z.object({
  id: optionalId,
  name: z
    .string()
    .trim()
    .min(1, errorMessage("alerts.nameRule"))
    .max(80, errorMessage("common.atMostChars", { max: "80" })),
  active: z
    .enum(["on", "off"])
    .optional()
    .transform((v) => v === "on"),
  rules: z.array(z.enum(RULE_IDS, { message: errorMessage("alerts.unknownRule") })).max(RULE_IDS.length),
  severities: z.array(z.enum(SEVERITIES, { message: errorMessage("alerts.unknownSeverity") })).max(3),
  storeIds: z.array(id).max(200),
  recipientRoles: z.array(z.enum(ALERT_ROLES, { message: errorMessage("alerts.unknownRole") })).max(3),
  recipientUserIds: z.array(id).max(500),
  channelIds: z.array(id).max(50),
  leadHours: z
    .string()
    .trim()
    .max(60)
    .optional()
    .default("")
    .transform((v, ctx) => {
      if (!v) return [];
      const parts = v.split(/[\s,]+/).filter(Boolean);
      const hours = parts.map(Number);
      if (hours.some((h) => !Number.isInteger(h) || h < 1 || h > 168)) {
        ctx.addIssue({ code: "custom", message: errorMessage("alerts.leadHours") });
        return z.NEVER;
      }
      return [...new Set(hours)].sort((a, b) => b - a);
    }),
  escalateAfterMinutes: z
    .string()
    .trim()
    .optional()
    .default("")
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 1_440) {
        ctx.addIssue({ code: "custom", message: errorMessage("alerts.escalateMinutes") });
        return z.NEVER;
      }
      return n;
    }),
});

export const deleteByIdSchema = z.object({ id });

const clock = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine((v) => v === "" || CLOCK_TIME.test(v), errorMessage("alerts.clockTime"));

export const alertPreferencesSchema = z
  .object({
    timeZone: z.string().trim().min(1, errorMessage("alerts.chooseZone")).max(64).refine(isValidTimeZone, errorMessage("alerts.unknownZone")),
    email: z
      .enum(["on", "off"])
      .optional()
      .transform((v) => v === "on"),
    quietStart: clock,
    quietEnd: clock,
    criticalBreaksQuiet: z
      .enum(["on", "off"])
      .optional()
      .transform((v) => v === "on"),
    digestTime: clock,
    digestSubscribed: z
      .enum(["on", "off"])
      .optional()
      .transform((v) => v === "on"),
  })
  .superRefine((p, ctx) => {
    if (Boolean(p.quietStart) !== Boolean(p.quietEnd))
      ctx.addIssue({ code: "custom", path: [p.quietStart ? "quietEnd" : "quietStart"], message: errorMessage("alerts.quietBoth") });
    if (p.quietStart && p.quietStart === p.quietEnd) ctx.addIssue({ code: "custom", path: ["quietEnd"], message: errorMessage("alerts.quietDiffer") });
  });

const ARRAY_FIELDS = ["rules", "severities", "storeIds", "recipientRoles", "recipientUserIds", "channelIds"] as const;

/** FormData as an object, the multi-select fields as arrays. */
export function formArrays(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !(ARRAY_FIELDS as readonly string[]).includes(k)) out[k] = v;
  for (const k of ARRAY_FIELDS) out[k] = form.getAll(k).filter((v): v is string => typeof v === "string");
  return out;
}
