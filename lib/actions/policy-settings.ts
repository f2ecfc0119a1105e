"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { forgetCachedOrganization } from "@/lib/data/cache";
import { forgetOrganizationSettings, readOrganizationSettingsDetail } from "@/lib/data/settings";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatIssuePath, settingsOverridesSchema } from "@/lib/policy/facts-schema";
import { mergeSettings, type PolicySettingsOverrides } from "@/lib/policy/settings";
import { type FieldParse, SETTINGS_FIELDS, type SettingsField, parseFieldValue, settingsField, withField } from "@/lib/policy/settings-fields";
import type { Locale } from "@/lib/i18n/locales";
import { settingsFieldTextIn } from "@/lib/i18n/policy-text";
import type { Translator } from "@/lib/i18n/translator";
import { reevaluateOrganizations } from "@/lib/jobs/reevaluate";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineAction, succeed } from "./define-action";

// Owner policy settings (/settings/policy): every threshold and effective date of the calendar,
// within bounds, audited with before and after, then applied to the organisation's open orders
// (and store, creator and listing flags) by the re-evaluation job. The settings reader forgets
// its cached copy, so the queue, the countdowns and exposure show the change at once.

export type PolicySettingsResult = { changed: string[]; reevaluated: { orders: number; flags: number } };

const AUDIT_ACTION = "policy.settings.update";

/** Cross-field rules the per-field bounds cannot express, on the merged settings, in the owner's language. */
function crossFieldErrors(overrides: PolicySettingsOverrides, t: Translator): Record<string, string> {
  const s = mergeSettings(overrides);
  const errors: Record<string, string> = {};
  if (s.dispatch.criticalHours > s.dispatch.dueSoonHours) errors["dispatch.criticalHours"] = t("policy.settings.errors.criticalAfterDueSoon");
  if (s.returns.criticalHours > s.returns.dueSoonHours) errors["returns.criticalHours"] = t("policy.settings.errors.criticalAfterDueSoon");
  if (s.returns.usLargeRefundBusinessDays < s.returns.usBusinessDays)
    errors["returns.usLargeRefundBusinessDays"] = t("policy.settings.errors.largeRefundShorter");
  if (s.registration.licenceWarnDaysLeft < s.registration.licenceMinDaysLeft)
    errors["registration.licenceWarnDaysLeft"] = t("policy.settings.errors.warnBeforeMinimum");
  if (s.deposit.criticalDays > s.deposit.warningDays) errors["deposit.criticalDays"] = t("policy.settings.errors.criticalBeforeWarning");
  const ldr = s.shopPerformance.lateDispatchRate;
  if (ldr.enforcementAbovePercent < ldr.maxPercent)
    errors["shopPerformance.lateDispatchRate.enforcementAbovePercent"] = t("policy.settings.errors.enforcementBelowHealthy");
  return errors;
}

/** A refused field value in the owner's language, with the field's unit in it. */
function fieldErrorText(field: SettingsField, parsed: Extract<FieldParse, { ok: false }>, t: Translator, locale: Locale): string {
  const unit = settingsFieldTextIn(field, locale).unit;
  switch (parsed.code) {
    case "date":
      return t("policy.settings.errors.date");
    case "dateRange":
      return t("policy.settings.errors.dateRange", { from: "2024-01-01", to: "2030-12-31" });
    case "number":
      return t("policy.settings.errors.number", { unit });
    case "wholeNumber":
      return t("policy.settings.errors.wholeNumber", { unit });
    case "between":
      return t("policy.settings.errors.between", { min: String(field.min), max: String(field.max), unit });
  }
}

/**
 * Saves the submitted fields. A field left empty, or a `reset` of its key, goes back to the
 * default; fields not in the form are kept as they are. Only the differences from the defaults
 * are stored (Organization.policy).
 */
const refused = (fieldErrors: Record<string, string>, t: Translator) => new AppError("BAD_REQUEST", t("policy.settings.errors.refused"), { fieldErrors });

export const updatePolicySettingsAction = defineAction(
  { roles: ["OWNER"], schema: z.instanceof(FormData, { message: "Send the settings form" }), form: "raw" },
  async (form, { user: actor, now, t, locale }) => {
    const { overrides: before } = await readOrganizationSettingsDetail(db, actor.organizationId);
    let after: PolicySettingsOverrides = before;
    const fieldErrors: Record<string, string> = {};

    const resets = form.getAll("reset").map(String);
    for (const key of resets) {
      const field = key === "all" ? null : settingsField(key);
      if (key === "all") after = {};
      else if (field) after = withField(after, field, null);
      else fieldErrors.form = t("policy.settings.errors.unknown", { key: key.slice(0, 80) });
    }
    for (const [key, raw] of form.entries()) {
      if (key === "reset" || key.startsWith("$")) continue;
      const field = settingsField(key);
      if (!field) {
        fieldErrors.form = t("policy.settings.errors.unknown", { key: key.slice(0, 80) });
        continue;
      }
      if (resets.includes(key) || resets.includes("all")) continue;
      const parsed = parseFieldValue(field, typeof raw === "string" ? raw : "");
      if (!parsed.ok) fieldErrors[key] = fieldErrorText(field, parsed, t, locale);
      else after = withField(after, field, parsed.value);
    }
    if (Object.keys(fieldErrors).length) throw refused(fieldErrors, t);

    const schema = settingsOverridesSchema.safeParse(after);
    if (!schema.success) {
      const errors: Record<string, string> = {};
      for (const i of schema.error.issues) errors[formatIssuePath(i.path)] ??= i.message;
      throw refused(errors, t);
    }
    const cross = crossFieldErrors(after, t);
    if (Object.keys(cross).length) throw refused(cross, t);

    const changed = SETTINGS_FIELDS.filter((f) => JSON.stringify(valueAt(before, f.key)) !== JSON.stringify(valueAt(after, f.key))).map((f) => f.key);
    if (changed.length === 0) return succeed<PolicySettingsResult>({ changed, reevaluated: { orders: 0, flags: 0 } }, t("policy.settings.result.noChange"));

    await db.$transaction(async (tx) => {
      await tx.organization.update({ where: { id: actor.organizationId }, data: { policy: after as Prisma.InputJsonValue } });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actor,
        action: AUDIT_ACTION,
        entityType: "PolicySettings",
        entityId: actor.organizationId,
        before: { overrides: before, changed: Object.fromEntries(changed.map((k) => [k, valueAt(before, k) ?? null])) } as Prisma.InputJsonValue,
        after: { overrides: after, changed: Object.fromEntries(changed.map((k) => [k, valueAt(after, k) ?? null])) } as Prisma.InputJsonValue,
      });
    });
    forgetOrganizationSettings(actor.organizationId);
    forgetCachedOrganization(actor.organizationId);
    // The re-evaluation job (what `npm run risk:reevaluate -- --org <id>` does) on the open orders.
    const [result] = await reevaluateOrganizations(db, now, actor.organizationId);
    for (const path of ["/settings/policy", "/policy", "/risk", "/orders", "/stores", "/", "/digest", "/compliance", "/returns"]) revalidatePath(path);
    return succeed<PolicySettingsResult>(
      { changed, reevaluated: { orders: result?.orders ?? 0, flags: result?.flags ?? 0 } },
      t("policy.settings.result.saved", { count: changed.length, orders: result?.orders ?? 0 }),
    );
  },
);

function valueAt(overrides: PolicySettingsOverrides, key: string): unknown {
  if (key.startsWith("effectiveFrom.")) return (overrides.effectiveFrom as Record<string, unknown> | undefined)?.[key.slice(14)];
  let v: unknown = overrides;
  for (const p of key.split(".")) v = v && typeof v === "object" ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}
