import "server-only";
import { db } from "@/lib/db";
import type { AlertChannelKind, AlertDeliveryStatus } from "@/lib/generated/prisma/enums";
import type { DataScope } from "./scope";

// Reads for the alert screens. The owner sees every delivery of the organisation; anyone else
// only those addressed to them. Channel URLs and secrets never leave the server: only whether
// one is set, and for URLs the host.

export type DeliveryRow = {
  id: string;
  createdAt: Date;
  sentAt: Date | null;
  channel: AlertChannelKind;
  to: string;
  rule: string;
  lead: string;
  severity: string | null;
  subject: string;
  status: AlertDeliveryStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  order: { id: string; externalId: string } | null;
  hasHtml: boolean;
};

type Viewer = DataScope & { userId: string };

function deliveryWhere(viewer: Viewer, extra: object = {}) {
  return { organizationId: viewer.organizationId, ...(viewer.role === "OWNER" ? {} : { userId: viewer.userId }), ...extra };
}

export async function getDeliveryLog(viewer: Viewer, filter: { status?: AlertDeliveryStatus; limit?: number } = {}): Promise<DeliveryRow[]> {
  const rows = await db.alertDelivery.findMany({
    where: deliveryWhere(viewer, filter.status ? { status: filter.status } : {}),
    orderBy: [{ createdAt: "desc" }, { key: "asc" }],
    take: filter.limit ?? 100,
    select: {
      id: true,
      createdAt: true,
      sentAt: true,
      channel: true,
      to: true,
      rule: true,
      lead: true,
      severity: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      nextAttemptAt: true,
      orderId: true,
      html: true,
    },
  });
  const orderIds = [...new Set(rows.map((r) => r.orderId).filter((v): v is string => Boolean(v)))];
  const orders = orderIds.length
    ? await db.order.findMany({
        where: { organizationId: viewer.organizationId, id: { in: orderIds }, ...(viewer.supplierId ? { supplierId: viewer.supplierId } : {}) },
        select: { id: true, externalId: true },
      })
    : [];
  const byId = new Map(orders.map((o) => [o.id, o]));
  return rows.map(({ orderId, html, ...r }) => ({ ...r, order: orderId ? (byId.get(orderId) ?? null) : null, hasHtml: Boolean(html) }));
}

export async function countDeliveries(viewer: Viewer): Promise<Record<AlertDeliveryStatus, number>> {
  const groups = await db.alertDelivery.groupBy({ by: ["status"], where: deliveryWhere(viewer), _count: { _all: true } });
  const counts = { PENDING: 0, HELD: 0, FAILED: 0, SENT: 0, STORED: 0, UNDELIVERABLE: 0, CANCELLED: 0 } as Record<AlertDeliveryStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

/** One delivery's message, for viewing a stored or sent e-mail as it was rendered. */
export async function getDeliveryMessage(viewer: Viewer, id: string) {
  return db.alertDelivery.findFirst({
    where: deliveryWhere(viewer, { id }),
    select: { id: true, to: true, subject: true, text: true, html: true, status: true, channel: true, createdAt: true, sentAt: true, lastError: true },
  });
}

export type ChannelView = {
  id: string;
  kind: AlertChannelKind;
  name: string;
  target: string;
  /** Slack and webhook channels: the URL's host alone (null when it does not parse); e-mail: null. */
  host: string | null;
  hasSecret: boolean;
  brokenAt: Date | null;
  brokenReason: string | null;
};

/** Channels without their secrets: a URL is shown by host only (a Slack URL is itself a secret). */
export async function getAlertChannels(organizationId: string): Promise<ChannelView[]> {
  const rows = await db.alertChannel.findMany({
    where: { organizationId },
    orderBy: { name: "asc" },
    select: { id: true, kind: true, name: true, url: true, secret: true, brokenAt: true, brokenReason: true },
  });
  return rows.map(({ url, secret, ...c }) => {
    const host = c.kind === "EMAIL" ? null : hostOf(url);
    return { ...c, target: c.kind === "EMAIL" ? url : host ? `${host} (URL hidden)` : "(URL hidden)", host, hasSecret: Boolean(secret) };
  });
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export async function getAlertRules(organizationId: string) {
  return db.alertRule.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } });
}

export async function getAccountSettings(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, timeZone: true, alertPreference: true } });
}

/** "Alert sent to …" lines for an order's timeline: staff see every recipient, a supplier only themselves. */
export async function getOrderAlerts(
  viewer: Viewer,
  orderId: string,
): Promise<{ at: Date; to: string; channel: AlertChannelKind; stored: boolean; lead: string }[]> {
  const rows = await db.alertDelivery.findMany({
    where: {
      organizationId: viewer.organizationId,
      orderId,
      status: { in: ["SENT", "STORED"] },
      ...(viewer.role === "SUPPLIER" ? { userId: viewer.userId } : {}),
    },
    orderBy: { createdAt: "asc" },
    take: 50,
    select: { sentAt: true, createdAt: true, to: true, channel: true, status: true, lead: true },
  });
  return rows.map((r) => ({ at: r.sentAt ?? r.createdAt, to: r.to, channel: r.channel, stored: r.status === "STORED", lead: r.lead }));
}

/** What a signed acknowledge link is about: the latest message sent about the item. */
export async function describeAlertItem(organizationId: string, itemKey: string) {
  const [delivery, ack] = await Promise.all([
    db.alertDelivery.findFirst({ where: { organizationId, itemKey }, orderBy: { createdAt: "desc" }, select: { subject: true } }),
    db.alertAck.findUnique({ where: { organizationId_itemKey: { organizationId, itemKey } }, select: { acknowledgedAt: true } }),
  ]);
  return { subject: delivery?.subject ?? null, acknowledgedAt: ack?.acknowledgedAt ?? null };
}
