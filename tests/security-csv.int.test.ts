// CSV formula injection: whatever text an order carries (imported, synced or typed), no cell of
// the orders export starts as a live spreadsheet formula, for the owner and for a supplier. (The
// import error report already neutralised its cells; it now shares lib/security/csv.ts.)
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportOrders } from "@/app/api/orders/export/route";
import type { SessionUser } from "@/lib/auth";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const EVIL = '=HYPERLINK("http://evil.example","US")';
const FORMULA = /^[=+\-@\t\r]/;
let owner: SessionUser;
let supplier: SessionUser;

beforeAll(async () => {
  const run = Date.now();
  const org = await prisma.organization.create({ data: { name: `CSV ${run}` } });
  const sup = await prisma.supplier.create({
    data: { organizationId: org.id, name: "@Supplier", shipFromCountry: "US", promisedOutboundHours: 24, promisedDeliveryDays: 5 },
  });
  const store = await prisma.store.create({
    data: {
      organizationId: org.id,
      name: "+Store",
      channel: "BRAND_SITE",
      market: "US",
      kind: "LOCAL",
      timeZone: "America/New_York",
      currency: "USD",
      joinedOn: new Date("2024-01-01"),
    },
  });
  await prisma.order.create({
    data: {
      organizationId: org.id,
      storeId: store.id,
      channel: "BRAND_SITE",
      externalId: "-1+1",
      status: "DELIVERED",
      placedAt: new Date("2026-03-02T12:00:00Z"),
      currency: "USD",
      totalMinor: 1250,
      supplierId: sup.id,
      carrier: "@carrier",
      trackingNumber: "\t=1+1",
      buyerName: EVIL,
      buyerEmail: "=1@x.test",
      buyerPhone: "+1 555 0100",
      shipAddress1: "=A1",
      shipCity: "\r=cmd",
      shipRegion: "@SUM(A1)",
      shipPostcode: "=2+5",
      shipCountry: EVIL,
    },
  });
  const mk = async (role: "OWNER" | "SUPPLIER") => {
    const u = await prisma.user.create({
      data: {
        organizationId: org.id,
        email: `${role.toLowerCase()}-${run}@csv.test`,
        name: role,
        role,
        passwordHash: "x",
        supplierId: role === "SUPPLIER" ? sup.id : null,
      },
    });
    return { id: u.id, email: u.email, name: u.name, organizationId: org.id, role, supplierId: u.supplierId } satisfies SessionUser;
  };
  owner = await mk("OWNER");
  supplier = await mk("SUPPLIER");
});

function cellsOf(csv: string): string[] {
  return (parse(csv, { relax_column_count: true }) as string[][]).flat();
}

describe("every CSV the app writes is inert in a spreadsheet", () => {
  it.each(["owner", "supplier"] as const)("the orders export as %s", async (who) => {
    session.user = who === "owner" ? owner : supplier;
    const res = await exportOrders(new Request("http://localhost/api/orders/export"));
    expect(res.status).toBe(200);
    const csv = await res.text();
    const cells = cellsOf(csv);
    expect(cells.filter((c) => FORMULA.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c))).toEqual([]);
    // Neutralised, not dropped: the value is still there behind the apostrophe.
    expect(cells).toContain(`'${EVIL}`);
    expect(cells).toContain("'@Supplier");
  });
});
