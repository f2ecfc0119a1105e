"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth";
import { refreshListings } from "@/lib/flags/refresh-compliance";
import { mapCsv } from "@/lib/compliance/csv";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { rerouteOrders } from "@/lib/ingest/routing";
import { ruleIdSchema, skuRuleSchema, storeDefaultSchema, supplierSchema, warehouseRuleSchema } from "@/lib/validations/setup";
import { type ActionContext, defineAction, fieldError, succeed } from "./define-action";

// Suppliers and the rules that route orders to them (lib/ingest/routing.ts). Every rule change
// re-routes the organisation's open orders in the same transaction as the change and its audit
// entry; orders already shipped keep their supplier.

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });
type T = ActionContext["t"];

async function ownSupplier(tx: Tx | typeof db, user: SessionUser, t: T, supplierId: string, field = "supplierId") {
  const supplier = await tx.supplier.findFirst({ where: { id: supplierId, organizationId: user.organizationId }, select: { id: true, name: true } });
  if (!supplier) throw fieldError(field, t("suppliers.actions.chooseSupplier"), t("suppliers.actions.checkFields"));
  return supplier;
}

function revalidateRouting() {
  for (const path of ["/suppliers", "/orders", "/", "/listings", "/risk"]) revalidatePath(path);
}

const movedNote = (t: T, n: number) => (n === 0 ? t("suppliers.actions.noneMoved") : t("suppliers.actions.moved", { count: n }));

export const saveSupplierAction = defineAction({ roles: ["OWNER"], schema: supplierSchema }, async ({ supplierId, ...fields }, { user, t }) => {
  const data = { ...fields, contactEmail: fields.contactEmail ?? null };
  try {
    const saved = await db.$transaction(async (tx) => {
      if (!supplierId) {
        const row = await tx.supplier.create({ data: { ...data, organizationId: user.organizationId }, select: { id: true } });
        await recordAudit(tx, {
          organizationId: user.organizationId,
          actor: actorOf(user),
          action: "supplier.create",
          entityType: "Supplier",
          entityId: row.id,
          after: data,
        });
        return { id: row.id, created: true };
      }
      const before = await tx.supplier.findFirst({
        where: { id: supplierId, organizationId: user.organizationId },
        select: { id: true, name: true, shipFromCountry: true, promisedOutboundHours: true, promisedDeliveryDays: true, contactEmail: true },
      });
      if (!before) throw new AppError("NOT_FOUND", t("suppliers.actions.noSuchSupplier"));
      await tx.supplier.update({ where: { id: before.id }, data, select: { id: true } });
      const was = {
        name: before.name,
        shipFromCountry: before.shipFromCountry,
        promisedOutboundHours: before.promisedOutboundHours,
        promisedDeliveryDays: before.promisedDeliveryDays,
        contactEmail: before.contactEmail,
      };
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actor: actorOf(user),
        action: "supplier.update",
        entityType: "Supplier",
        entityId: before.id,
        before: was,
        after: data,
      });
      return { id: before.id, created: false };
    });
    revalidateRouting();
    return succeed({ id: saved.id }, t(saved.created ? "suppliers.actions.added" : "suppliers.actions.saved", { name: fields.name }));
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw fieldError("name", t("suppliers.actions.nameTaken"), t("suppliers.actions.checkFields"));
    throw error;
  }
});

/** Routing by SKU: the listing's supplier (null: the SKU is routed by warehouse or store default). */
export const setSkuSupplierAction = defineAction({ roles: ["OWNER"], schema: skuRuleSchema }, async ({ sku, supplierId }, { user, now, t }) => {
  const result = await db.$transaction(async (tx) => {
    const supplier = supplierId ? await ownSupplier(tx, user, t, supplierId) : null;
    const listing = await tx.listing.findFirst({ where: { organizationId: user.organizationId, sku }, select: { id: true, supplierId: true } });
    // A SKU not seen on any order yet: the rule creates its listing, so the first order routes.
    const row = listing
      ? await tx.listing.update({ where: { id: listing.id }, data: { supplierId: supplier?.id ?? null }, select: { id: true } })
      : await tx.listing.create({ data: { organizationId: user.organizationId, sku, name: sku, supplierId: supplier?.id ?? null }, select: { id: true } });
    const moved = await rerouteOrders(tx, user.organizationId);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: "routing.sku",
      entityType: "Listing",
      entityId: row.id,
      before: { sku, supplierId: listing?.supplierId ?? null },
      after: { sku, supplierId: supplier?.id ?? null, rerouted: moved },
    });
    return { listingId: row.id, moved, supplierName: supplier?.name ?? null };
  });
  await refreshListings(db, user.organizationId, [result.listingId], now);
  revalidateRouting();
  return succeed(
    { moved: result.moved },
    t("suppliers.actions.skuRouted", { sku, supplier: result.supplierName ?? t("suppliers.actions.noSupplier"), moved: movedNote(t, result.moved) }),
  );
});

export const addWarehouseRuleAction = defineAction({ roles: ["OWNER"], schema: warehouseRuleSchema }, async ({ warehouseName, supplierId }, { user, t }) => {
  const result = await db.$transaction(async (tx) => {
    const supplier = await ownSupplier(tx, user, t, supplierId);
    const rules = await tx.routingRule.findMany({
      where: { organizationId: user.organizationId },
      select: { id: true, warehouseName: true, supplierId: true },
    });
    const same = rules.find((r) => r.warehouseName.trim().toLowerCase() === warehouseName.toLowerCase());
    const rule = same
      ? await tx.routingRule.update({ where: { id: same.id }, data: { supplierId: supplier.id }, select: { id: true } })
      : await tx.routingRule.create({ data: { organizationId: user.organizationId, warehouseName, supplierId: supplier.id }, select: { id: true } });
    const moved = await rerouteOrders(tx, user.organizationId);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: "routing.warehouse.set",
      entityType: "RoutingRule",
      entityId: rule.id,
      before: same ? { warehouseName: same.warehouseName, supplierId: same.supplierId } : null,
      after: { warehouseName, supplierId: supplier.id, rerouted: moved },
    });
    return { moved, supplierName: supplier.name };
  });
  revalidateRouting();
  return succeed(
    { moved: result.moved },
    t("suppliers.actions.warehouseRouted", { warehouse: warehouseName, supplier: result.supplierName, moved: movedNote(t, result.moved) }),
  );
});

export const removeWarehouseRuleAction = defineAction({ roles: ["OWNER"], schema: ruleIdSchema }, async ({ ruleId }, { user, t }) => {
  const result = await db.$transaction(async (tx) => {
    const rule = await tx.routingRule.findFirst({
      where: { id: ruleId, organizationId: user.organizationId },
      select: { id: true, warehouseName: true, supplierId: true },
    });
    if (!rule) throw new AppError("NOT_FOUND", t("suppliers.actions.noSuchRule"));
    await tx.routingRule.delete({ where: { id: rule.id } });
    const moved = await rerouteOrders(tx, user.organizationId);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: "routing.warehouse.remove",
      entityType: "RoutingRule",
      entityId: rule.id,
      before: { warehouseName: rule.warehouseName, supplierId: rule.supplierId },
      after: { rerouted: moved },
    });
    return { moved, warehouseName: rule.warehouseName };
  });
  revalidateRouting();
  return succeed({ moved: result.moved }, t("suppliers.actions.ruleRemoved", { warehouse: result.warehouseName, moved: movedNote(t, result.moved) }));
});

export const setStoreDefaultSupplierAction = defineAction({ roles: ["OWNER"], schema: storeDefaultSchema }, async ({ storeId, supplierId }, { user, t }) => {
  const result = await db.$transaction(async (tx) => {
    const store = await tx.store.findFirst({
      where: { id: storeId, organizationId: user.organizationId },
      select: { id: true, name: true, defaultSupplierId: true },
    });
    if (!store) throw new AppError("NOT_FOUND", t("suppliers.actions.noSuchStore"));
    const supplier = supplierId ? await ownSupplier(tx, user, t, supplierId) : null;
    await tx.store.update({ where: { id: store.id }, data: { defaultSupplierId: supplier?.id ?? null }, select: { id: true } });
    const moved = await rerouteOrders(tx, user.organizationId);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: "routing.store_default",
      entityType: "Store",
      entityId: store.id,
      before: { defaultSupplierId: store.defaultSupplierId },
      after: { defaultSupplierId: supplier?.id ?? null, rerouted: moved },
    });
    return { moved, storeName: store.name, supplierName: supplier?.name ?? null };
  });
  revalidateRouting();
  return succeed(
    { moved: result.moved },
    t("suppliers.actions.storeDefault", {
      store: result.storeName,
      supplier: result.supplierName ?? t("suppliers.actions.noDefault"),
      moved: movedNote(t, result.moved),
    }),
  );
});

const MAX_STOCK_CSV = 2_000_000;
const stockRow = z.object({
  sku: z.string().trim().min(1, "SKU is empty").max(100, "SKU is too long"),
  available: z
    .string()
    .trim()
    .regex(/^\d+$/, "available must be a whole number of units, 0 or more")
    .transform(Number)
    .pipe(z.number().int().max(10_000_000, "available is implausibly large")),
});
const stockImportSchema = z.object({
  supplierId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose one of your suppliers."),
  csv: z.string().min(1, "Choose a CSV file (columns: SKU, available).").max(MAX_STOCK_CSV, "The file is over 2 MB: split it."),
});

export type StockImportResult = { updated: number; errors: { line: number; message: string }[] };

/**
 * A supplier's stock file (CSV with the columns SKU and available): sets the available units of
 * the listings routed to that supplier, or routed to nobody. SKUs the catalogue does not have, or
 * that another supplier ships, are row errors; the valid rows are saved.
 */
export const importSupplierStockAction = defineAction({ roles: ["OWNER", "OPS"], schema: stockImportSchema }, async ({ supplierId, csv }, { user, now, t }) => {
  const supplier = await ownSupplier(db, user, t, supplierId);
  const mapped = mapCsv(csv, stockRow, { required: ["sku", "available"] });
  const errors = mapped.errors.map((e) => ({ line: e.line, message: e.message }));
  if (mapped.rows.length === 0) {
    if (errors.length === 0) errors.push({ line: 1, message: t("suppliers.actions.noRows") });
    throw new AppError(
      "BAD_REQUEST",
      t("suppliers.actions.nothingImported", {
        errors: errors
          .slice(0, 3)
          .map((e) => t("suppliers.actions.rowError", { line: String(e.line), message: e.message }))
          .join("; "),
      }),
      { fieldErrors: { csv: errors[0]?.message ?? t("suppliers.actions.notUsable") }, errors },
    );
  }
  const skus = [...new Set(mapped.rows.map((r) => r.data.sku))];
  const listings = await db.listing.findMany({
    where: { organizationId: user.organizationId, sku: { in: skus } },
    select: { id: true, sku: true, supplierId: true, availableStock: true },
  });
  const bySku = new Map(listings.map((l) => [l.sku, l]));
  const updates = new Map<string, { id: string; before: number; after: number }>();
  for (const { line, data } of mapped.rows) {
    const listing = bySku.get(data.sku);
    if (!listing) errors.push({ line, message: t("suppliers.actions.skuUnknown", { sku: data.sku }) });
    else if (listing.supplierId && listing.supplierId !== supplier.id)
      errors.push({ line, message: t("suppliers.actions.skuOtherSupplier", { sku: data.sku }) });
    else updates.set(listing.id, { id: listing.id, before: listing.availableStock, after: data.available });
  }
  await db.$transaction(async (tx) => {
    for (const u of updates.values())
      await tx.listing.update({ where: { id: u.id }, data: { availableStock: u.after, stockUpdatedAt: now }, select: { id: true } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: actorOf(user),
      action: "supplier.stock_import",
      entityType: "Supplier",
      entityId: supplier.id,
      after: { updated: updates.size, errors: errors.length, listings: [...updates.values()].slice(0, 200) },
    });
  });
  if (updates.size > 0) await refreshListings(db, user.organizationId, [...updates.keys()], now);
  revalidatePath("/listings");
  revalidatePath("/suppliers");
  revalidatePath("/risk");
  const result: StockImportResult = { updated: updates.size, errors };
  return succeed(
    result,
    errors.length
      ? t("suppliers.actions.stockUpdatedRefused", { supplier: supplier.name, count: updates.size, refused: errors.length })
      : t("suppliers.actions.stockUpdated", { supplier: supplier.name, count: updates.size }),
  );
});
