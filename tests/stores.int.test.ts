import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { updateStoreSettings } from "@/lib/actions/stores";
import type { SessionUser } from "@/lib/auth";
import { getRiskQueue } from "@/lib/data/risk";
import { scopeOf } from "@/lib/data/scope";
import { getStoreDetail, listRecentLateDispatches, listStoreSummaries } from "@/lib/data/stores";
import { listSupplierScorecards } from "@/lib/data/suppliers";
import { DEMO_ORG, OTHER_ORG, seedDemo } from "@/lib/seed/demo";
import { testDb } from "./db";
import { decryptSecret } from "@/lib/security/secrets";
import { pinClock } from "./pinned-clock";

pinClock();

// The action reads the session through next-auth's getServerSession; the test decides who is signed in.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

/** The settings form as the browser sends it: the store's id is one of its fields. */
function save(storeId: string, fields: FormData) {
  fields.set("storeId", storeId);
  return updateStoreSettings(null, fields) as Promise<{ ok: boolean; code?: string; message?: string; fieldErrors?: Record<string, string> }>;
}
const now = new Date();
let owner: SessionUser;
let ops: SessionUser;
let supplier: SessionUser;
let other: SessionUser;
let demoOrgId: string;
let brandStoreId: string;
let ukStoreId: string;
let otherStoreId: string;

async function asUser(email: string): Promise<SessionUser> {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true } });
}

beforeAll(async () => {
  await seedDemo(prisma, now);
  [owner, ops, supplier, other] = (await Promise.all(["owner@demo.test", "ops@demo.test", "supplier@demo.test", "other@demo.test"].map(asUser))) as [
    SessionUser,
    SessionUser,
    SessionUser,
    SessionUser,
  ];
  demoOrgId = (await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORG } })).id;
  brandStoreId = (await prisma.store.findFirstOrThrow({ where: { organizationId: demoOrgId, name: "Brand Website" } })).id;
  ukStoreId = (await prisma.store.findFirstOrThrow({ where: { organizationId: demoOrgId, name: "TikTok Shop UK" } })).id;
  otherStoreId = (await prisma.store.findFirstOrThrow({ where: { organization: { name: OTHER_ORG } } })).id;
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

const ukForm = (overrides: Record<string, string> = {}) =>
  form({
    name: "TikTok Shop UK",
    timeZone: "Europe/London",
    market: "UK",
    kind: "LOCAL",
    currency: "GBP",
    joinedOn: "2025-11-03",
    tiktokAppKey: "",
    tiktokAppSecret: "",
    tiktokAccessToken: "",
    tiktokShopCipher: "",
    tiktokApiBaseUrl: "",
    ...overrides,
  });

describe("store list and detail", () => {
  it("counts each store's orders and open flags like the risk queue does", async () => {
    const stores = await listStoreSummaries(scopeOf(owner), now);
    expect(stores.map((s) => s.name)).toEqual(expect.arrayContaining(["Brand Website", "TikTok Shop UK", "TikTok Shop US"]));
    const since = new Date(now.getTime() - 30 * 86_400_000);
    for (const s of stores) {
      const orders = await prisma.order.count({ where: { storeId: s.id, placedAt: { gte: since, lt: now }, status: { not: "CANCELLED" } } });
      expect(s.figures.orders).toBe(orders);
      // Late dispatches as the overview defines them, counted directly (the list reads the daily roll-up).
      const rows = await prisma.order.findMany({
        where: {
          storeId: s.id,
          status: { not: "CANCELLED" },
          ...(s.channel === "TIKTOK_SHOP" ? { dispatchDueAt: { gte: since, lt: now } } : { placedAt: { gte: since, lt: now } }),
        },
        select: { placedAt: true, inTransitAt: true, dispatchDueAt: true, status: true },
      });
      const limit = 48 * 3_600_000;
      const waiting = (o: (typeof rows)[number]) => !o.inTransitAt && ["AWAITING_SHIPMENT", "AWAITING_COLLECTION", "ON_HOLD"].includes(o.status);
      const due = s.channel === "TIKTOK_SHOP" ? rows : rows.filter((o) => o.inTransitAt || (waiting(o) && now.getTime() - o.placedAt.getTime() > limit));
      const late = due.filter((o) =>
        s.channel === "TIKTOK_SHOP"
          ? !o.inTransitAt || o.inTransitAt > (o.dispatchDueAt as Date)
          : o.inTransitAt
            ? o.inTransitAt.getTime() - o.placedAt.getTime() > limit
            : true,
      );
      expect([s.figures.late, s.figures.lateBase]).toEqual([late.length, due.length]);
      const queue = await getRiskQueue(scopeOf(owner), { storeId: s.id, limit: 1 }, now);
      const { critical, warning, info } = s.figures.flags;
      expect(s.figures.flags.total).toBe(queue.total);
      expect(critical + warning + info).toBe(queue.total);
    }
    expect(stores.find((s) => s.channel === "TIKTOK_SHOP")?.figures.lateBasis).toBe("DEADLINE");
    expect(stores.find((s) => s.channel === "BRAND_SITE")?.figures.lateBasis).toBe("48H");
  });

  it("refuses another organisation's store and suppliers", async () => {
    await expect(getStoreDetail(scopeOf(owner), otherStoreId, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listStoreSummaries(scopeOf(supplier), now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listStoreSummaries(scopeOf(other), now)).map((s) => s.id)).toEqual([otherStoreId]);
  });

  it("lists late dispatches that are really late", async () => {
    const usStore = await prisma.store.findFirstOrThrow({ where: { organizationId: demoOrgId, name: "TikTok Shop US" } });
    const late = await listRecentLateDispatches(scopeOf(owner), usStore.id, now);
    expect(late.length).toBeGreaterThan(0);
    for (const l of late) expect(l.lateHours).toBeGreaterThan(0);
  });
});

describe("store settings action", () => {
  it("lets the owner save; the change is audited and secrets are never returned or logged", async () => {
    session.user = owner;
    const secretValue = "shhh-app-secret-123456";
    const state = await save(
      ukStoreId,
      ukForm({ name: "TikTok Shop UK (main)", timeZone: "Europe/Dublin", tiktokAppSecret: secretValue, tiktokAppKey: "app-key-1" }),
    );
    expect(state.ok).toBe(true);
    expect(JSON.stringify(state)).not.toContain(secretValue);
    const store = await prisma.store.findUniqueOrThrow({ where: { id: ukStoreId } });
    expect(store).toMatchObject({ name: "TikTok Shop UK (main)", timeZone: "Europe/Dublin", tiktokAppKey: "app-key-1" });
    expect(store.tiktokAppSecret).not.toContain(secretValue);
    expect(decryptSecret(store.tiktokAppSecret)).toBe(secretValue);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "Store", entityId: ukStoreId }, orderBy: { createdAt: "desc" } });
    expect(audit).toMatchObject({ organizationId: demoOrgId, actorUserId: owner.id, action: "store.settings.update" });
    expect(audit.before).toMatchObject({ name: "TikTok Shop UK", timeZone: "Europe/London", tiktokAppSecret: "not set" });
    expect(audit.after).toMatchObject({ name: "TikTok Shop UK (main)", timeZone: "Europe/Dublin", tiktokAppSecret: "changed", tiktokAppKey: "changed" });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(secretValue);
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("app-key-1");

    // The detail read says "set" without the value; an empty input keeps the secret.
    const detail = await getStoreDetail(scopeOf(owner), ukStoreId, now);
    expect(detail.integration.tiktokAppSecret).toBe(true);
    expect(JSON.stringify(detail)).not.toContain(secretValue);
    const again = await save(ukStoreId, ukForm({ name: "TikTok Shop UK", timeZone: "Europe/London" }));
    expect(again.ok).toBe(true);
    // Stored encrypted (lib/security/secrets.ts); the empty input kept it.
    expect(decryptSecret((await prisma.store.findUniqueOrThrow({ where: { id: ukStoreId } })).tiktokAppSecret)).toBe(secretValue);
  });

  it("refuses operations staff and suppliers", async () => {
    for (const who of [ops, supplier]) {
      session.user = who;
      const state = await save(brandStoreId, form({ name: "Hacked", timeZone: "UTC", market: "US", currency: "USD", joinedOn: "2024-03-01" }));
      expect(state).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    session.user = null;
    expect(await save(brandStoreId, form({}))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await prisma.store.findUniqueOrThrow({ where: { id: brandStoreId } })).name).toBe("Brand Website");
  });

  it("gives field errors for a bad time zone and other bad input, and changes nothing", async () => {
    session.user = owner;
    const before = await prisma.auditLog.count({ where: { entityId: ukStoreId } });
    const state = await save(ukStoreId, ukForm({ timeZone: "Mars/Olympus_Mons", kind: "", currency: "XX", tiktokApiBaseUrl: "http://insecure.example" }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.timeZone).toMatch(/time zone/i);
    expect(state.fieldErrors?.kind).toBeDefined();
    expect(state.fieldErrors?.currency).toBeDefined();
    expect(state.fieldErrors?.tiktokApiBaseUrl).toMatch(/https/);
    expect(await prisma.auditLog.count({ where: { entityId: ukStoreId } })).toBe(before);
    expect((await prisma.store.findUniqueOrThrow({ where: { id: ukStoreId } })).timeZone).toBe("Europe/London");
  });

  it("refuses another organisation's store id", async () => {
    session.user = owner;
    const state = await save(otherStoreId, form({ name: "Taken over", timeZone: "UTC", market: "US", kind: "LOCAL", currency: "USD", joinedOn: "2025-06-01" }));
    expect(state).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await prisma.store.findUniqueOrThrow({ where: { id: otherStoreId } })).name).toBe("Other TikTok Shop");
  });

  it("reports a duplicate name next to the name field", async () => {
    session.user = owner;
    const state = await save(ukStoreId, ukForm({ name: "Brand Website" }));
    expect(state.fieldErrors?.name).toMatch(/already/);
  });
});

describe("supplier scorecards", () => {
  it("count each supplier's orders, and a supplier sees only their own card", async () => {
    const cards = await listSupplierScorecards(scopeOf(owner), now);
    expect(cards).toHaveLength(2);
    const since = new Date(now.getTime() - 90 * 86_400_000);
    for (const c of cards) {
      expect(c.orders).toBe(await prisma.order.count({ where: { supplierId: c.id, placedAt: { gte: since, lt: now }, status: { not: "CANCELLED" } } }));
      expect(c.openOrders).toBe(
        await prisma.order.count({ where: { supplierId: c.id, inTransitAt: null, status: { in: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION", "ON_HOLD"] } } }),
      );
      expect(c.medianOutboundHours).not.toBeNull();
    }
    const mine = await listSupplierScorecards(scopeOf(supplier), now);
    expect(mine.map((c) => c.id)).toEqual([supplier.supplierId]);
    const others = await listSupplierScorecards(scopeOf(other), now);
    expect(others.map((c) => c.name)).toEqual(["Other Warehouse Inc"]);
  });
});
