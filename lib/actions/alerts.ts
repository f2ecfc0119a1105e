"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { alertChannelSchema, alertRuleSchema, deleteByIdSchema, formArrays } from "@/lib/validations/alerts";
import { z } from "zod";
import { defineAction, fieldError, succeed } from "./define-action";
import { encryptSecret } from "@/lib/security/secrets";

/** A Slack or webhook URL is a secret (it is the credential); a shared mailbox's address is not. */
const storedTarget = (kind: "EMAIL" | "SLACK" | "WEBHOOK", target: string) => (kind === "EMAIL" ? target : encryptSecret(target));

// Alert settings, owner only (/alerts/settings). Channel URLs and secrets are write-only: they are
// stored and used by the alert pass, never read back to a browser or into the audit log.

export const saveAlertChannelAction = defineAction(
  { roles: ["OWNER"], schema: alertChannelSchema },
  async ({ id, kind, name, target, secret }, { user, t }) => {
    const existing = id ? await db.alertChannel.findFirst({ where: { id, organizationId: user.organizationId }, select: { id: true, kind: true } }) : null;
    if (id && !existing) throw new AppError("NOT_FOUND", t("alerts.actions.noSuchChannel"));
    if (existing && existing.kind !== kind) throw fieldError("kind", t("alerts.actions.keepsKind"), t("alerts.actions.keepsKindSummary"));
    const clash = await db.alertChannel.findFirst({
      where: { organizationId: user.organizationId, name, ...(id ? { id: { not: id } } : {}) },
      select: { id: true },
    });
    if (clash) throw fieldError("name", t("alerts.actions.channelNameTaken"), t("alerts.actions.checkFields"));
    await db.$transaction(async (tx) => {
      const row = existing
        ? await tx.alertChannel.update({
            where: { id: existing.id },
            // A new URL may work where the old one did not: it is no longer marked broken.
            data: {
              name,
              ...(target ? { url: storedTarget(kind, target), brokenAt: null, brokenReason: null } : {}),
              ...(secret ? { secret: encryptSecret(secret) } : {}),
            },
            select: { id: true },
          })
        : await tx.alertChannel.create({
            data: {
              organizationId: user.organizationId,
              kind,
              name,
              url: storedTarget(kind, target),
              secret: kind === "WEBHOOK" && secret ? encryptSecret(secret) : null,
            },
            select: { id: true },
          });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actor: user,
        action: existing ? "alert_channel.update" : "alert_channel.create",
        entityType: "AlertChannel",
        entityId: row.id,
        after: { kind, name, targetChanged: Boolean(target), secretChanged: Boolean(secret) },
      });
    });
    revalidatePath("/alerts/settings");
    revalidatePath("/alerts");
    return succeed(undefined, t(existing ? "alerts.actions.channelSaved" : "alerts.actions.channelAdded"));
  },
);

export const deleteAlertChannelAction = defineAction({ roles: ["OWNER"], schema: deleteByIdSchema }, async ({ id }, { user, t }) => {
  const channel = await db.alertChannel.findFirst({ where: { id, organizationId: user.organizationId }, select: { id: true, name: true, kind: true } });
  if (!channel) throw new AppError("NOT_FOUND", t("alerts.actions.noSuchChannel"));
  await db.$transaction(async (tx) => {
    await tx.alertChannel.delete({ where: { id: channel.id } });
    // Rules keep working without it.
    const rules = await tx.alertRule.findMany({
      where: { organizationId: user.organizationId, channelIds: { has: channel.id } },
      select: { id: true, channelIds: true },
    });
    for (const r of rules) await tx.alertRule.update({ where: { id: r.id }, data: { channelIds: r.channelIds.filter((c) => c !== channel.id) } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: user,
      action: "alert_channel.delete",
      entityType: "AlertChannel",
      entityId: channel.id,
      before: { name: channel.name, kind: channel.kind },
    });
  });
  revalidatePath("/alerts/settings");
  return succeed(undefined, t("alerts.actions.channelRemoved", { name: channel.name }));
});

// Checkbox groups send one field per ticked value: the form is read with its arrays.
const ruleFormSchema = z.instanceof(FormData, { message: "Send the rule form" }).transform(formArrays).pipe(alertRuleSchema);

export const saveAlertRuleAction = defineAction({ roles: ["OWNER"], schema: ruleFormSchema, form: "raw" }, async ({ id, ...rule }, { user, t }) => {
  const org = user.organizationId;
  const [existing, stores, users, channels, clash] = await Promise.all([
    id ? db.alertRule.findFirst({ where: { id, organizationId: org }, select: { id: true } }) : null,
    db.store.count({ where: { organizationId: org, id: { in: rule.storeIds } } }),
    db.user.count({ where: { organizationId: org, id: { in: rule.recipientUserIds } } }),
    db.alertChannel.count({ where: { organizationId: org, id: { in: rule.channelIds } } }),
    db.alertRule.findFirst({ where: { organizationId: org, name: rule.name, ...(id ? { id: { not: id } } : {}) }, select: { id: true } }),
  ]);
  if (id && !existing) throw new AppError("NOT_FOUND", t("alerts.actions.noSuchRule"));
  // Ids from the form must be this organisation's, or the rule could name another's users.
  const checkFields = t("alerts.actions.checkFields");
  if (stores !== rule.storeIds.length) throw fieldError("storeIds", t("alerts.actions.chooseStores"), checkFields);
  if (users !== rule.recipientUserIds.length) throw fieldError("recipientUserIds", t("alerts.actions.chooseUsers"), checkFields);
  if (channels !== rule.channelIds.length) throw fieldError("channelIds", t("alerts.actions.chooseChannels"), checkFields);
  if (!rule.recipientRoles.length && !rule.recipientUserIds.length && !rule.channelIds.length) {
    throw fieldError("recipientRoles", t("alerts.actions.chooseRecipients"), checkFields);
  }
  if (clash) throw fieldError("name", t("alerts.actions.ruleNameTaken"), checkFields);
  await db.$transaction(async (tx) => {
    const row = existing
      ? await tx.alertRule.update({ where: { id: existing.id }, data: rule, select: { id: true } })
      : await tx.alertRule.create({ data: { ...rule, organizationId: org }, select: { id: true } });
    await recordAudit(tx, {
      organizationId: org,
      actor: user,
      action: existing ? "alert_rule.update" : "alert_rule.create",
      entityType: "AlertRule",
      entityId: row.id,
      after: rule,
    });
  });
  revalidatePath("/alerts/settings");
  return succeed(undefined, t(existing ? "alerts.actions.ruleSaved" : "alerts.actions.ruleAdded"));
});

export const deleteAlertRuleAction = defineAction({ roles: ["OWNER"], schema: deleteByIdSchema }, async ({ id }, { user, t }) => {
  const rule = await db.alertRule.findFirst({ where: { id, organizationId: user.organizationId }, select: { id: true, name: true } });
  if (!rule) throw new AppError("NOT_FOUND", t("alerts.actions.noSuchRule"));
  await db.$transaction(async (tx) => {
    await tx.alertRule.delete({ where: { id: rule.id } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: user,
      action: "alert_rule.delete",
      entityType: "AlertRule",
      entityId: rule.id,
      before: { name: rule.name },
    });
  });
  revalidatePath("/alerts/settings");
  return succeed(undefined, t("alerts.actions.ruleRemoved", { name: rule.name }));
});
