"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { localeFor } from "@/lib/i18n/locale-for";
import { translatorFor } from "@/lib/i18n/translator";
import { alertPreferencesSchema } from "@/lib/validations/alerts";
import { localeChoiceSchema } from "@/lib/validations/locale";
import { defineAction, succeed } from "./define-action";

// A user's own settings (/account): language, time zone and alert preferences. Suppliers are
// read-only here like everywhere for their alerts (they follow the owner's rules with the
// defaults); their language is their own, like everyone's.

export const saveAlertPreferencesAction = defineAction({ roles: ["OWNER", "OPS"], schema: alertPreferencesSchema }, async (p, { user, now, t }) => {
  const before = await db.alertPreference.findUnique({ where: { userId: user.id }, select: { digestUnsubscribedAt: true } });
  const prefs = {
    email: p.email,
    quietStart: p.quietStart || null,
    quietEnd: p.quietEnd || null,
    criticalBreaksQuiet: p.criticalBreaksQuiet,
    digestTime: p.digestTime || null,
    // Ticking "send me the digest" again undoes an unsubscribe link.
    digestUnsubscribedAt: p.digestSubscribed ? null : (before?.digestUnsubscribedAt ?? now),
  };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { timeZone: p.timeZone } });
    await tx.alertPreference.upsert({ where: { userId: user.id }, create: { userId: user.id, ...prefs }, update: prefs });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: user,
      action: "account.alert_preferences",
      entityType: "User",
      entityId: user.id,
      after: { ...prefs, digestUnsubscribedAt: prefs.digestUnsubscribedAt?.toISOString() ?? null, timeZone: p.timeZone },
    });
  });
  revalidatePath("/account");
  return succeed(undefined, t("account.preferences.saved"));
});

/**
 * The user's own language (/account, the shell's switcher); null = follow the browser's
 * Accept-Language. The answer is already in the language chosen, as the page will be.
 */
export const saveLocaleAction = defineAction({ roles: ["OWNER", "OPS", "SUPPLIER"], schema: localeChoiceSchema }, async ({ locale }, { user }) => {
  const before = await db.user.findUnique({ where: { id: user.id }, select: { locale: true } });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { locale } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: user,
      action: "account.locale",
      entityType: "User",
      entityId: user.id,
      before: { locale: before?.locale ?? null },
      after: { locale },
    });
  });
  // Every page speaks the new language: the layout (the shell) and whatever is open.
  revalidatePath("/", "layout");
  const shown = translatorFor(await localeFor({ locale }));
  return succeed({ locale }, shown("account.language.saved"));
});
