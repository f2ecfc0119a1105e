// Flag reasons in the viewer's language: the flag writers store each reason's message key and
// parameters beside the English text, and the reads word them for the viewer — the risk queue's
// JSON in the user's own language, the order page in the one it is asked for.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as riskApi } from "@/app/api/risk/route";
import type { SessionUser } from "@/lib/auth";
import type { RiskItemJson } from "@/lib/data/risk";
import { getOrderDetail } from "@/lib/data/orders";
import { refreshConnectionFlags } from "@/lib/flags/connection-flags";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { formatFlagReason } from "@/lib/i18n/flag-reason";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

// Wed 4 Mar 2026 10:00 PST: the dispatch deadline is Fri 6 Mar 23:59:59 PST.
const PLACED = new Date("2026-03-04T18:00:00Z");
const NOW = new Date("2026-03-10T18:00:00Z");
let orgId = "";
let storeId = "";
let lateId = "";
let invalidId = "";
let dutchOwner: SessionUser;

beforeAll(async () => {
  const run = Date.now();
  orgId = (await prisma.organization.create({ data: { name: `Reasons ${run}` } })).id;
  storeId = (
    await prisma.store.create({
      data: {
        organizationId: orgId,
        name: "TikTok US",
        channel: "TIKTOK_SHOP",
        market: "US",
        kind: "LOCAL",
        timeZone: "America/Los_Angeles",
        currency: "USD",
        joinedOn: new Date("2024-01-01"),
        connectionState: "NEEDS_REAUTHORIZATION",
        connectionMessage: "token revoked",
        connectionChangedAt: NOW,
      },
    })
  ).id;
  const order = (externalId: string, data: { status: "IN_TRANSIT" | "AWAITING_COLLECTION"; inTransitAt?: Date; trackingNumber: string }) =>
    prisma.order.create({
      data: {
        organizationId: orgId,
        storeId,
        channel: "TIKTOK_SHOP",
        externalId,
        placedAt: PLACED,
        carrier: "UPS",
        labelSource: "TIKTOK_SHIPPING",
        currency: "USD",
        totalMinor: 2500,
        ...data,
      },
    });
  // Scanned on Mon 9 Mar: a late dispatch, a stored fact.
  lateId = (await order(`R${run}-late`, { status: "IN_TRANSIT", inTransitAt: new Date("2026-03-09T18:00:00Z"), trackingNumber: "1Z5R89390357567127" })).id;
  // A UPS number whose check digit is wrong: an open, stored flag the queue lists.
  invalidId = (await order(`R${run}-bad`, { status: "AWAITING_COLLECTION", trackingNumber: "1Z5R89390357567128" })).id;
  await refreshOrderRisk(prisma, { organizationId: orgId, orderIds: [lateId, invalidId] }, NOW);
  await refreshConnectionFlags(prisma, orgId, NOW, [storeId]);
  const user = await prisma.user.create({
    data: { organizationId: orgId, email: `owner-${run}@reasons.test`, name: "Eigenaar", role: "OWNER", passwordHash: "x", locale: "nl" },
  });
  dutchOwner = { id: user.id, email: user.email, name: user.name, organizationId: orgId, role: "OWNER", supplierId: null, locale: "nl" } as SessionUser;
});

const flagOf = (orderId: string, rule: string) => prisma.riskFlag.findFirstOrThrow({ where: { orderId, rule } });

describe("stored flag reasons", () => {
  it("a refreshed order's flag carries its message key and parameters, and reads in Dutch", async () => {
    const flag = await flagOf(lateId, "fulfillment.dispatch_deadline");
    expect(flag.reason).toBe("Dispatched late: carrier scan Mon 9 Mar 11:00 PDT, deadline was Fri 6 Mar 23:59 PST. Counts in the late-dispatch rate.");
    expect(flag.reasonKey).toBe("dispatch.late");
    expect(flag.reasonParams).toEqual({
      scannedAt: { type: "instant", at: "2026-03-09T18:00:00.000Z", zone: "America/Los_Angeles" },
      deadline: { type: "instant", at: "2026-03-07T07:59:59.000Z", zone: "America/Los_Angeles" },
    });
    expect(formatFlagReason(flag, "en")).toBe(flag.reason);
    expect(formatFlagReason(flag, "nl")).toBe(
      "Te laat verzonden: scan door de vervoerder ma 9 mrt, 11:00 PDT, de deadline was vr 6 mrt, 23:59 PST. Telt mee in het percentage te laat verzonden.",
    );
    expect(formatFlagReason(flag, "zh-CN")).toBe("延迟发货：物流商扫描时间为 3月9日周一 11:00 PDT，截止时间为 3月6日周五 23:59 PST。计入延迟发货率。");
  });

  it("a reason that names a tracking check words the check in the same language", async () => {
    const flag = await flagOf(invalidId, "tracking.invalid");
    expect(flag.reason).toBe("Tracking number 1Z5R89390357567128 is not valid for UPS: UPS shape, but the check digit is wrong.");
    expect(flag.reasonKey).toBe("tracking.invalidForCarrier");
    expect(formatFlagReason(flag, "nl")).toBe("Trackingnummer 1Z5R89390357567128 is niet geldig voor UPS: vorm van UPS, maar het controlecijfer klopt niet.");
  });

  it("a connection flag is stored with its key too", async () => {
    const flag = await prisma.riskFlag.findFirstOrThrow({ where: { subjectType: "STORE", subjectId: storeId, rule: "connection.disconnected" } });
    expect(flag.reasonKey).toBe("connection.needsReauthorization");
    expect(formatFlagReason(flag, "en")).toBe(flag.reason);
    expect(formatFlagReason(flag, "nl")).toMatch(/^TikTok US: de koppeling met TikTok Shop moet opnieuw worden geautoriseerd \(token revoked\)\./);
  });
});

describe("reads in the viewer's language", () => {
  it("the risk queue's JSON: `reason` stays English, `reasonText` is in the user's own language", async () => {
    session.user = dutchOwner;
    const res = await riskApi(new Request("http://localhost/api/risk", { headers: { "accept-language": "zh-CN" } }));
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: RiskItemJson[] };
    const invalid = items.find((i) => i.subjectId === invalidId && i.rule === "tracking.invalid");
    expect(invalid?.reason).toBe("Tracking number 1Z5R89390357567128 is not valid for UPS: UPS shape, but the check digit is wrong.");
    expect(invalid?.reasonText).toBe("Trackingnummer 1Z5R89390357567128 is niet geldig voor UPS: vorm van UPS, maar het controlecijfer klopt niet.");
    const connection = items.find((i) => i.rule === "connection.disconnected");
    expect(connection?.reasonText).toMatch(/^TikTok US: de koppeling met TikTok Shop/);
    // The JSON carries the words, not the message's parameters.
    expect(invalid).not.toHaveProperty("reasonParams");
  });

  it("the order page, derived clock flags included", async () => {
    const open = await prisma.order.create({
      data: {
        organizationId: orgId,
        storeId,
        channel: "TIKTOK_SHOP",
        externalId: `R${Date.now()}-open`,
        status: "AWAITING_SHIPMENT",
        placedAt: PLACED,
        labelSource: "UNKNOWN",
        currency: "USD",
        totalMinor: 1000,
      },
    });
    await refreshOrderRisk(prisma, { organizationId: orgId, orderIds: [open.id] }, NOW);
    const scope = { organizationId: orgId, supplierId: null, role: "OWNER" as const };
    const detail = await getOrderDetail(scope, open.id, new Date("2026-03-06T20:00:00Z"), "zh-CN");
    const dispatch = detail?.flags.find((f) => f.rule === "fulfillment.dispatch_deadline");
    expect(dispatch?.derived).toBe(true);
    expect(dispatch?.reason).toBe("Dispatch by Fri 6 Mar 23:59 PST — 11 h left.");
    expect(dispatch?.reasonText).toBe("请在 3月6日周五 23:59 PST 前发货——剩余11小时。");
    const english = await getOrderDetail(scope, lateId, NOW);
    expect(english?.flags.find((f) => f.rule === "fulfillment.dispatch_deadline")?.reasonText).toMatch(/^Dispatched late: carrier scan/);
  });
});
