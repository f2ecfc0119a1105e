"use server";

import { queueStockPushes } from "@/lib/channels/stock-push";
import { getEnv } from "@/lib/env";
import { dispatchPushes } from "@/lib/jobs/push-queue";
import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth";
import { refreshCreatorFlags, refreshListingFlags, refreshStoreCompliance } from "@/lib/flags/refresh-compliance";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { creatorSchema, depositEntrySchema, listingPriceSchema, registrationSchema, stockSchema, videoSchema } from "@/lib/validations/compliance";
import { type ActionContext, defineAction, fieldError, succeed } from "./define-action";

// Compliance writes: auth → zod → tenant check → write + audit in one transaction → refresh the
// flags → revalidate. Ids from the client are only used together with the session's organisation.

const OWNER: readonly Role[] = ["OWNER"];
const OWNER_OPS: readonly Role[] = ["OWNER", "OPS"];

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });
type T = ActionContext["t"];

async function ownStore(user: SessionUser, storeId: string, t: T) {
  const store = await db.store.findFirst({ where: { id: storeId, organizationId: user.organizationId }, select: { id: true, channel: true } });
  if (!store) throw new AppError("NOT_FOUND", t("compliance.actions.noSuchStore"));
  return store;
}

async function ownCreator(user: SessionUser, creatorId: string, t: T) {
  const creator = await db.creator.findFirst({ where: { id: creatorId, organizationId: user.organizationId }, select: { id: true } });
  if (!creator) throw new AppError("NOT_FOUND", t("compliance.actions.noSuchCreator"));
  return creator;
}

async function ownListing(user: SessionUser, listingId: string, t: T) {
  const listing = await db.listing.findFirst({
    where: { id: listingId, organizationId: user.organizationId },
    select: { id: true, sku: true, availableStock: true },
  });
  if (!listing) throw new AppError("NOT_FOUND", t("compliance.actions.noSuchListing"));
  return listing;
}

function revalidateCompliance(...extra: string[]) {
  for (const path of ["/compliance", "/risk", "/", "/stores", ...extra]) revalidatePath(path);
}

export const upsertRegistration = defineAction({ roles: OWNER, schema: registrationSchema }, async (data, { user, now, t }) => {
  const store = await ownStore(user, data.storeId, t);
  if (store.channel !== "TIKTOK_SHOP") throw new AppError("BAD_REQUEST", t("compliance.actions.registrationTikTokOnly"));
  const values = {
    legalName: data.legalName,
    entityType: data.entityType,
    registrationCountry: data.registrationCountry,
    incorporatedOn: new Date(`${data.incorporatedOn}T00:00:00Z`),
    licenceExpiresOn: data.licenceExpiresOn ? new Date(`${data.licenceExpiresOn}T00:00:00Z`) : null,
  };
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.businessRegistration.findUnique({
      where: { storeId: store.id },
      select: { legalName: true, entityType: true, registrationCountry: true, incorporatedOn: true, licenceExpiresOn: true },
    });
    const row = await tx.businessRegistration.upsert({
      where: { storeId: store.id },
      create: { storeId: store.id, ...values },
      update: values,
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: before ? "registration.update" : "registration.create",
      entityType: "BusinessRegistration",
      entityId: row.id,
      before: before ? JSON.parse(JSON.stringify(before)) : null,
      after: JSON.parse(JSON.stringify(values)),
    });
    return row;
  });
  await refreshStoreCompliance(db, store.id, now);
  revalidateCompliance(`/stores/${store.id}`);
  return succeed({ id: saved.id }, t("compliance.actions.registrationSaved"));
});

export const recordDepositEntry = defineAction({ roles: OWNER, schema: depositEntrySchema }, async (data, { user, now, t }) => {
  const store = await ownStore(user, data.storeId, t);
  if (store.channel !== "TIKTOK_SHOP") throw new AppError("BAD_REQUEST", t("compliance.actions.depositTikTokOnly"));
  const occurredAt = data.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000)
    throw fieldError("occurredAt", t("compliance.actions.depositInFuture"), t("compliance.actions.checkFields"));
  const saved = await db.$transaction(async (tx) => {
    const row = await tx.depositEntry.create({
      data: { storeId: store.id, kind: data.kind, amountMinor: data.amount, currency: data.currency, occurredAt, note: data.note, createdById: user.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: "deposit.record",
      entityType: "DepositEntry",
      entityId: row.id,
      before: null,
      after: { storeId: store.id, kind: data.kind, amountMinor: data.amount, currency: data.currency, occurredAt: occurredAt.toISOString(), note: data.note },
    });
    return row;
  });
  await refreshStoreCompliance(db, store.id, now);
  revalidateCompliance(`/stores/${store.id}`);
  return succeed({ id: saved.id }, t("compliance.actions.depositRecorded"));
});

export const addCreator = defineAction({ roles: OWNER, schema: creatorSchema }, async (data, { user, t }) => {
  const store = await ownStore(user, data.storeId, t);
  if (store.channel !== "TIKTOK_SHOP") throw new AppError("BAD_REQUEST", t("compliance.actions.creatorsTikTokOnly"));
  const taken = await db.creator.findFirst({ where: { organizationId: user.organizationId, handle: data.handle }, select: { id: true } });
  if (taken)
    throw new AppError("CONFLICT", t("compliance.actions.checkFields"), {
      fieldErrors: { handle: t("compliance.actions.handleTaken", { handle: data.handle }) },
    });
  const saved = await db.$transaction(async (tx) => {
    const row = await tx.creator.create({
      data: { organizationId: user.organizationId, storeId: store.id, handle: data.handle, displayName: data.displayName },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: "creator.create",
      entityType: "Creator",
      entityId: row.id,
      before: null,
      after: { ...data },
    });
    return row;
  });
  revalidatePath("/creators");
  return succeed({ id: saved.id }, t("compliance.actions.creatorAdded", { handle: data.handle }));
});

export const recordVideo = defineAction({ roles: OWNER_OPS, schema: videoSchema }, async (data, { user, now, t }) => {
  const creator = await ownCreator(user, data.creatorId, t);
  if (data.postedAt.getTime() > now.getTime() + 5 * 60_000)
    throw fieldError("postedAt", t("compliance.actions.videoInFuture"), t("compliance.actions.checkFields"));
  const saved = await db.$transaction(async (tx) => {
    const row = await tx.shopVideo.create({
      data: { creatorId: creator.id, postedAt: data.postedAt, title: data.title, format: data.format, hasProductLink: data.hasProductLink, style: data.style },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: "video.record",
      entityType: "ShopVideo",
      entityId: row.id,
      before: null,
      after: { ...data, postedAt: data.postedAt.toISOString() },
    });
    return row;
  });
  await refreshCreatorFlags(db, creator.id, now);
  revalidatePath("/creators");
  revalidatePath(`/creators/${creator.id}`);
  revalidatePath("/risk");
  return succeed({ id: saved.id }, t("compliance.actions.videoRecorded"));
});

export const setListingPrice = defineAction({ roles: OWNER, schema: listingPriceSchema }, async (data, { user, now, t }) => {
  const listing = await ownListing(user, data.listingId, t);
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.listingPrice.findFirst({
      where: { listingId: listing.id, channel: data.channel, currency: data.currency, effectiveAt: { lte: now } },
      orderBy: [{ effectiveAt: "desc" }, { createdAt: "desc" }],
      select: { priceMinor: true, effectiveAt: true },
    });
    const row = await tx.listingPrice.create({
      data: { listingId: listing.id, channel: data.channel, currency: data.currency, priceMinor: data.price, effectiveAt: now, createdById: user.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: "listing.price",
      entityType: "Listing",
      entityId: listing.id,
      before: before ? { channel: data.channel, currency: data.currency, priceMinor: before.priceMinor } : null,
      after: { channel: data.channel, currency: data.currency, priceMinor: data.price },
    });
    return row;
  });
  await refreshListingFlags(db, listing.id, now);
  revalidatePath("/listings");
  revalidatePath("/risk");
  return succeed({ id: saved.id }, t("compliance.actions.priceSaved", { sku: listing.sku }));
});

export const setStock = defineAction({ roles: OWNER_OPS, schema: stockSchema }, async (data, { user, now, t }) => {
  const listing = await ownListing(user, data.listingId, t);
  await db.$transaction(async (tx) => {
    await tx.listing.update({ where: { id: listing.id }, data: { availableStock: data.availableStock, stockUpdatedAt: now } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: "listing.stock",
      entityType: "Listing",
      entityId: listing.id,
      before: { availableStock: listing.availableStock },
      after: { availableStock: data.availableStock },
    });
  });
  await refreshListingFlags(db, listing.id, now);
  // The new sellable quantity goes to both channels (lib/channels/stock-push.ts).
  await dispatchPushes(db, getEnv().DATABASE_URL, await queueStockPushes(db, user.organizationId, [listing.sku], now));
  revalidatePath("/listings");
  revalidatePath("/risk");
  return succeed(undefined, t("compliance.actions.stockSet", { sku: listing.sku, units: String(data.availableStock) }));
});
