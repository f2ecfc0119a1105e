import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

type TestSession = {
  user: { id: string; email: string; name: string; organizationId: string; role: "OWNER" | "OPS" | "SUPPLIER"; supplierId: string | null };
} | null;
const auth = vi.hoisted(() => ({ session: null as TestSession }));
vi.mock("next-auth", () => ({ getServerSession: async () => auth.session }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

import { POST as importPricesRoute } from "@/app/api/compliance/prices/import/route";
import { POST as importVideosRoute } from "@/app/api/compliance/videos/import/route";
import { addCreator, recordDepositEntry, recordVideo, setListingPrice, setStock, upsertRegistration } from "@/lib/actions/compliance";
import { getDepositTotals } from "@/lib/data/compliance";
import { scopeOf } from "@/lib/data/scope";
import { DEMO_ORG, seedDemo } from "@/lib/seed/demo";
import { seedCompliance } from "@/lib/seed/demo-compliance";
import { testDb } from "./db";
import { pinClock } from "./pinned-clock";

pinClock();

const prisma = testDb();
const HOUR = 3_600_000;
const stamp = Date.now();

type Org = { id: string; storeId: string; supplierId: string };
let a: Org;
let b: Org & { creatorId: string; listingId: string };

function signInAs(org: { id: string; supplierId?: string }, role: "OWNER" | "OPS" | "SUPPLIER") {
  auth.session = {
    user: {
      id: `u-${role}-${org.id}`,
      email: `${role.toLowerCase()}@${org.id}.test`,
      name: role,
      organizationId: org.id,
      role,
      supplierId: role === "SUPPLIER" ? (org.supplierId ?? null) : null,
    },
  };
}

async function makeOrg(label: string): Promise<Org> {
  const org = await prisma.organization.create({ data: { name: `Compliance ${label} ${stamp}` } });
  const store = await prisma.store.create({
    data: {
      organizationId: org.id,
      name: "TikTok US",
      channel: "TIKTOK_SHOP",
      market: "US",
      kind: "CROSS_BORDER",
      timeZone: "America/Los_Angeles",
      currency: "USD",
      joinedOn: new Date("2025-09-01"),
    },
  });
  const supplier = await prisma.supplier.create({
    data: { organizationId: org.id, name: "Supplier", shipFromCountry: "US", promisedOutboundHours: 48, promisedDeliveryDays: 5 },
  });
  // The session is checked against the User table (active accounts only).
  for (const role of ["OWNER", "OPS", "SUPPLIER"] as const) {
    await prisma.user.create({
      data: {
        id: `u-${role}-${org.id}`,
        organizationId: org.id,
        email: `${role.toLowerCase()}@${org.id}.test`,
        name: role,
        role,
        passwordHash: "x",
        supplierId: role === "SUPPLIER" ? supplier.id : null,
      },
    });
  }
  return { id: org.id, storeId: store.id, supplierId: supplier.id };
}

const flagsOf = (subjectId: string) => prisma.riskFlag.findMany({ where: { subjectId }, select: { rule: true, severity: true, reason: true, evidence: true } });
const rulesOf = async (subjectId: string) => (await flagsOf(subjectId)).map((f) => f.rule).sort();

function csvRequest(path: string, csv: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new File([csv], "upload.csv", { type: "text/csv" }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request(`http://localhost${path}`, { method: "POST", body: form });
}

beforeAll(async () => {
  a = await makeOrg("A");
  const bOrg = await makeOrg("B");
  const creator = await prisma.creator.create({ data: { organizationId: bOrg.id, storeId: bOrg.storeId, handle: "b.creator", displayName: "B" } });
  const listing = await prisma.listing.create({ data: { organizationId: bOrg.id, sku: "B-SKU", name: "B thing", availableStock: 5 } });
  b = { ...bOrg, creatorId: creator.id, listingId: listing.id };
});

afterAll(async () => {
  await prisma.organization.deleteMany({ where: { id: { in: [a.id, b.id] } } });
  await prisma.$disconnect();
});

describe("compliance writes", () => {
  it("a deposit payment clears the shortfall flag, and every write is audited", async () => {
    signInAs(a, "OWNER");
    expect(await recordDepositEntry({ storeId: a.storeId, kind: "PAYMENT", amount: "1000.00", currency: "USD" })).toMatchObject({ ok: true });
    const short = await flagsOf(a.storeId);
    expect(short.map((f) => f.rule)).toContain("deposit.shortfall");
    expect(short.find((f) => f.rule === "deposit.shortfall")?.severity).toBe("CRITICAL");
    expect(short.find((f) => f.rule === "deposit.shortfall")?.reason).toContain("$500.00 short");

    expect(await recordDepositEntry({ storeId: a.storeId, kind: "PAYMENT", amount: "500", currency: "USD", note: "Top-up" })).toMatchObject({ ok: true });
    expect(await rulesOf(a.storeId)).not.toContain("deposit.shortfall");
    // A deduction takes it below the standard again.
    await recordDepositEntry({ storeId: a.storeId, kind: "DEDUCTION", amount: "25.00", currency: "USD" });
    expect(await rulesOf(a.storeId)).toContain("deposit.shortfall");
    await recordDepositEntry({ storeId: a.storeId, kind: "PAYMENT", amount: "25.00", currency: "USD" });
    expect(await rulesOf(a.storeId)).not.toContain("deposit.shortfall");

    const totals = await getDepositTotals(scopeOf(auth.session!.user));
    expect(totals).toEqual([{ currency: "USD", totalMinor: 150_000, stores: 1 }]);
    const audits = await prisma.auditLog.findMany({ where: { organizationId: a.id, action: "deposit.record" } });
    expect(audits).toHaveLength(4);
    expect(audits[0]?.actorLabel).toBe(`owner@${a.id}.test`);
  });

  it("registration flags follow the record: sole proprietorship, licence running out", async () => {
    signInAs(a, "OWNER");
    const soon = new Date(Date.now() + 100 * 24 * HOUR).toISOString().slice(0, 10);
    const bad = await upsertRegistration({
      storeId: a.storeId,
      legalName: "A Ltd",
      entityType: "SOLE_PROPRIETORSHIP",
      registrationCountry: "cn",
      incorporatedOn: "2020-01-01",
      licenceExpiresOn: soon,
    });
    expect(bad).toMatchObject({ ok: true });
    expect(await rulesOf(a.storeId)).toEqual(["registration.entity_not_eligible", "registration.license_expiring"]);
    await upsertRegistration({
      storeId: a.storeId,
      legalName: "A Ltd",
      entityType: "COMPANY",
      registrationCountry: "CN",
      incorporatedOn: "2020-01-01",
      licenceExpiresOn: "2030-01-01",
    });
    expect(await rulesOf(a.storeId)).toEqual([]);
    const invalid = await upsertRegistration({
      storeId: a.storeId,
      legalName: "",
      entityType: "LLC",
      registrationCountry: "China",
      incorporatedOn: "2020-02-30",
    });
    expect(invalid).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    if (!invalid.ok) expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(["entityType", "incorporatedOn", "legalName", "registrationCountry"]);
  });

  it("a video posted past the quota is flagged", async () => {
    signInAs(a, "OWNER");
    const added = await addCreator({ storeId: a.storeId, handle: "@Quota.Tester", displayName: "Quota Tester" });
    expect(added).toMatchObject({ ok: true });
    const creatorId = added.ok ? added.data.id : "";
    const t0 = Date.now() - 60 * HOUR;
    const post = (i: number, style: string) =>
      recordVideo({ creatorId, postedAt: new Date(t0 + i * HOUR).toISOString(), title: `Video ${i}`, hasProductLink: "on", style });
    for (let i = 0; i < 4; i++) await post(i, "STATIC_IMAGES");
    expect(await rulesOf(creatorId)).toEqual(["content.near_limit"]);
    await post(4, "TEXT_SLIDESHOW");
    expect(await rulesOf(creatorId)).toEqual(["content.restricted"]);
    const ids: string[] = [];
    for (let i = 5; i < 13; i++) {
      const r = await post(i, "REAL_PERSON");
      if (r.ok) ids.push(r.data.id);
    }
    const flags = await flagsOf(creatorId);
    expect(flags.map((f) => f.rule).sort()).toEqual(["content.links_dropped", "content.restricted"]);
    expect(flags.find((f) => f.rule === "content.links_dropped")?.evidence).toEqual([{ field: "videoId", value: ids[7] }]);
    expect(flags.find((f) => f.rule === "content.restricted")?.evidence).toContainEqual({ field: "linkedVideosLeft", value: 0 });
  });

  it("a price change on one channel raises a mismatch, and oversell follows stock against open demand", async () => {
    signInAs(a, "OWNER");
    const listing = await prisma.listing.create({ data: { organizationId: a.id, sku: "A-LAMP", name: "Lamp", availableStock: 10 } });
    const earlier = new Date(Date.now() - 48 * HOUR);
    await prisma.listingPrice.createMany({
      data: [
        { listingId: listing.id, channel: "TIKTOK_SHOP", currency: "USD", priceMinor: 1999, effectiveAt: earlier },
        { listingId: listing.id, channel: "BRAND_SITE", currency: "USD", priceMinor: 1999, effectiveAt: earlier },
      ],
    });
    expect(await setListingPrice({ listingId: listing.id, channel: "TIKTOK_SHOP", currency: "USD", price: "20.00" })).toMatchObject({ ok: true });
    expect(await rulesOf(listing.id)).toEqual([]); // .99 round-up
    expect(await setListingPrice({ listingId: listing.id, channel: "TIKTOK_SHOP", currency: "usd", price: "19.00" })).toMatchObject({ ok: true });
    const mismatch = (await flagsOf(listing.id)).find((f) => f.rule === "pricing.mismatch");
    expect(mismatch?.evidence).toContainEqual({ field: "direction", value: "tiktok_lower" });
    expect(mismatch?.evidence).toContainEqual({ field: "differencePercent", value: "5.0%" });
    const audit = await prisma.auditLog.findFirst({ where: { organizationId: a.id, action: "listing.price" }, orderBy: { createdAt: "desc" } });
    expect(audit?.before).toEqual({ channel: "TIKTOK_SHOP", currency: "USD", priceMinor: 2000 });
    expect(audit?.after).toEqual({ channel: "TIKTOK_SHOP", currency: "USD", priceMinor: 1900 });

    const order = await prisma.order.create({
      data: {
        organizationId: a.id,
        storeId: a.storeId,
        channel: "TIKTOK_SHOP",
        externalId: `5768${stamp}`,
        status: "AWAITING_SHIPMENT",
        placedAt: new Date(),
        currency: "USD",
        totalMinor: 5700,
      },
    });
    await prisma.orderLine.create({ data: { orderId: order.id, position: 0, sku: "A-LAMP", productName: "Lamp", quantity: 3, unitPriceMinor: 1900 } });
    expect(await setStock({ listingId: listing.id, availableStock: "2" })).toMatchObject({ ok: true });
    expect(await rulesOf(listing.id)).toEqual(["inventory.oversell_risk", "pricing.mismatch"]);
    signInAs(a, "OPS");
    expect(await setStock({ listingId: listing.id, availableStock: "3" })).toMatchObject({ ok: true });
    expect(await rulesOf(listing.id)).toEqual(["pricing.mismatch"]);
  });

  it("ops can record a video and set stock, but not a deposit, a price, a registration or a creator", async () => {
    signInAs(a, "OPS");
    const creator = await prisma.creator.findFirstOrThrow({ where: { organizationId: a.id } });
    expect(
      await recordVideo({ creatorId: creator.id, postedAt: new Date().toISOString(), title: "Ops video", hasProductLink: "", style: "DEMO" }),
    ).toMatchObject({ ok: true });
    expect(await recordDepositEntry({ storeId: a.storeId, kind: "PAYMENT", amount: "10", currency: "USD" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const listing = await prisma.listing.findFirstOrThrow({ where: { organizationId: a.id } });
    expect(await setListingPrice({ listingId: listing.id, channel: "BRAND_SITE", currency: "USD", price: "1" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await upsertRegistration({ storeId: a.storeId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await addCreator({ storeId: a.storeId, handle: "x.y", displayName: "X" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const res = await importVideosRoute(
      csvRequest(
        "/api/compliance/videos/import",
        `creator,posted_at,title,has_product_link,style\n${creator.handle},${new Date().toISOString()},CSV by ops,yes,REAL_PERSON\n`,
      ),
    );
    expect(res.status).toBe(200);
    expect(
      (await importPricesRoute(csvRequest("/api/compliance/prices/import", "sku,price\nA-LAMP,1.00\n", { channel: "BRAND_SITE", currency: "USD" }))).status,
    ).toBe(403);
  });

  it("suppliers and anonymous callers are refused everywhere", async () => {
    const listing = await prisma.listing.findFirstOrThrow({ where: { organizationId: a.id } });
    const creator = await prisma.creator.findFirstOrThrow({ where: { organizationId: a.id } });
    for (const who of ["SUPPLIER", null] as const) {
      if (who) signInAs(a, who);
      else auth.session = null;
      const code = who ? "FORBIDDEN" : "UNAUTHENTICATED";
      expect(await recordVideo({ creatorId: creator.id, postedAt: new Date().toISOString(), title: "x", style: "DEMO" })).toMatchObject({ ok: false, code });
      expect(await setStock({ listingId: listing.id, availableStock: 1 })).toMatchObject({ ok: false, code });
      expect(await recordDepositEntry({ storeId: a.storeId, kind: "PAYMENT", amount: "1" })).toMatchObject({ ok: false, code });
      const status = who ? 403 : 401;
      expect((await importVideosRoute(csvRequest("/api/compliance/videos/import", "creator\nx\n"))).status).toBe(status);
      expect((await importPricesRoute(csvRequest("/api/compliance/prices/import", "sku\nx\n", { channel: "TIKTOK_SHOP" }))).status).toBe(status);
    }
  });

  it("another organisation's ids are refused by every action and import", async () => {
    signInAs(a, "OWNER");
    const before = await prisma.auditLog.count({ where: { organizationId: b.id } });
    const results = [
      await upsertRegistration({ storeId: b.storeId, legalName: "Hijack", entityType: "COMPANY", registrationCountry: "US", incorporatedOn: "2020-01-01" }),
      await recordDepositEntry({ storeId: b.storeId, kind: "REFUND", amount: "100", currency: "USD" }),
      await addCreator({ storeId: b.storeId, handle: "intruder", displayName: "I" }),
      await recordVideo({ creatorId: b.creatorId, postedAt: new Date().toISOString(), title: "x", hasProductLink: "on", style: "STATIC_IMAGES" }),
      await setListingPrice({ listingId: b.listingId, channel: "TIKTOK_SHOP", currency: "USD", price: "1.00" }),
      await setStock({ listingId: b.listingId, availableStock: 0 }),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const videos = await importVideosRoute(
      csvRequest("/api/compliance/videos/import", `creator,posted_at,title,has_product_link,style\nb.creator,${new Date().toISOString()},x,yes,DEMO\n`),
    );
    expect(videos.status).toBe(400);
    expect(await videos.json()).toEqual({
      saved: 0,
      errors: [{ line: 2, column: "creator", message: "No creator @b.creator in your organisation: add them first" }],
    });
    const prices = await importPricesRoute(csvRequest("/api/compliance/prices/import", "sku,price\nB-SKU,1.00\n", { channel: "TIKTOK_SHOP", currency: "USD" }));
    expect(prices.status).toBe(400);
    expect((await prices.json()).errors[0]).toMatchObject({ line: 2, column: "sku" });

    expect(await prisma.shopVideo.count({ where: { creatorId: b.creatorId } })).toBe(0);
    expect(await prisma.listingPrice.count({ where: { listingId: b.listingId } })).toBe(0);
    expect(await prisma.depositEntry.count({ where: { storeId: b.storeId } })).toBe(0);
    expect(await prisma.businessRegistration.count({ where: { storeId: b.storeId } })).toBe(0);
    expect((await prisma.listing.findUniqueOrThrow({ where: { id: b.listingId } })).availableStock).toBe(5);
    expect(await prisma.auditLog.count({ where: { organizationId: b.id } })).toBe(before);
    expect(await getDepositTotals(scopeOf({ id: "x", email: "", name: "", organizationId: b.id, role: "OWNER", supplierId: null }))).toEqual([]);
  });

  it("CSV imports save the valid rows and name the line and column of the others", async () => {
    signInAs(a, "OWNER");
    const now = new Date().toISOString();
    const csv = [
      "Creator,Posted At,Title,Format,Has Product Link,Style",
      `@quota.tester,${now},Good one,,yes,demo`,
      `quota.tester,yesterday,Bad time,,yes,DEMO`,
      `quota.tester,${now},Bad style,,yes,PUPPETS`,
      `quota.tester,${now},"Multi-line
title",LIVE,no,REAL_PERSON`,
      `nobody,${now},Unknown,,maybe,DEMO`,
    ].join("\n");
    const res = await importVideosRoute(csvRequest("/api/compliance/videos/import", csv));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { saved: number; errors: { line: number; column: string; message: string }[] };
    expect(body.saved).toBe(2);
    expect(body.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "posted_at"],
      [4, "style"],
      [7, "has_product_link"],
    ]);

    const missing = await importPricesRoute(csvRequest("/api/compliance/prices/import", "sku,amount\nA-LAMP,1\n", { channel: "BRAND_SITE", currency: "USD" }));
    expect(await missing.json()).toEqual({ saved: 0, errors: [{ line: 1, column: "price", message: 'Column "price" is missing from the header' }] });
    const listing = await prisma.listing.findFirstOrThrow({ where: { organizationId: a.id, sku: "A-LAMP" } });
    const ok = await importPricesRoute(
      csvRequest("/api/compliance/prices/import", "SKU,Price,Currency\nA-LAMP,19.00,USD\nA-LAMP,$5,USD\n", { channel: "BRAND_SITE" }),
    );
    expect(await ok.json()).toEqual({ saved: 1, errors: [{ line: 3, column: "price", message: "Use an amount like 19.99 (no currency sign)" }] });
    expect(await rulesOf(listing.id)).toEqual([]); // the brand site now matches TikTok's 19.00
  });
});

describe("demo compliance data", () => {
  it("the demo seed produces every flag of these families", async () => {
    await seedDemo(prisma, new Date());
    const demo = await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORG } });
    const rows = await prisma.riskFlag.groupBy({
      by: ["rule", "severity"],
      where: { organizationId: demo.id, subjectType: { in: ["STORE", "CREATOR", "LISTING"] } },
      _count: true,
    });
    const rules = new Set(rows.map((r) => r.rule));
    const expected = [
      "deposit.shortfall",
      "registration.business_too_young",
      "registration.license_expiring",
      "registration.entity_not_eligible",
      "content.near_limit",
      "content.restricted",
      "content.links_dropped",
      "pricing.mismatch",
      "inventory.oversell_risk",
    ];
    for (const rule of expected) expect(rules, rule).toContain(rule);
    expect(rows.find((r) => r.rule === "registration.license_expiring")?.severity).toBe("WARNING");
    expect(rows.find((r) => r.rule === "pricing.mismatch")?._count).toBe(2);
    // The UK local store has nothing to fix.
    const uk = await prisma.store.findFirstOrThrow({ where: { organizationId: demo.id, name: "TikTok Shop UK" } });
    expect(await prisma.riskFlag.count({ where: { subjectType: "STORE", subjectId: uk.id } })).toBe(0);
  });

  it("before the 2026-01-14 top-up date the same data shows deposit.topup_due instead of the shortfall", async () => {
    const org = await makeOrg("Seed-January");
    const now = new Date("2026-01-05T18:00:00Z");
    expect(await seedCompliance(prisma, org.id, now)).toEqual({ seeded: true });
    const rules = await rulesOf(org.storeId);
    expect(rules).toContain("deposit.topup_due");
    expect(rules).not.toContain("deposit.shortfall");
    expect(await seedCompliance(prisma, org.id, now)).toEqual({ seeded: false });
    await prisma.organization.delete({ where: { id: org.id } });
  });
});
