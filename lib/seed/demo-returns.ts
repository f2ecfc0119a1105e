import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReturnJustification, ReturnReason } from "@/lib/generated/prisma/enums";
import { refreshReturnFlags } from "@/lib/flags/refresh-returns";
import { createRandom } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const COMMENTS: Record<ReturnReason, string[]> = {
  CHANGE_OF_MIND: ["Don't need it anymore", "Bought it as a gift, they already have one", "Changed my mind, sorry", "Found it cheaper elsewhere"],
  DAMAGED: ["Arrived with a cracked case", "Box was crushed and the item is broken"],
  NOT_AS_DESCRIBED: ["Much smaller than in the video", "Colour is nothing like the photos"],
  WRONG_ITEM: ["Received a different product"],
  MISSING_ITEM: ["The remote was not in the box"],
  OTHER: ["Stopped working after two days"],
};
const OTHER_REASONS: ReturnReason[] = ["DAMAGED", "NOT_AS_DESCRIBED", "NOT_AS_DESCRIBED", "WRONG_ITEM", "MISSING_ITEM", "OTHER"];
const REFUSALS: ReturnJustification[] = ["ITEM_USED_OR_DAMAGED", "OUTSIDE_RETURN_WINDOW", "PARTS_MISSING", "NON_RETURNABLE_CATEGORY"];

type Plan = { status: "PENDING" | "APPROVED" | "REFUSED"; ageHours: number; legacy?: boolean };

/**
 * The queue a day of ops work looks like: pending requests at every point of the 48-hour clock
 * (fresh, under 12 h left, under 6 h, past due), decided ones (approved, refused with a reason)
 * and one legacy refusal imported without a justification, which the engine flags.
 */
function plans(count: number): Plan[] {
  const pending: Plan[] = [
    { status: "PENDING", ageHours: 52 }, // overdue
    { status: "PENDING", ageHours: 44.5 }, // 3.5 h left
    { status: "PENDING", ageHours: 39 }, // 9 h left
    { status: "PENDING", ageHours: 30 },
    { status: "PENDING", ageHours: 6 },
    { status: "PENDING", ageHours: 60 }, // overdue
    { status: "PENDING", ageHours: 41 }, // 7 h left
    { status: "PENDING", ageHours: 20 },
    { status: "PENDING", ageHours: 46 }, // 2 h left
    { status: "PENDING", ageHours: 12 },
    { status: "PENDING", ageHours: 2 },
    { status: "PENDING", ageHours: 49 }, // just overdue
    { status: "PENDING", ageHours: 26 },
    { status: "PENDING", ageHours: 37 }, // 11 h left
  ];
  const out: Plan[] = [];
  for (let i = 0; out.length < count; i++) {
    if (i % 3 === 0 && pending.length) out.push(pending.shift() as Plan);
    else if (i === 7) out.push({ status: "REFUSED", ageHours: 5 * 24, legacy: true });
    else out.push({ status: i % 5 === 1 ? "REFUSED" : "APPROVED", ageHours: 3 * 24 + ((i * 37) % (20 * 24)) });
  }
  return out;
}

/**
 * Return requests on delivered orders of both channels, relative to `now` and deterministic for
 * the same orders. About 40% are change-of-mind. Flags of the new returns are written at the end.
 */
export async function seedDemoReturns(prisma: Db, organizationId: string, count: number, now: Date): Promise<number> {
  const random = createRandom(4242 + count);
  const decider = await prisma.user.findFirst({ where: { organizationId, role: "OPS" }, select: { id: true } });
  const owner = decider ?? (await prisma.user.findFirst({ where: { organizationId, role: "OWNER" }, select: { id: true } }));
  const delivered = await prisma.order.findMany({
    where: { organizationId, status: { in: ["DELIVERED", "COMPLETED"] }, deliveredAt: { not: null } },
    select: {
      id: true,
      storeId: true,
      channel: true,
      deliveredAt: true,
      totalMinor: true,
      lines: { select: { unitPriceMinor: true, quantity: true }, take: 1, orderBy: { position: "asc" } },
    },
    orderBy: [{ deliveredAt: "desc" }, { id: "asc" }],
    take: 600,
  });
  const byChannel = {
    TIKTOK_SHOP: delivered.filter((o) => o.channel === "TIKTOK_SHOP"),
    BRAND_SITE: delivered.filter((o) => o.channel === "BRAND_SITE"),
  };
  const used = new Set<string>();
  const rows: Prisma.ReturnRequestCreateManyInput[] = [];

  plans(count).forEach((plan, i) => {
    const requestedAt = new Date(now.getTime() - plan.ageHours * HOUR);
    // Pending requests are mostly TikTok's (the platform's clock); one in four is the brand site's.
    const channel = plan.legacy || i % 4 !== 3 ? "TIKTOK_SHOP" : "BRAND_SITE";
    const pool = byChannel[channel].length ? byChannel[channel] : delivered;
    // A return is requested after delivery and within a month of it.
    const order = pool.find(
      (o) =>
        !used.has(o.id) &&
        (o.deliveredAt as Date).getTime() < requestedAt.getTime() - HOUR &&
        (o.deliveredAt as Date).getTime() > requestedAt.getTime() - 30 * DAY,
    );
    if (!order) return;
    used.add(order.id);

    const changeOfMind = plan.legacy || i % 5 === 0 || i % 5 === 3;
    const reason: ReturnReason = changeOfMind ? "CHANGE_OF_MIND" : (OTHER_REASONS[i % OTHER_REASONS.length] as ReturnReason);
    const line = order.lines[0];
    const refundMinor = line && random.chance(0.3) ? line.unitPriceMinor : order.totalMinor;
    const decidedAt = plan.status === "PENDING" ? null : new Date(requestedAt.getTime() + random.int(2, 30) * HOUR);
    rows.push({
      id: randomUUID(),
      organizationId,
      storeId: order.storeId,
      orderId: order.id,
      reason,
      buyerComment: random.chance(0.8) ? random.pick(COMMENTS[reason]) : null,
      requestedAt,
      refundMinor,
      status: plan.status,
      decidedAt,
      decidedById: decidedAt ? (owner?.id ?? null) : null,
      refusalJustification: plan.status === "REFUSED" && !plan.legacy ? (REFUSALS[i % REFUSALS.length] as ReturnJustification) : null,
      decisionNote: plan.legacy ? "Imported from the old helpdesk" : plan.status === "REFUSED" ? "Photos from the buyer show wear" : null,
    });
  });

  if (rows.length) await prisma.returnRequest.createMany({ data: rows });
  await refreshReturnFlags(prisma, { organizationId }, now);
  return rows.length;
}
