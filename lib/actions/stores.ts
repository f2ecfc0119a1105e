"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkOutboundUrl, OFFICIAL_HOSTS } from "@/lib/security/outbound-url";
import { decryptSecret, encryptSecret, STORE_SECRET_COLUMNS } from "@/lib/security/secrets";
import { SECRET_FIELDS, storeSettingsSchemaFor } from "@/lib/validations/stores";
import { defineAction, fieldError, parseInput, succeed } from "./define-action";

const PLAIN_FIELDS = ["name", "timeZone", "market", "kind", "currency", "joinedOn"] as const;

/**
 * The owner saves a store's settings: auth (OWNER only) → tenant check → zod → one transaction
 * with the audit entry → revalidate. Secrets are write-only: an empty input keeps the current
 * value, and the audit log records only that a secret changed, never the value.
 */
// The fields depend on the store's channel, known once the store is read: the pipeline checks the
// store id, the handler the rest with the channel's schema.
const storeFormSchema = z.looseObject({ storeId: z.string().trim().min(1, "No such store.").max(64, "No such store.") });

export const updateStoreSettings = defineAction({ roles: ["OWNER"], schema: storeFormSchema }, async ({ storeId, ...raw }, { user, t }) => {
  const store = await db.store.findFirst({
    where: { id: storeId, organizationId: user.organizationId },
    select: {
      id: true,
      channel: true,
      name: true,
      timeZone: true,
      market: true,
      kind: true,
      currency: true,
      joinedOn: true,
      webhookSecret: true,
      tiktokAppKey: true,
      tiktokAppSecret: true,
      tiktokAccessToken: true,
      tiktokShopCipher: true,
      tiktokApiBaseUrl: true,
      shopifyDomain: true,
      shopifyAccessToken: true,
      shopifyApiVersion: true,
    },
  });
  if (!store) throw new AppError("NOT_FOUND", t("stores.actions.noSuchStore"));

  const input = parseInput(storeSettingsSchemaFor(store.channel), raw);
  // Where sync will connect: the official host only, unless the operator allows others.
  if (input.tiktokApiBaseUrl !== undefined) {
    const checked = checkOutboundUrl(input.tiktokApiBaseUrl, OFFICIAL_HOSTS.tiktok);
    if (!checked.ok) throw fieldError("tiktokApiBaseUrl", checked.reason, t("stores.actions.checkFields"));
  }

  const next = {
    name: input.name,
    timeZone: input.timeZone,
    market: input.market,
    kind: store.channel === "TIKTOK_SHOP" ? (input.kind ?? null) : null,
    currency: input.currency,
    joinedOn: input.joinedOn,
  };
  const current = {
    name: store.name,
    timeZone: store.timeZone,
    market: store.market,
    kind: store.kind,
    currency: store.currency,
    joinedOn: store.joinedOn.toISOString().slice(0, 10),
  };

  const before: Record<string, string | null> = {};
  const after: Record<string, string | null> = {};
  for (const field of PLAIN_FIELDS) {
    if (current[field] !== next[field]) {
      before[field] = current[field];
      after[field] = next[field];
    }
  }
  const secretUpdates: Partial<Record<(typeof SECRET_FIELDS)[number], string>> = {};
  const encrypted = new Set<string>(STORE_SECRET_COLUMNS);
  for (const field of SECRET_FIELDS) {
    const value = input[field];
    // Secrets are stored encrypted (lib/security/secrets.ts): compare with the plaintext.
    const currentValue = encrypted.has(field) ? decryptSecret(store[field]) : store[field];
    if (value !== undefined && value !== currentValue) {
      secretUpdates[field] = encrypted.has(field) ? encryptSecret(value) : value;
      // Never the value, not even a hash: only that it was set or replaced.
      before[field] = store[field] ? "set" : "not set";
      after[field] = "changed";
    }
  }
  if (Object.keys(after).length === 0) return succeed(undefined, t("stores.actions.nothingToChange"));

  // New credentials: a refused or deauthorised connection is tried again; a new shop forgets the old one's webhooks.
  const credentialsChanged = Object.keys(secretUpdates).some((k) => k !== "webhookSecret" && k !== "shopifyApiVersion" && k !== "tiktokApiBaseUrl");
  const connectionReset = credentialsChanged ? { connectionState: null, connectionMessage: null, connectionChangedAt: null } : {};
  const topicsReset = "shopifyDomain" in secretUpdates ? { shopifyWebhookTopics: [] } : {};
  try {
    await db.$transaction(async (tx) => {
      await tx.store.update({
        where: { id: store.id },
        data: { ...next, joinedOn: new Date(`${next.joinedOn}T00:00:00Z`), ...secretUpdates, ...connectionReset, ...topicsReset },
        select: { id: true },
      });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actor: { id: user.id, email: user.email },
        action: "store.settings.update",
        entityType: "Store",
        entityId: store.id,
        before,
        after,
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw fieldError("name", t("stores.actions.nameTaken"), t("stores.actions.checkFields"));
    throw error;
  }
  revalidatePath("/stores");
  revalidatePath(`/stores/${store.id}`);
  revalidatePath("/");
  return succeed(undefined, t("stores.actions.saved", { count: Object.keys(after).length }));
});
