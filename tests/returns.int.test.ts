import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decideReturn } from "@/lib/actions/returns";
import type { SessionUser } from "@/lib/auth";
import { listReturns } from "@/lib/data/returns";
import { countMissedReturns, getRiskQueue } from "@/lib/data/risk";
import { returnResponseDeadline } from "@/lib/policy";
import { DEFAULT_SETTINGS } from "@/lib/policy/settings";
import { scopeOf } from "@/lib/data/scope";
import { refreshReturnFlags } from "@/lib/flags/refresh-returns";
import { DEMO_ORG, OTHER_ORG, seedDemo } from "@/lib/seed/demo";
import { testDb } from "./db";
import { pinClock } from "./pinned-clock";

pinClock();

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const prisma = testDb();
const HOUR = 3_600_000;

let demoOrgId: string;
let otherOrgId: string;

beforeAll(async () => {
  await seedDemo(prisma, new Date());
  demoOrgId = (await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORG } })).id;
  otherOrgId = (await prisma.organization.findFirstOrThrow({ where: { name: OTHER_ORG } })).id;
});

afterAll(() => prisma.$disconnect());

const staff = (organizationId: string): SessionUser => ({ id: "u", email: "t@test", name: "T", role: "OPS", supplierId: null, organizationId });

describe("demo returns", () => {
  it("Demo Dropship Co has ~40 requests of both channels: ~40% change of mind, pending at every point of the clock, decided ones", async () => {
    const rows = await prisma.returnRequest.findMany({
      where: { organizationId: demoOrgId },
      include: { order: { select: { channel: true, status: true, deliveredAt: true, organizationId: true } } },
    });
    expect(rows.length).toBeGreaterThanOrEqual(35);
    expect(rows.length).toBeLessThanOrEqual(45);
    const share = rows.filter((r) => r.reason === "CHANGE_OF_MIND").length / rows.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
    expect(new Set(rows.map((r) => r.order.channel))).toEqual(new Set(["TIKTOK_SHOP", "BRAND_SITE"]));
    expect(
      rows.every(
        (r) =>
          ["DELIVERED", "COMPLETED"].includes(r.order.status) &&
          r.order.deliveredAt &&
          r.order.deliveredAt < r.requestedAt &&
          r.order.organizationId === demoOrgId,
      ),
    ).toBe(true);

    const now = Date.now();
    const pending = rows.filter((r) => r.status === "PENDING");
    const left = pending.map((r) => r.requestedAt.getTime() + 48 * HOUR - now);
    expect(left.some((ms) => ms < 0)).toBe(true); // overdue
    expect(left.some((ms) => ms > 0 && ms < 12 * HOUR)).toBe(true); // under 12 h left
    expect(left.some((ms) => ms > 24 * HOUR)).toBe(true);
    expect(rows.some((r) => r.status === "APPROVED")).toBe(true);
    const refused = rows.filter((r) => r.status === "REFUSED");
    expect(refused.filter((r) => r.refusalJustification !== null).length).toBeGreaterThan(2);

    // One imported refusal of a change-of-mind return lacks a justification: it is flagged.
    const flagged = await prisma.riskFlag.findMany({ where: { organizationId: demoOrgId, rule: "returns.change_of_mind_refused_unjustified" } });
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ subjectType: "RETURN", severity: "CRITICAL", supplierId: null });

    const others = await prisma.returnRequest.count({ where: { organizationId: otherOrgId } });
    expect(others).toBeGreaterThan(0);
    expect(others).toBeLessThan(10);
  });

  it("the list: pending first (least time left), filters, TikTok deadlines only", async () => {
    const list = await listReturns(scopeOf(staff(demoOrgId)), {});
    expect(list.total).toBe(list.items.length);
    const firstDecided = list.items.findIndex((i) => i.status !== "PENDING");
    expect(list.items.slice(firstDecided).every((i) => i.status !== "PENDING")).toBe(true);
    const pending = list.items.slice(0, firstDecided);
    // TikTok requests (on the platform's clock) first, least time left first; then the brand site's.
    const clocked = pending.filter((i) => i.respondBy !== null);
    expect(pending.slice(0, clocked.length)).toEqual(clocked);
    expect(clocked.map((i) => i.respondBy)).toEqual(clocked.map((i) => i.respondBy).sort());
    for (const i of pending) {
      // US from 2026-02-25: 2 business days (4 over $100); UK: 48 h.
      if (i.order.channel === "TIKTOK_SHOP") {
        const due = returnResponseDeadline(
          { requestedAt: new Date(i.requestedAt), market: i.store.market, refundMinor: i.refundMinor, currency: i.currency },
          DEFAULT_SETTINGS,
        );
        expect(i.respondBy).toBe(due.toISOString());
        if (i.store.market === "UK") expect(Date.parse(i.respondBy as string) - Date.parse(i.requestedAt)).toBe(48 * HOUR);
      } else expect(i.respondBy).toBeNull();
    }
    const com = await listReturns(scopeOf(staff(demoOrgId)), { status: "PENDING", reason: "CHANGE_OF_MIND" });
    expect(com.items.length).toBeGreaterThan(0);
    expect(com.items.every((i) => i.status === "PENDING" && i.reason === "CHANGE_OF_MIND")).toBe(true);
    // Suppliers never see returns; another organisation sees only its own.
    expect((await listReturns({ organizationId: demoOrgId, supplierId: "s", role: "SUPPLIER" }, {})).items).toEqual([]);
    const other = await listReturns(scopeOf(staff(otherOrgId)), {});
    const demoIds = new Set(list.items.map((i) => i.id));
    expect(other.items.some((i) => demoIds.has(i.id))).toBe(false);
  });

  it("each pending TikTok return still open is a returns.response_due flag in the risk queue; auto-approved ones have left it", async () => {
    const now = new Date();
    const queue = await getRiskQueue(scopeOf(staff(demoOrgId)), { rule: "returns.response_due", limit: 500 }, now);
    const rows = await prisma.returnRequest.findMany({
      where: { organizationId: demoOrgId, status: "PENDING", store: { channel: "TIKTOK_SHOP" } },
      include: { store: { select: { market: true } }, order: { select: { currency: true } } },
    });
    const dueOf = (r: (typeof rows)[number]) =>
      returnResponseDeadline({ requestedAt: r.requestedAt, market: r.store.market, refundMinor: r.refundMinor, currency: r.order.currency }, DEFAULT_SETTINGS);
    const pending = rows.filter((r) => dueOf(r).getTime() >= now.getTime());
    expect(queue.total).toBe(pending.length);
    for (const r of rows.filter((x) => !pending.includes(x)))
      expect(
        queue.items.some((i) => i.subjectId === r.id),
        `${r.id} auto-approved`,
      ).toBe(false);
    for (const r of pending) {
      const item = queue.items.find((i) => i.subjectId === r.id);
      expect(item, r.id).toBeDefined();
      if (!item) continue;
      expect(item.subjectType).toBe("RETURN");
      expect(item.dueAt?.toISOString()).toBe(dueOf(r).toISOString());
      expect(item.order?.id).toBe(r.orderId);
      const left = dueOf(r).getTime() - now.getTime();
      expect(item.overdue).toBe(false);
      expect(item.severity).toBe(left < 6 * HOUR ? "CRITICAL" : left < 24 * HOUR ? "WARNING" : "INFO");
      expect(item.reason).toMatch(/Answer the return request by/);
    }
    // The unfiltered queue carries them too, and a supplier's does not.
    const all = await getRiskQueue(scopeOf(staff(demoOrgId)), { limit: 5000 }, now);
    expect(all.items.filter((i) => i.rule === "returns.response_due")).toHaveLength(pending.length);
    const supplier = await prisma.user.findUniqueOrThrow({ where: { email: "supplier@demo.test" } });
    const theirs = await getRiskQueue(scopeOf({ ...staff(demoOrgId), role: "SUPPLIER", supplierId: supplier.supplierId }), { limit: 5000 }, now);
    expect(theirs.items.some((i) => i.rule.startsWith("returns."))).toBe(false);
  });
});

describe("deciding a return", () => {
  let orgId: string;
  let ops: SessionUser;
  let supplier: SessionUser;
  let changeOfMind: string;
  let damaged: string;
  let legacy: string;

  beforeAll(async () => {
    const org = await prisma.organization.create({ data: { name: `Returns test ${Date.now()}` } });
    orgId = org.id;
    const store = await prisma.store.create({
      data: {
        organizationId: orgId,
        name: "TikTok UK",
        channel: "TIKTOK_SHOP",
        market: "UK",
        kind: "LOCAL",
        timeZone: "Europe/London",
        currency: "GBP",
        joinedOn: new Date("2025-01-01"),
      },
    });
    const now = Date.now();
    const mkOrder = (n: number) =>
      prisma.order.create({
        data: {
          organizationId: orgId,
          storeId: store.id,
          channel: "TIKTOK_SHOP",
          externalId: `57689990000000010${n}`,
          status: "DELIVERED",
          placedAt: new Date(now - 10 * 24 * HOUR),
          deliveredAt: new Date(now - 3 * 24 * HOUR),
          currency: "GBP",
          totalMinor: 2199,
        },
      });
    const mkReturn = async (n: number, data: { reason: "CHANGE_OF_MIND" | "DAMAGED"; status?: "PENDING" | "REFUSED" }) => {
      const order = await mkOrder(n);
      const r = await prisma.returnRequest.create({
        data: { organizationId: orgId, storeId: store.id, orderId: order.id, requestedAt: new Date(now - 40 * HOUR), refundMinor: 2199, ...data },
      });
      return r.id;
    };
    changeOfMind = await mkReturn(1, { reason: "CHANGE_OF_MIND" });
    damaged = await mkReturn(2, { reason: "DAMAGED" });
    legacy = await mkReturn(3, { reason: "CHANGE_OF_MIND", status: "REFUSED" });
    await refreshReturnFlags(prisma, { organizationId: orgId }, new Date());
    const mk = (role: "OPS" | "SUPPLIER") =>
      prisma.user.create({
        data: { organizationId: orgId, email: `${role.toLowerCase()}-${Date.now()}@returns.test`, name: `${role} user`, role, passwordHash: "x" },
        select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
      });
    ops = await mk("OPS");
    supplier = await mk("SUPPLIER");
  });

  afterAll(async () => {
    await prisma.organization.delete({ where: { id: orgId } });
  });

  it("refusing a change-of-mind return without a justification, or with 'other', is refused with a field error", async () => {
    session.user = ops;
    const none = await decideReturn({ returnId: changeOfMind, decision: "REFUSE" });
    expect(none.ok).toBe(false);
    expect(!none.ok && none.fieldErrors?.justification).toMatch(/Choose why|justification/);
    const other = await decideReturn({ returnId: changeOfMind, decision: "REFUSE", justification: "OTHER", note: "Buyer was rude" });
    expect(!other.ok && other.fieldErrors?.justification).toMatch(/does not justify refusing a change-of-mind return/);
    expect((await prisma.returnRequest.findUniqueOrThrow({ where: { id: changeOfMind } })).status).toBe("PENDING");
    expect(await prisma.auditLog.count({ where: { organizationId: orgId } })).toBe(0);
  });

  it("a supplier is forbidden; another organisation's return is not found", async () => {
    session.user = supplier;
    expect(await decideReturn({ returnId: changeOfMind, decision: "APPROVE" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    session.user = await prisma.user.findUniqueOrThrow({
      where: { email: "ops@demo.test" },
      select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
    });
    expect(await decideReturn({ returnId: changeOfMind, decision: "APPROVE" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("with a legitimate justification the refusal is saved and audited, and the return leaves the risk queue", async () => {
    session.user = ops;
    const queueBefore = await getRiskQueue(scopeOf(ops), { rule: "returns.response_due" }, new Date());
    expect(queueBefore.items.map((i) => i.subjectId).sort()).toEqual([changeOfMind, damaged].sort());

    const result = await decideReturn({ returnId: changeOfMind, decision: "REFUSE", justification: "ITEM_USED_OR_DAMAGED", note: "Photos show wear" });
    expect(result).toMatchObject({ ok: true, data: { status: "REFUSED" } });
    const saved = await prisma.returnRequest.findUniqueOrThrow({ where: { id: changeOfMind } });
    expect(saved).toMatchObject({ status: "REFUSED", refusalJustification: "ITEM_USED_OR_DAMAGED", decisionNote: "Photos show wear", decidedById: ops.id });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { organizationId: orgId, entityId: changeOfMind } });
    expect(audit).toMatchObject({ action: "return.refuse", entityType: "ReturnRequest", actorUserId: ops.id });
    expect(audit.before).toMatchObject({ status: "PENDING", refusalJustification: null });
    expect(audit.after).toMatchObject({ status: "REFUSED", refusalJustification: "ITEM_USED_OR_DAMAGED" });
    expect(await prisma.riskFlag.count({ where: { subjectId: changeOfMind } })).toBe(0);

    const queueAfter = await getRiskQueue(scopeOf(ops), { rule: "returns.response_due" }, new Date());
    expect(queueAfter.items.map((i) => i.subjectId)).toEqual([damaged]);
  });

  it("other reasons may be approved, or refused with any category (a note for 'other')", async () => {
    session.user = ops;
    const needsNote = await decideReturn({ returnId: damaged, decision: "REFUSE", justification: "OTHER" });
    expect(!needsNote.ok && needsNote.fieldErrors?.note).toMatch(/Explain/);
    expect(await decideReturn({ returnId: damaged, decision: "APPROVE" })).toMatchObject({ ok: true, data: { status: "APPROVED" } });
    expect(await decideReturn({ returnId: damaged, decision: "REFUSE", justification: "PARTS_MISSING" })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("an imported refusal without a justification is flagged until it is justified", async () => {
    const flag = await prisma.riskFlag.findFirstOrThrow({ where: { subjectId: legacy } });
    expect(flag).toMatchObject({ rule: "returns.change_of_mind_refused_unjustified", severity: "CRITICAL" });
    const queue = await getRiskQueue(scopeOf(ops), { rule: "returns.change_of_mind_refused_unjustified" }, new Date());
    expect(queue.items.map((i) => i.subjectId)).toEqual([legacy]);

    session.user = ops;
    expect(await decideReturn({ returnId: legacy, decision: "REFUSE", justification: "OUTSIDE_RETURN_WINDOW" })).toMatchObject({ ok: true });
    expect(await prisma.riskFlag.count({ where: { subjectId: legacy } })).toBe(0);
  });
});

describe("US return review window in the queue (2 business days, 4 over $100, from 2026-02-25)", () => {
  it("derives the business-day deadlines in SQL, drops auto-approved requests and counts them as missed", async () => {
    const org = await prisma.organization.create({ data: { name: `Returns window ${Date.now()}` } });
    try {
      const store = await prisma.store.create({
        data: {
          organizationId: org.id,
          name: "TikTok US",
          channel: "TIKTOK_SHOP",
          market: "US",
          kind: "LOCAL",
          timeZone: "America/Los_Angeles",
          currency: "USD",
          joinedOn: new Date("2025-01-01"),
        },
      });
      const order = await prisma.order.create({
        data: {
          organizationId: org.id,
          storeId: store.id,
          channel: "TIKTOK_SHOP",
          externalId: "R-1",
          status: "DELIVERED",
          placedAt: new Date("2026-02-20T18:00:00Z"),
          currency: "USD",
          totalMinor: 20_000,
        },
      });
      // Thu 26 Feb 10:00 PST: $100.00 → due Mon 2 Mar 23:59:59 PST; $100.01 → Wed 4 Mar.
      const requestedAt = new Date("2026-02-26T18:00:00Z");
      const small = await prisma.returnRequest.create({
        data: { organizationId: org.id, storeId: store.id, orderId: order.id, reason: "DAMAGED", requestedAt, refundMinor: 10_000 },
      });
      const large = await prisma.returnRequest.create({
        data: { organizationId: org.id, storeId: store.id, orderId: order.id, reason: "DAMAGED", requestedAt, refundMinor: 10_001 },
      });
      const scope = scopeOf(staff(org.id));
      const at = (iso: string) => new Date(iso);

      const before = await getRiskQueue(scope, { rule: "returns.response_due" }, at("2026-03-02T18:00:00Z"));
      expect(Object.fromEntries(before.items.map((i) => [i.subjectId, i.dueAt?.toISOString()]))).toEqual({
        [small.id]: "2026-03-03T07:59:59.000Z",
        [large.id]: "2026-03-05T07:59:59.000Z",
      });
      expect(await countMissedReturns(scope, at("2026-03-02T18:00:00Z"))).toMatchObject({ missed: 0 });

      // One second after the small one's window: the platform approved it; it leaves the queue.
      const after = await getRiskQueue(scope, { rule: "returns.response_due" }, at("2026-03-03T08:00:00Z"));
      expect(after.items.map((i) => i.subjectId)).toEqual([large.id]);
      expect(await countMissedReturns(scope, at("2026-03-03T08:00:00Z"))).toEqual({ missed: 1, byStore: [{ storeId: store.id, missed: 1 }] });
    } finally {
      await prisma.organization.delete({ where: { id: org.id } });
    }
  });
});
