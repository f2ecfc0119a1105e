import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportOrders } from "@/app/api/orders/export/route";
import { GET as listOrders } from "@/app/api/orders/route";
import type { SessionUser } from "@/lib/auth";
import { getOrderDetail } from "@/lib/data/orders";
import { scopeOf } from "@/lib/data/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEMO_ORG, OTHER_ORG, seedDemo } from "@/lib/seed/demo";
import { testDb } from "./db";
import { pinClock } from "./pinned-clock";

pinClock();

// The route handlers read the session through next-auth's getServerSession; the test decides who is signed in.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null)),
}));

const prisma = testDb();

type Item = {
  id: string;
  externalId: string;
  channel: string;
  status: string;
  placedAt: string;
  store: { id: string };
  supplier: { id: string } | null;
  totalMinor?: string;
  currency?: string;
  flags: { count: number; worst: string | null; rules: string[] };
};
type ListBody = { items: Item[]; total: number };

let ops: SessionUser;
let supplier: SessionUser;
let other: SessionUser;
let demoOrgId: string;
let otherOrgId: string;
let stores: Record<string, string>;
let flaggedOrderIds: string[];

async function asUser(email: string): Promise<SessionUser> {
  const u = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
  });
  return u;
}

async function list(
  user: SessionUser | null,
  params: string,
): Promise<{ status: number; body: ListBody & { error?: string; message?: string; issues?: { param: string; message: string }[] }; text: string }> {
  session.user = user;
  const response = await listOrders(new Request(`http://test.local/api/orders?${params}`));
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text };
}

async function exportCsv(user: SessionUser, params: string) {
  session.user = user;
  const response = await exportOrders(new Request(`http://test.local/api/orders/export?${params}`));
  const text = await response.text();
  const records = parse(text, { bom: true }) as string[][];
  const [header, ...rows] = records;
  return { response, text, header: header ?? [], rows };
}

async function countDemo(where: Prisma.OrderWhereInput) {
  return prisma.order.count({ where: { organizationId: demoOrgId, ...where } });
}

beforeAll(async () => {
  await seedDemo(prisma, new Date());
  demoOrgId = (await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORG } })).id;
  otherOrgId = (await prisma.organization.findFirstOrThrow({ where: { name: OTHER_ORG } })).id;
  ops = await asUser("ops@demo.test");
  supplier = await asUser("supplier@demo.test");
  other = await asUser("other@demo.test");
  stores = Object.fromEntries((await prisma.store.findMany({ where: { organizationId: demoOrgId } })).map((s) => [s.name, s.id]));
  // Stored flags for the rule filter: the seed writes none, the risk engine does.
  const some = await prisma.order.findMany({
    where: { organizationId: demoOrgId, channel: "TIKTOK_SHOP" },
    select: { id: true, storeId: true, supplierId: true },
    orderBy: { externalId: "asc" },
    take: 7,
  });
  flaggedOrderIds = some.map((o) => o.id);
  await prisma.riskFlag.createMany({
    data: some.map((o, i) => ({
      organizationId: demoOrgId,
      subjectType: "ORDER" as const,
      subjectId: o.id,
      orderId: o.id,
      storeId: o.storeId,
      supplierId: o.supplierId,
      rule: "tracking.invalid",
      severity: i % 2 ? ("CRITICAL" as const) : ("WARNING" as const),
      reason: "Test flag: the tracking number fails its check digit.",
    })),
    skipDuplicates: true,
  });
});

afterAll(async () => {
  await prisma.riskFlag.deleteMany({ where: { orderId: { in: flaggedOrderIds }, rule: "tracking.invalid", reason: { startsWith: "Test flag" } } });
  await prisma.$disconnect();
});

describe("GET /api/orders filters", () => {
  it("without filters: every order of the organisation, newest first", async () => {
    const { status, body } = await list(ops, "");
    expect(status).toBe(200);
    expect(body.total).toBe(await countDemo({}));
    expect(body.items).toHaveLength(50);
    const placed = body.items.map((i) => i.placedAt);
    expect([...placed].sort().reverse()).toEqual(placed);
  });

  it("channel", async () => {
    for (const channel of ["TIKTOK_SHOP", "BRAND_SITE"] as const) {
      const { body } = await list(ops, `channel=${channel}&pageSize=200`);
      expect(body.total).toBe(await countDemo({ channel }));
      expect(body.total).toBeGreaterThan(0);
      expect(body.items.every((i) => i.channel === channel)).toBe(true);
    }
  });

  it("store and several statuses", async () => {
    const store = stores["TikTok Shop UK"] as string;
    const { body } = await list(ops, `store=${store}&status=IN_TRANSIT,DELIVERED&pageSize=200`);
    const expected = await countDemo({ storeId: store, status: { in: ["IN_TRANSIT", "DELIVERED"] } });
    expect(expected).toBeGreaterThan(0);
    expect(body.total).toBe(expected);
    expect(body.items.every((i) => i.store.id === store && ["IN_TRANSIT", "DELIVERED"].includes(i.status))).toBe(true);
  });

  it("rule: orders with an open flag of that rule", async () => {
    const { body } = await list(ops, "rule=tracking.invalid");
    expect(body.total).toBe(await countDemo({ flags: { some: { rule: "tracking.invalid" } } }));
    const all = await list(ops, "rule=tracking.invalid&pageSize=200");
    expect(all.body.items.map((i) => i.id)).toEqual(expect.arrayContaining(flaggedOrderIds));
    const critical = body.items.filter((i) => i.flags.worst === "CRITICAL");
    expect(critical.length).toBeGreaterThan(0);
    expect(body.items.every((i) => i.flags.rules.includes("tracking.invalid") && i.flags.count >= 1)).toBe(true);
    const none = await list(ops, "rule=deposit.shortfall");
    expect(none.body.total).toBe(0);
  });

  it("q: an external id, a tracking number, a Shopify number typed without #", async () => {
    const tiktok = await prisma.order.findFirstOrThrow({ where: { organizationId: demoOrgId, channel: "TIKTOK_SHOP" }, orderBy: { placedAt: "desc" } });
    const byId = await list(ops, `q=${tiktok.externalId}`);
    expect(byId.body.items.map((i) => i.id)).toContain(tiktok.id);
    expect(byId.body.total).toBe(
      await countDemo({ OR: [{ externalId: { startsWith: tiktok.externalId } }, { trackingNumber: { startsWith: tiktok.externalId } }] }),
    );

    const tracked = await prisma.order.findFirstOrThrow({ where: { organizationId: demoOrgId, trackingNumber: { not: null } }, orderBy: { placedAt: "desc" } });
    const number = tracked.trackingNumber as string;
    const byTracking = await list(ops, `q=${encodeURIComponent(number.toLowerCase())}`);
    expect(byTracking.body.items.map((i) => i.id)).toContain(tracked.id);
    expect(byTracking.body.total).toBe(
      await countDemo({ OR: [{ trackingNumber: { startsWith: number } }, { externalId: { startsWith: number.toLowerCase() } }] }),
    );

    const brand = await prisma.order.findFirstOrThrow({ where: { organizationId: demoOrgId, channel: "BRAND_SITE" }, orderBy: { placedAt: "desc" } });
    const digits = brand.externalId.replace(/^#/, "");
    const shopify = await list(ops, `q=${digits}&sort=externalId`);
    const expected = await countDemo({
      OR: [{ externalId: { startsWith: digits } }, { externalId: { startsWith: `#${digits}` } }, { trackingNumber: { startsWith: digits } }],
    });
    expect(shopify.body.total).toBe(expected);
    expect(shopify.body.items.map((i) => i.id)).toContain(brand.id);

    // LIKE wildcards typed by the user are literals.
    expect((await list(ops, "q=%25")).body.total).toBe(0);
  });

  it("from/to dates are whole UTC days, both inclusive", async () => {
    const first = await prisma.order.findFirstOrThrow({ where: { organizationId: demoOrgId }, orderBy: { placedAt: "desc" } });
    const to = first.placedAt.toISOString().slice(0, 10);
    const fromDate = new Date(first.placedAt.getTime() - 6 * 86400_000).toISOString().slice(0, 10);
    const { body } = await list(ops, `from=${fromDate}&to=${to}&channel=TIKTOK_SHOP`);
    const expected = await countDemo({
      channel: "TIKTOK_SHOP",
      placedAt: { gte: new Date(`${fromDate}T00:00:00Z`), lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86400_000) },
    });
    expect(expected).toBeGreaterThan(0);
    expect(body.total).toBe(expected);

    // Instants are used as they are.
    const instantFrom = new Date(first.placedAt.getTime() - 3 * 86400_000).toISOString();
    const byInstant = await list(ops, `from=${encodeURIComponent(instantFrom)}`);
    expect(byInstant.body.total).toBe(await countDemo({ placedAt: { gte: new Date(instantFrom) } }));
  });

  it("supplier filter", async () => {
    const sup = await prisma.supplier.findFirstOrThrow({ where: { organizationId: demoOrgId, name: { startsWith: "Shenzhen" } } });
    const { body } = await list(ops, `supplier=${sup.id}`);
    expect(body.total).toBe(await countDemo({ supplierId: sup.id }));
    expect(body.total).toBeGreaterThan(0);
  });
});

describe("GET /api/orders paging and sorting", () => {
  it("page 2 continues page 1 and the total stays the same", async () => {
    const [p1, p2, both] = await Promise.all([list(ops, "pageSize=20&page=1"), list(ops, "pageSize=20&page=2"), list(ops, "pageSize=40")]);
    expect(p1.body.total).toBe(both.body.total);
    expect(p2.body.total).toBe(both.body.total);
    expect([...p1.body.items, ...p2.body.items].map((i) => i.id)).toEqual(both.body.items.map((i) => i.id));
    const last = await list(ops, `pageSize=200&page=${Math.ceil(both.body.total / 200)}`);
    expect(last.body.items.length).toBe(both.body.total % 200 || 200);
    const beyond = await list(ops, "pageSize=200&page=999");
    expect(beyond.body.items).toEqual([]);
  });

  it("sorts by total and by status", async () => {
    const byTotal = await list(ops, "sort=total&pageSize=200&channel=BRAND_SITE");
    const totals = byTotal.body.items.map((i) => Number(i.totalMinor));
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    const byStatus = await list(ops, "sort=-dispatchDueAt&pageSize=10");
    expect(byStatus.status).toBe(200);
  });

  it("money is an integer string of minor units", async () => {
    const { body } = await list(ops, "pageSize=5");
    for (const item of body.items) {
      expect(item.totalMinor).toMatch(/^\d+$/);
      expect(item.currency).toMatch(/^(USD|GBP)$/);
    }
  });
});

describe("GET /api/orders refuses bad parameters", () => {
  const cases: [string, string][] = [
    ["channel=AMAZON", "channel"],
    ["status=SHIPPED", "status"],
    ["status=DELIVERED,NOPE", "status"],
    ["rule=made.up", "rule"],
    ["from=2026-02-30", "from"],
    ["to=yesterday", "to"],
    ["from=2026-03-10&to=2026-03-01", "to"],
    ["page=0", "page"],
    ["page=abc", "page"],
    ["pageSize=201", "pageSize"],
    ["sort=price", "sort"],
    ["store=x'%20OR%201=1--", "store"],
    [`q=${"9".repeat(101)}`, "q"],
  ];
  for (const [params, param] of cases) {
    it(`${params.slice(0, 40)} → 400 naming ${param}`, async () => {
      const { status, body } = await list(ops, params);
      expect(status).toBe(400);
      expect(body.error).toBe("BAD_REQUEST");
      expect(body.message).toContain(param);
      expect(body.issues?.map((i) => i.param)).toContain(param);
    });
  }

  it("anonymous → 401", async () => {
    const { status } = await list(null, "");
    expect(status).toBe(401);
  });
});

describe("scoping", () => {
  it("another organisation never gets the demo's orders, even asking for a demo store", async () => {
    const own = await list(other, "pageSize=200");
    expect(own.body.total).toBe(await prisma.order.count({ where: { organizationId: otherOrgId } }));
    const demoIds = new Set((await prisma.order.findMany({ where: { organizationId: demoOrgId }, select: { id: true } })).map((o) => o.id));
    expect(own.body.items.some((i) => demoIds.has(i.id))).toBe(false);

    for (const params of [`store=${stores["TikTok Shop US"]}`, `supplier=${supplier.supplierId}`, `q=%231001`]) {
      const { status, body } = await list(other, params);
      expect(status).toBe(200);
      expect(body.total).toBe(0);
      expect(body.items).toEqual([]);
    }
    const csv = await exportCsv(other, `store=${stores["TikTok Shop US"]}`);
    expect(csv.rows).toEqual([]);
  });

  it("a supplier sees only their own orders, without money or buyer fields", async () => {
    const { body, text } = await list(supplier, "pageSize=200");
    expect(body.total).toBe(await countDemo({ supplierId: supplier.supplierId }));
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((i) => i.supplier?.id === supplier.supplierId)).toBe(true);
    for (const item of body.items) {
      expect(item).not.toHaveProperty("totalMinor");
      expect(item).not.toHaveProperty("currency");
    }
    expect(text).not.toMatch(/totalMinor|currency|buyer|@|shipAddress|phone/i);

    // Asking for another supplier's orders narrows nothing open: still only their own.
    const sup = await prisma.supplier.findFirstOrThrow({ where: { organizationId: demoOrgId, id: { not: supplier.supplierId as string } } });
    expect((await list(supplier, `supplier=${sup.id}`)).body.total).toBe(0);
    // Sorting by a price they cannot see does not rank by it.
    const sorted = await list(supplier, "sort=total&pageSize=20");
    const placed = sorted.body.items.map((i) => i.placedAt);
    expect([...placed].sort()).toEqual(placed);
  });

  it("order detail: another organisation's or supplier's order is not found", async () => {
    const demoOrder = await prisma.order.findFirstOrThrow({ where: { organizationId: demoOrgId, supplierId: { not: supplier.supplierId } } });
    expect(await getOrderDetail(scopeOf(other), demoOrder.id, new Date())).toBeNull();
    expect(await getOrderDetail(scopeOf(supplier), demoOrder.id, new Date())).toBeNull();
    const full = await getOrderDetail(scopeOf(ops), demoOrder.id, new Date());
    expect(full?.money?.totalMinor).toBe(demoOrder.totalMinor);
    expect(full?.lines.every((l) => typeof l.unitPriceMinor === "number")).toBe(true);

    const own = await prisma.order.findFirstOrThrow({ where: { organizationId: demoOrgId, supplierId: supplier.supplierId } });
    const seen = await getOrderDetail(scopeOf(supplier), own.id, new Date());
    expect(seen?.id).toBe(own.id);
    expect(seen).not.toHaveProperty("money");
    expect(seen).not.toHaveProperty("buyer");
    expect(seen?.lines.every((l) => !("unitPriceMinor" in l))).toBe(true);
  });
});

describe("GET /api/orders/export", () => {
  it("a header, then exactly the filtered rows", async () => {
    const { response, header, rows } = await exportCsv(ops, "channel=BRAND_SITE&status=DELIVERED,COMPLETED");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="orders-\d{8}\.csv"$/);
    expect(header.slice(0, 3)).toEqual(["order_id", "external_id", "channel"]);
    expect(header).toEqual(expect.arrayContaining(["total", "currency", "buyer_email", "placed_at_utc", "placed_at_local"]));
    const expected = await prisma.order.findMany({
      where: { organizationId: demoOrgId, channel: "BRAND_SITE", status: { in: ["DELIVERED", "COMPLETED"] } },
      select: { id: true, totalMinor: true },
    });
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(expected.map((o) => o.id)));
    const totalAt = header.indexOf("total");
    const byId = new Map(expected.map((o) => [o.id, o.totalMinor]));
    for (const row of rows) {
      expect(row[totalAt]).toMatch(/^\d+\.\d{2}$/);
      expect(Math.round(Number(row[totalAt]) * 100)).toBe(byId.get(row[0] as string));
    }
  });

  it("streams every page: more rows than one batch, none twice, in the list's order", async () => {
    const { rows } = await exportCsv(ops, "sort=status");
    const total = await countDemo({});
    expect(total).toBeGreaterThan(1000);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r[0])).size).toBe(total);
    const byDeadline = await exportCsv(ops, "sort=-dispatchDueAt&channel=TIKTOK_SHOP");
    expect(byDeadline.rows).toHaveLength(await countDemo({ channel: "TIKTOK_SHOP" }));
    expect(new Set(byDeadline.rows.map((r) => r[0])).size).toBe(byDeadline.rows.length);
  });

  it("a supplier's export has no money or buyer columns", async () => {
    const { header, rows, text } = await exportCsv(supplier, "");
    expect(rows).toHaveLength(await countDemo({ supplierId: supplier.supplierId }));
    expect(header).not.toEqual(expect.arrayContaining(["total"]));
    for (const banned of ["total", "currency", "buyer_name", "buyer_email", "buyer_phone", "ship_address1"]) expect(header).not.toContain(banned);
    expect(text).not.toMatch(/@/);
  });

  it("bad parameters → 400 before any CSV", async () => {
    session.user = ops;
    const response = await exportOrders(new Request("http://test.local/api/orders/export?channel=EBAY"));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { issues: { param: string }[] }).issues[0]?.param).toBe("channel");
  });
});
