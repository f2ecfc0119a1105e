import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth";
import { DEMO_ORG, seedDemo } from "@/lib/seed/demo";
import { testDb } from "./db";
import { pinClock } from "./pinned-clock";

pinClock();

const session = vi.hoisted(() => ({ user: null as SessionUser | null, sessionVersion: 0 }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user, sessionVersion: session.sessionVersion } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createShareLinkAction, revokeShareLinkAction } = await import("@/lib/actions/share-links");
const { addUserAction, changeRoleAction, setUserActiveAction } = await import("@/lib/actions/users");
const { openShareLink } = await import("@/lib/data/share-links");
const { getSupplierOrders, getSupplierOrdersPage, getSupplierScorecard } = await import("@/lib/data/supplier-view");

const prisma = testDb();
afterAll(() => prisma.$disconnect());

async function signedIn(email: string): Promise<SessionUser> {
  const u = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
  });
  session.user = u;
  return u;
}
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const visitor = { ip: "203.0.113.9", userAgent: "test" };

let demoOrgId = "";
let usSupplierId = "";
beforeAll(async () => {
  await seedDemo(prisma, new Date());
  demoOrgId = (await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORG } })).id;
  usSupplierId = (await prisma.user.findUniqueOrThrow({ where: { email: "supplier@demo.test" } })).supplierId as string;
});
beforeEach(() => {
  session.user = null;
});

describe("supplier share links", () => {
  it("a valid link shows the supplier view and records each view; revoked and tampered links show nothing", async () => {
    await signedIn("owner@demo.test");
    const created = await createShareLinkAction(null, form({ supplierId: usSupplierId, label: "Sunrise link", expiresInDays: "7" }));
    expect(created.ok).toBe(true);
    const token = (created.ok ? created.data.url : "").replace("/share/", "");
    const stored = await prisma.shareLink.findFirstOrThrow({ where: { organizationId: demoOrgId, label: "Sunrise link" }, orderBy: { createdAt: "desc" } });
    expect(stored.tokenHash).not.toContain(token);

    const first = await openShareLink(token, new Date(), visitor);
    expect(first.state).toBe("active");
    await openShareLink(token, new Date(), visitor);
    const views = await prisma.shareLinkView.findMany({ where: { shareLinkId: stored.id } });
    expect(views).toHaveLength(2);
    expect(views[0]).toMatchObject({ ip: "203.0.113.9" });

    const tampered = (token[0] === "A" ? "B" : "A") + token.slice(1);
    expect((await openShareLink(tampered, new Date(), visitor)).state).toBe("invalid");
    expect((await openShareLink("not-a-token", new Date(), visitor)).state).toBe("invalid");

    const revoked = await revokeShareLinkAction(null, form({ id: stored.id }));
    expect(revoked.ok).toBe(true);
    expect((await openShareLink(token, new Date(), visitor)).state).toBe("revoked");
    expect(await prisma.shareLinkView.count({ where: { shareLinkId: stored.id } })).toBe(2);
  });

  it("an expired link shows the expired page", async () => {
    await signedIn("owner@demo.test");
    const created = await createShareLinkAction(null, form({ supplierId: usSupplierId, label: "Short link", expiresInDays: "1" }));
    const token = (created.ok ? created.data.url : "").replace("/share/", "");
    expect((await openShareLink(token, new Date(Date.now() + 2 * 86_400_000), visitor)).state).toBe("expired");
  });

  it("only an owner creates links, and only for their own suppliers", async () => {
    await signedIn("ops@demo.test");
    expect(await createShareLinkAction(null, form({ supplierId: usSupplierId, label: "x", expiresInDays: "7" }))).toMatchObject({
      ok: false,
      message: "Your role cannot do this.",
    });
    await signedIn("supplier@demo.test");
    expect((await createShareLinkAction(null, form({ supplierId: usSupplierId, label: "x", expiresInDays: "7" }))).ok).toBe(false);
    await signedIn("other@demo.test");
    const foreign = await createShareLinkAction(null, form({ supplierId: usSupplierId, label: "x", expiresInDays: "7" }));
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { supplierId: "Choose one of your suppliers" } });
    expect(await createShareLinkAction(null, form({ supplierId: "", label: "", expiresInDays: "400" }))).toMatchObject({
      ok: false,
      fieldErrors: { supplierId: "Choose a supplier", label: expect.any(String), expiresInDays: "At most 90 days" },
    });
  });

  it("the supplier view comes a bounded page at a time, every listed order on exactly one page", async () => {
    const scope = { organizationId: demoOrgId, supplierId: usSupplierId };
    const now = new Date();
    const first = await getSupplierOrdersPage(scope, now, 1, 7);
    expect(first.total).toBeGreaterThan(7);
    expect(first.orders).toHaveLength(7);
    expect(first.pages).toBe(Math.ceil(first.total / 7));
    const seen: string[] = [];
    for (let page = 1; page <= first.pages; page++) seen.push(...(await getSupplierOrdersPage(scope, now, page, 7)).orders.map((o) => o.id));
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(first.total);
    // Open orders first, as on one long list.
    expect(seen.slice(0, 7)).toEqual(first.orders.map((o) => o.id));
    // A page past the end shows the last page rather than nothing.
    const past = await getSupplierOrdersPage(scope, now, 10_000, 7);
    expect(past.page).toBe(first.pages);
    expect(past.orders.length).toBeGreaterThan(0);
  });

  it("the supplier view holds only the supplier's own orders and no prices, totals or buyer contact", async () => {
    const scope = { organizationId: demoOrgId, supplierId: usSupplierId };
    const orders = await getSupplierOrders(scope, new Date());
    expect(orders.length).toBeGreaterThan(0);
    const ids = orders.map((o) => o.id);
    const owners = await prisma.order.findMany({
      where: { id: { in: ids } },
      select: { supplierId: true, buyerEmail: true, buyerPhone: true, shipAddress1: true, totalMinor: true },
    });
    expect(new Set(owners.map((o) => o.supplierId))).toEqual(new Set([usSupplierId]));
    const text = JSON.stringify(orders);
    for (const o of owners.slice(0, 50)) {
      if (o.buyerEmail) expect(text).not.toContain(o.buyerEmail);
      if (o.buyerPhone) expect(text).not.toContain(o.buyerPhone);
      if (o.shipAddress1) expect(text).not.toContain(o.shipAddress1);
    }
    expect(text).not.toMatch(/"(totalMinor|unitPriceMinor|currency|buyerName|buyerEmail|buyerPhone|shipAddress1)"/);
    const card = await getSupplierScorecard(scope, new Date());
    expect(card?.orders30d).toBe(
      await prisma.order.count({
        where: { organizationId: demoOrgId, supplierId: usSupplierId, placedAt: { gte: new Date(Date.now() - 30 * 86_400_000) }, status: { not: "CANCELLED" } },
      }),
    );
  });
});

describe("owner user management", () => {
  it("adds a user, changes a role with an audit entry, and never removes the last owner", async () => {
    const org = await prisma.organization.create({ data: { name: `Users test ${Date.now()}` } });
    const owner = await prisma.user.create({
      data: { organizationId: org.id, email: `owner-${org.id}@test.example`, name: "Owner", role: "OWNER", passwordHash: "x" },
    });
    session.user = { id: owner.id, email: owner.email, name: owner.name, organizationId: org.id, role: "OWNER", supplierId: null };

    const added = await addUserAction(null, form({ email: `ops-${org.id}@test.example`, name: "Ops", role: "OPS", password: "long-enough-password" }));
    expect(added.ok).toBe(true);
    const ops = await prisma.user.findUniqueOrThrow({ where: { email: `ops-${org.id}@test.example` } });
    expect(ops.passwordHash).not.toBe("long-enough-password");

    const demoteSelf = await changeRoleAction(null, form({ userId: owner.id, role: "OPS" }));
    expect(demoteSelf).toMatchObject({ ok: false, message: expect.stringContaining("last active owner") });
    expect(await setUserActiveAction(null, form({ userId: owner.id, active: "false" }))).toMatchObject({ ok: false });

    expect((await changeRoleAction(null, form({ userId: ops.id, role: "OWNER" }))).ok).toBe(true);
    expect((await changeRoleAction(null, form({ userId: owner.id, role: "OPS" }))).ok).toBe(true);
    const log = await prisma.auditLog.findMany({ where: { organizationId: org.id, action: "user.change_role" }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => [l.before, l.after])).toEqual([
      [
        { role: "OPS", supplierId: null },
        { role: "OWNER", supplierId: null },
      ],
      [
        { role: "OWNER", supplierId: null },
        { role: "OPS", supplierId: null },
      ],
    ]);

    // A demo user id from another organisation is not found here.
    const demoOps = await prisma.user.findUniqueOrThrow({ where: { email: "ops@demo.test" } });
    // The promotion ended ops' session (lib/auth.ts, session version): they sign in again as owner.
    session.user = { id: ops.id, email: ops.email, name: ops.name, organizationId: org.id, role: "OWNER", supplierId: null };
    session.sessionVersion = (await prisma.user.findUniqueOrThrow({ where: { id: ops.id } })).sessionVersion;
    expect(await setUserActiveAction(null, form({ userId: demoOps.id, active: "false" }))).toMatchObject({ ok: false, message: "No such user" });
    session.sessionVersion = 0;
    expect((await prisma.user.findUniqueOrThrow({ where: { id: demoOps.id } })).active).toBe(true);
    await prisma.organization.delete({ where: { id: org.id } });
  });
});
