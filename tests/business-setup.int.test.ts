// Issue 17's acceptance, end to end on the server side: an organisation of one's own from an
// empty database (no demo data), two stores with an import each, two suppliers with SKU rules,
// each supplier user seeing exactly their SKUs' orders, the owner the unassigned rest; a routing
// rule change moving open orders and leaving shipped ones alone; manual overrides kept.
import { execFile } from "node:child_process";
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { assignOrdersAction } from "@/lib/actions/order-assignment";
import { createStoreAction, setStoreArchivedAction } from "@/lib/actions/store-admin";
import {
  addWarehouseRuleAction,
  importSupplierStockAction,
  saveSupplierAction,
  setSkuSupplierAction,
  setStoreDefaultSupplierAction,
} from "@/lib/actions/suppliers";
import { addUserAction } from "@/lib/actions/users";
import { signUpAction } from "@/lib/actions/signup";
import type { SessionUser } from "@/lib/auth";
import { getOrderFilterOptions, listOrders } from "@/lib/data/orders";
import { scopeOf } from "@/lib/data/scope";
import { importOrderFile } from "@/lib/ingest/import-file";
import { upsertOrders } from "@/lib/ingest/upsert";
import type { NormalizedOrder } from "@/lib/ingest/types";
import { createOrganizationWithOwner, removeDemoOrganizations } from "@/lib/setup/organization";
import { EMPTY_ORDER_QUERY, type OrderQuery } from "@/lib/validations/orders";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const NOW = new Date("2026-03-20T12:00:00Z");
const run = Math.random().toString(36).slice(2, 8);
const ORG = `Acme Goods ${run}`;
const fixture = (name: string) => path.join(process.cwd(), "lib/ingest/fixtures", name);

type Result = { ok: boolean; data?: unknown; message?: string; code?: string; fieldErrors?: Record<string, string> };
const ok = async (p: Promise<unknown>) => {
  const r = (await p) as Result;
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return r as Result & { data: { id: string; moved?: number } & Record<string, unknown> };
};
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

async function userOf(email: string): Promise<SessionUser> {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true } });
}
async function visible(user: SessionUser, query: Partial<OrderQuery> = {}): Promise<string[]> {
  const list = await listOrders(scopeOf(user), { ...EMPTY_ORDER_QUERY, pageSize: 200, ...query }, NOW);
  expect(list.total, "the count agrees with the rows").toBe(list.items.length);
  return list.items.map((o) => o.externalId).sort();
}
async function importInto(storeId: string, organizationId: string, file: string) {
  return importOrderFile(prisma, { storeId, organizationId, stream: createReadStream(fixture(file)), bytesTotal: statSync(fixture(file)).size, now: NOW });
}

let owner: SessionUser;
let tiktokId: string;
let brandId: string;
let sunrise: string;
let harbour: string;

describe("a real business from an empty organisation", () => {
  beforeAll(async () => {
    const created = await createOrganizationWithOwner(prisma, { organization: ORG, email: `ann-${run}@acme.test`, password: "correct-horse-battery" }, "test");
    owner = await userOf(`ann-${run}@acme.test`);
    expect(owner).toMatchObject({ id: created.ownerId, organizationId: created.organizationId, role: "OWNER" });
    session.user = owner;
  });

  it("starts empty: no stores, no suppliers, no orders", async () => {
    expect(await visible(owner)).toEqual([]);
    expect(await getOrderFilterOptions(scopeOf(owner))).toEqual({ stores: [], suppliers: [] });
    expect(await prisma.auditLog.findMany({ where: { organizationId: owner.organizationId }, select: { action: true } })).toEqual([
      { action: "organization.create" },
    ]);
  });

  it("adds a TikTok store and a brand-site store, refusing bad fields by name", async () => {
    const bad = (await createStoreAction(null, form({ name: "", channel: "TIKTOK_SHOP", market: "FR", timeZone: "Mars/Base" }))) as Result;
    expect(bad.ok).toBe(false);
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["market", "name", "timeZone"]);

    tiktokId = (
      await ok(
        createStoreAction(
          null,
          form({ name: "TikTok US", channel: "TIKTOK_SHOP", market: "US", kind: "LOCAL", timeZone: "America/Los_Angeles", joinedOn: "2025-01-15" }),
        ),
      )
    ).data.id;
    brandId = (await ok(createStoreAction(null, form({ name: "Brand site", channel: "BRAND_SITE", market: "US", timeZone: "America/New_York" })))).data.id;
    const dup = (await createStoreAction(null, form({ name: "TikTok US", channel: "TIKTOK_SHOP", market: "US", timeZone: "UTC" }))) as Result;
    expect(dup.fieldErrors?.name).toMatch(/already has this name/);

    const stores = await prisma.store.findMany({
      where: { organizationId: owner.organizationId },
      orderBy: { name: "asc" },
      select: { name: true, channel: true, kind: true, currency: true, joinedOn: true },
    });
    expect(stores).toEqual([
      { name: "Brand site", channel: "BRAND_SITE", kind: null, currency: "USD", joinedOn: expect.any(Date) },
      { name: "TikTok US", channel: "TIKTOK_SHOP", kind: "LOCAL", currency: "USD", joinedOn: new Date("2025-01-15T00:00:00Z") },
    ]);
  });

  it("imports an export into each store; every SKU on the lines becomes a listing; nothing is assigned yet", async () => {
    expect(await importInto(tiktokId, owner.organizationId, "tiktok-us.csv")).toMatchObject({ orders: 4, created: 4, errors: [] });
    expect(await importInto(brandId, owner.organizationId, "shopify-current.csv")).toMatchObject({ created: 4 });
    const skus = (await prisma.listing.findMany({ where: { organizationId: owner.organizationId }, select: { sku: true } })).map((l) => l.sku).sort();
    expect(skus).toEqual(expect.arrayContaining(["MUG", "MUG-01", "SOCK-3", "TEA", "TEE-RED-M", "CAP-BLK", "LS-M"]));
    expect(await visible(owner, { supplier: "unassigned" })).toHaveLength(8);
  });

  it("routes by SKU rule: each supplier user sees exactly their SKUs' orders, the owner the unassigned rest", async () => {
    sunrise = (
      await ok(
        saveSupplierAction(
          null,
          form({ name: "Sunrise", shipFromCountry: "us", promisedOutboundHours: "24", promisedDeliveryDays: "5", contactEmail: "ops@sunrise.test" }),
        ),
      )
    ).data.id;
    harbour = (await ok(saveSupplierAction(null, form({ name: "Harbour", shipFromCountry: "CN", promisedOutboundHours: "48", promisedDeliveryDays: "12" }))))
      .data.id;
    const badSupplier = (await saveSupplierAction(
      null,
      form({ name: "Sunrise", shipFromCountry: "USA", promisedOutboundHours: "-1", promisedDeliveryDays: "x" }),
    )) as Result;
    expect(Object.keys(badSupplier.fieldErrors ?? {}).sort()).toEqual(["promisedDeliveryDays", "promisedOutboundHours", "shipFromCountry"]);

    // Sunrise ships mugs (TikTok 583870900000000002, awaiting shipment; brand site #1002, unfulfilled),
    // Harbour socks and tea (TikTok …004 delivered — an imported history gets its supplier; #1004).
    await ok(setSkuSupplierAction({ sku: "MUG-01", supplierId: sunrise }));
    await ok(setSkuSupplierAction({ sku: "MUG", supplierId: sunrise }));
    await ok(setSkuSupplierAction({ sku: "SOCK-3", supplierId: harbour }));
    await ok(setSkuSupplierAction({ sku: "TEA", supplierId: harbour }));

    await ok(
      addUserAction(null, form({ email: `sun-${run}@sunrise.test`, name: "Sun", role: "SUPPLIER", supplierId: sunrise, password: "supplier-password" })),
    );
    await ok(
      addUserAction(null, form({ email: `har-${run}@harbour.test`, name: "Har", role: "SUPPLIER", supplierId: harbour, password: "supplier-password" })),
    );
    const sunUser = await userOf(`sun-${run}@sunrise.test`);
    const harUser = await userOf(`har-${run}@harbour.test`);

    expect(await visible(sunUser)).toEqual(["#1002", "583870900000000002"]);
    expect(await visible(harUser)).toEqual(["#1004", "583870900000000004"]);
    expect(await visible(owner, { supplier: "unassigned" })).toEqual(["#1001", "#1003", "583870900000000001", "583870900000000003"]);
    expect(await visible(owner)).toHaveLength(8);
    // A supplier asking for the unassigned orders still sees only their own (none of them).
    expect(await visible(sunUser, { supplier: "unassigned" })).toEqual([]);
  });

  it("routes new orders on every write: a webhook-sized upsert and a re-import", async () => {
    const order: NormalizedOrder = {
      channel: "TIKTOK_SHOP",
      externalId: `58387099${run}`,
      sourceId: null,
      status: "AWAITING_SHIPMENT",
      placedAt: new Date("2026-03-19T10:00:00Z"),
      paidAt: new Date("2026-03-19T10:01:00Z"),
      inTransitAt: null,
      deliveredAt: null,
      cancelledAt: null,
      carrier: null,
      trackingNumber: null,
      labelSource: "UNKNOWN",
      shipFromCountry: null,
      currency: "USD",
      totalMinor: 1500,
      buyerName: null,
      buyerEmail: null,
      buyerPhone: null,
      shipAddress1: null,
      shipAddress2: null,
      shipCity: null,
      shipRegion: null,
      shipPostcode: null,
      shipCountry: "US",
      sourceUpdatedAt: new Date("2026-03-19T10:02:00Z"),
      lines: [
        { sku: "NEW-SKU", productName: "New thing", quantity: 1, unitPriceMinor: 500 },
        { sku: "TEA", productName: "Tea", quantity: 1, unitPriceMinor: 1000 },
      ],
    } as NormalizedOrder;
    const store = await prisma.store.findUniqueOrThrow({ where: { id: tiktokId }, select: { id: true, organizationId: true, market: true } });
    expect(await upsertOrders(prisma, store, [order], NOW)).toMatchObject({ created: 1 });
    const stored = await prisma.order.findFirstOrThrow({ where: { storeId: tiktokId, externalId: order.externalId }, select: { supplierId: true } });
    // The first line's SKU has no supplier; the second's does.
    expect(stored.supplierId).toBe(harbour);
    expect(await prisma.listing.count({ where: { organizationId: owner.organizationId, sku: "NEW-SKU", name: "New thing" } })).toBe(1);
    // Re-importing changes nothing, assignments included.
    expect(await importInto(brandId, owner.organizationId, "shopify-current.csv")).toMatchObject({ created: 0, updated: 0 });
    expect(await visible(await userOf(`sun-${run}@sunrise.test`))).toEqual(["#1002", "583870900000000002"]);
  });

  it("changing a routing rule moves the open orders it matches and leaves shipped ones alone", async () => {
    // 583870900000000001 (In Transit) and #1001 (fulfilled) carry TEE-RED-M / LS-M: give those SKUs to
    // Sunrise via a store default first, then see what a SKU rule to Harbour moves.
    await ok(setStoreDefaultSupplierAction({ storeId: tiktokId, supplierId: sunrise }));
    const sunUser = await userOf(`sun-${run}@sunrise.test`);
    // Unassigned TikTok orders (shipped …001 and cancelled …003 included) get the store default.
    expect(await visible(sunUser)).toEqual(["#1002", "583870900000000001", "583870900000000002", "583870900000000003"]);

    // MUG-01 moves to Harbour: its open order (…002) moves with it.
    const moved = await ok(setSkuSupplierAction({ sku: "MUG-01", supplierId: harbour }));
    expect(moved.data).toEqual({ moved: 1 });
    // TEE-RED-M to Harbour: its order (…001) has shipped with Sunrise and stays there.
    expect((await ok(setSkuSupplierAction({ sku: "TEE-RED-M", supplierId: harbour }))).data).toEqual({ moved: 0 });
    expect(await visible(sunUser)).toEqual(["#1002", "583870900000000001", "583870900000000003"]);
    const harUser = await userOf(`har-${run}@harbour.test`);
    expect(await visible(harUser)).toEqual(["#1004", "583870900000000002", "583870900000000004", `58387099${run}`]);

    // A warehouse rule outranks the SKU: an open order shipped from "LA Warehouse" goes to Sunrise.
    await prisma.order.updateMany({ where: { storeId: tiktokId, externalId: "583870900000000002" }, data: { warehouseName: "LA Warehouse" } });
    expect((await ok(addWarehouseRuleAction({ warehouseName: "la warehouse", supplierId: sunrise }))).data).toEqual({ moved: 1 });
    expect(await visible(sunUser)).toContain("583870900000000002");

    const audit = await prisma.auditLog.findMany({
      where: { organizationId: owner.organizationId, action: { startsWith: "routing." } },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["routing.sku", "routing.store_default", "routing.warehouse.set"]));
  });

  it("keeps a manual assignment through rule changes, in bulk, until sent back to the rules", async () => {
    const ids = (
      await prisma.order.findMany({ where: { organizationId: owner.organizationId, externalId: { in: ["#1001", "#1003"] } }, select: { id: true } })
    ).map((o) => o.id);
    const r = await ok(assignOrdersAction(null, form({ orderIds: ids.join(","), supplierId: harbour })));
    expect(r.message).toBe("2 orders assigned to Harbour.");
    await ok(setStoreDefaultSupplierAction({ storeId: brandId, supplierId: sunrise }));
    const harUser = await userOf(`har-${run}@harbour.test`);
    expect(await visible(harUser)).toEqual(expect.arrayContaining(["#1001", "#1003"]));
    expect(await visible(owner, { supplier: "unassigned" })).toEqual([]);

    await ok(assignOrdersAction({ orderIds: [ids[0] as string], supplierId: "" }));
    const back = await prisma.order.findUniqueOrThrow({ where: { id: ids[0] as string }, select: { supplierId: true, supplierManual: true } });
    expect(back).toEqual({ supplierId: sunrise, supplierManual: false });
    // Another organisation's owner cannot touch these orders.
    await createOrganizationWithOwner(prisma, { organization: "Rival", email: `rival-${run}@rival.test`, password: "rival-password-1" }, "test");
    session.user = await userOf(`rival-${run}@rival.test`);
    expect(((await assignOrdersAction({ orderIds: ids, supplierId: "" })) as Result).code).toBe("NOT_FOUND");
    session.user = owner;
    expect(await prisma.order.findUniqueOrThrow({ where: { id: ids[1] as string }, select: { supplierId: true, supplierManual: true } })).toEqual({
      supplierId: harbour,
      supplierManual: true,
    });
  });

  it("imports a supplier's stock file, refusing other suppliers' and unknown SKUs by line", async () => {
    // Listings made from order lines have no stock count yet: no oversell alarm on an unknown.
    const oversell = () =>
      prisma.riskFlag.findMany({ where: { organizationId: owner.organizationId, rule: "inventory.oversell_risk" }, select: { subjectId: true } });
    expect(await oversell()).toEqual([]);
    const r = await ok(importSupplierStockAction({ supplierId: harbour, csv: "SKU,available\nSOCK-3,40\nMUG,5\nNOPE,1\nTEA,-2\nMUG-01,0\n" }));
    expect(r.data).toEqual({
      updated: 2,
      errors: [
        { line: 5, message: expect.stringMatching(/whole number/) },
        { line: 3, message: "SKU MUG is routed to another supplier" },
        { line: 4, message: "SKU NOPE is not in your catalogue" },
      ],
    });
    expect(await prisma.listing.findFirst({ where: { organizationId: owner.organizationId, sku: "SOCK-3" }, select: { availableStock: true } })).toEqual({
      availableStock: 40,
    });
    // A known zero under an open order (583870900000000002 needs MUG-01) is an oversell risk.
    const mug = await prisma.listing.findFirstOrThrow({ where: { organizationId: owner.organizationId, sku: "MUG-01" }, select: { id: true } });
    expect(await oversell()).toEqual([{ subjectId: mug.id }]);
    const empty = (await importSupplierStockAction({ supplierId: harbour, csv: "sku\nX\n" })) as Result;
    expect(empty).toMatchObject({ ok: false, message: expect.stringMatching(/available/) });
  });

  it("archives a store: its orders stay, it leaves the filter choices", async () => {
    await ok(setStoreArchivedAction({ storeId: brandId, archived: "true" }));
    expect((await getOrderFilterOptions(scopeOf(owner))).stores.map((s) => s.name)).toEqual(["TikTok US"]);
    expect(await visible(owner, { store: brandId })).toHaveLength(4);
    await ok(setStoreArchivedAction({ storeId: brandId, archived: "false" }));
  });
});

describe("sign-up and the operator CLIs", () => {
  it("signs up with a 12-character password, refuses a taken e-mail and a short password by field", async () => {
    session.user = null;
    const email = `new-${run}@shop.test`;
    const short = (await signUpAction(null, form({ organization: "New Shop", email, password: "short" }))) as Result;
    expect(short.fieldErrors).toEqual({ password: "Use at least 12 characters." });
    await ok(signUpAction(null, form({ organization: "New Shop", email, password: "twelve-chars" })));
    const again = (await signUpAction(null, form({ organization: "Other", email, password: "twelve-chars" }))) as Result;
    expect(again.fieldErrors).toEqual({ email: "An account with this e-mail already exists." });
    process.env.ALLOW_SIGNUP = "0";
    expect(((await signUpAction(null, form({ organization: "X", email: `x-${run}@shop.test`, password: "twelve-chars" }))) as Result).code).toBe("NOT_FOUND");
    delete process.env.ALLOW_SIGNUP;
  });

  it("setup and store add: the contracts' output and exit codes", async () => {
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "" };
    if (!env.DATABASE_URL) return; // the CLIs need a server database (embedded test databases are in memory)
    const cli = (args: string[], stdin?: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const child = execFile("npx", ["tsx", ...args], { env }, (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
        child.stdin?.end(stdin ?? "");
      });
    const org = `CLI Org ${run}`;
    const made = await cli(["scripts/setup.ts", "--org", org, "--owner", `cli-${run}@shop.test`], "a-good-long-password\n");
    expect(made.code, made.stderr).toBe(0);
    const ids = JSON.parse(made.stdout.trim()) as { organizationId: string; ownerId: string };
    expect(Object.keys(ids)).toEqual(["organizationId", "ownerId"]);
    expect(await prisma.user.findUnique({ where: { id: ids.ownerId }, select: { organizationId: true, role: true } })).toEqual({
      organizationId: ids.organizationId,
      role: "OWNER",
    });
    const taken = await cli(["scripts/setup.ts", "--org", org, "--owner", `cli-${run}@shop.test`], "a-good-long-password\n");
    expect(taken).toMatchObject({ code: 2, stdout: "" });
    expect(taken.stderr).toMatch(/already exists/);
    expect((await cli(["scripts/setup.ts", "--org", org, "--owner", `cli2-${run}@shop.test`], "elevenchars")).code).toBe(2);

    const store = await cli([
      "scripts/store.ts",
      "add",
      "--org",
      org,
      "--name",
      "UK shop",
      "--channel",
      "TIKTOK_SHOP",
      "--market",
      "UK",
      "--kind",
      "CROSS_BORDER",
      "--zone",
      "Europe/London",
    ]);
    expect(store.code, store.stderr).toBe(0);
    expect(await prisma.store.findUnique({ where: { id: store.stdout.trim() }, select: { organizationId: true, kind: true, currency: true } })).toEqual({
      organizationId: ids.organizationId,
      kind: "CROSS_BORDER",
      currency: "GBP",
    });
    const badZone = await cli(["scripts/store.ts", "add", "--org", org, "--name", "X", "--channel", "BRAND_SITE", "--market", "US", "--zone", "Nowhere"]);
    expect(badZone.code).toBe(2);
    expect(badZone.stderr).toMatch(/--zone/);
  }, 60_000);

  it("demo removal deletes only demo organisations", async () => {
    const demo = await prisma.organization.create({ data: { name: `Demo ${run}`, isDemo: true }, select: { id: true } });
    const result = await removeDemoOrganizations(prisma, demo.id);
    expect(result.removed).toEqual([`Demo ${run}`]);
    expect(await prisma.organization.count({ where: { name: ORG } })).toBe(1);
  });
});
