import { randomUUID } from "node:crypto";
import type { Db } from "../lib/database/client";
import type { Role, Severity } from "../lib/generated/prisma/enums";

// Per-test data for the alert tests: an organisation of its own with one TikTok US store, an
// owner, an ops user and a supplier's user, and helpers for orders, flags and rules.

export type AlertOrg = Awaited<ReturnType<typeof createAlertOrg>>;

export async function createAlertOrg(prisma: Db, options: { timeZone?: string } = {}) {
  const tag = randomUUID().slice(0, 8);
  const org = await prisma.organization.create({ data: { name: `Alerts ${tag}` }, select: { id: true, name: true } });
  const store = await prisma.store.create({
    data: {
      organizationId: org.id,
      name: `TikTok US ${tag}`,
      channel: "TIKTOK_SHOP",
      market: "US",
      kind: "LOCAL",
      timeZone: options.timeZone ?? "America/Los_Angeles",
      joinedOn: new Date("2025-01-01T00:00:00Z"),
    },
    select: { id: true, name: true, timeZone: true },
  });
  const supplier = await prisma.supplier.create({
    data: { organizationId: org.id, name: `Supplier ${tag}`, shipFromCountry: "US", promisedOutboundHours: 24, promisedDeliveryDays: 5 },
    select: { id: true },
  });
  const user = (role: Role, name: string, extra: { supplierId?: string } = {}) =>
    prisma.user.create({
      data: { organizationId: org.id, email: `${name}.${tag}@alerts.test`, name, role, passwordHash: "x", ...extra },
      select: { id: true, email: true, role: true },
    });
  const owner = await user("OWNER", "owner");
  const ops = await user("OPS", "ops");
  const supplierUser = await user("SUPPLIER", "supplier", { supplierId: supplier.id });
  return { org, store, supplier, owner, ops, supplierUser, tag };
}

let counter = 0;

export async function createOrder(
  prisma: Db,
  o: AlertOrg,
  fields: { dispatchDueAt: Date; supplier?: boolean; status?: "AWAITING_SHIPMENT" | "IN_TRANSIT"; placedAt?: Date },
) {
  counter += 1;
  const externalId = `5770${String(Date.now()).slice(-8)}${String(counter).padStart(4, "0")}`;
  return prisma.order.create({
    data: {
      organizationId: o.org.id,
      storeId: o.store.id,
      channel: "TIKTOK_SHOP",
      externalId,
      status: fields.status ?? "AWAITING_SHIPMENT",
      placedAt: fields.placedAt ?? new Date(fields.dispatchDueAt.getTime() - 2 * 86_400_000),
      currency: "USD",
      totalMinor: 987_654,
      buyerName: "Brenda Buyer",
      buyerEmail: `brenda.${o.tag}@buyer.example`,
      buyerPhone: "+1 555 0199",
      shipAddress1: "42 Secret Lane",
      dispatchDueAt: fields.dispatchDueAt,
      inTransitAt: fields.status === "IN_TRANSIT" ? fields.dispatchDueAt : null,
      supplierId: fields.supplier ? o.supplier.id : null,
    },
    select: { id: true, externalId: true, dispatchDueAt: true },
  });
}

export async function createFlag(
  prisma: Db,
  o: AlertOrg,
  fields: { orderId: string; rule: string; severity: Severity; createdAt: Date; reason: string; supplier?: boolean },
) {
  return prisma.riskFlag.create({
    data: {
      organizationId: o.org.id,
      subjectType: "ORDER",
      subjectId: fields.orderId,
      orderId: fields.orderId,
      storeId: o.store.id,
      rule: fields.rule,
      severity: fields.severity,
      reason: fields.reason,
      createdAt: fields.createdAt,
      supplierId: fields.supplier ? o.supplier.id : null,
    },
  });
}

/** The demo's rules: ops and the owner by e-mail for every warning and critical item; the supplier its orders' dispatch deadlines. */
export async function createDefaultRules(prisma: Db, o: AlertOrg, extra: { channelIds?: string[]; escalateAfterMinutes?: number | null } = {}) {
  await prisma.alertRule.create({
    data: {
      organizationId: o.org.id,
      name: "Warnings and critical items",
      severities: ["WARNING", "CRITICAL"],
      recipientUserIds: [o.ops.id, o.owner.id],
      channelIds: extra.channelIds ?? [],
      escalateAfterMinutes: extra.escalateAfterMinutes === undefined ? 60 : extra.escalateAfterMinutes,
    },
  });
  await prisma.alertRule.create({
    data: {
      organizationId: o.org.id,
      name: "Supplier dispatch",
      rules: ["fulfillment.dispatch_deadline"],
      recipientRoles: ["SUPPLIER"],
      escalateAfterMinutes: null,
    },
  });
}
