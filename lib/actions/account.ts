"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { alertPreferencesSchema } from "@/lib/validations/alerts";
import { defineAction, succeed } from "./define-action";

// A user's own settings (/account): time zone and alert preferences. Suppliers are read-only
// here like everywhere; their alerts follow the owner's rules with the defaults.

export const saveAlertPreferencesAction = defineAction({ roles: ["OWNER", "OPS"], schema: alertPreferencesSchema }, async (p, { user, now }) => {
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
  return succeed(undefined, "Saved. The next alert pass uses these settings.");
});
