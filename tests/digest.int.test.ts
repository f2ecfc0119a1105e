import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getDigest } from "@/app/api/digest/route";
import { GET as getRisk } from "@/app/api/risk/route";
import type { SessionUser } from "@/lib/auth";
import type { RiskItemJson } from "@/lib/data/risk";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { DEMO_ORG, OTHER_ORG, seedDemo } from "@/lib/seed/demo";
import { testDb } from "./db";
import { pinClock } from "./pinned-clock";

pinClock();

// The daily digest is the risk queue summed up: its totals, its most urgent items and its
// per-store counts must agree with the queue itself, for the signed-in organisation only.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null)),
}));

const prisma = testDb();

type DigestJson = {
  organization: string;
  totals: { open: number; critical: number; overdue: number; dueSoon: number };
  rules: { rule: string; count: number; overdue: number }[];
  stores: { id: string; name: string; open: number }[];
  urgent: RiskItemJson[];
};

async function asUser(email: string): Promise<SessionUser> {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true } });
}

async function digest(user: SessionUser | null, params = "") {
  session.user = user;
  return getDigest(new Request(`http://test.local/api/digest${params}`));
}

async function queue(user: SessionUser): Promise<{ items: RiskItemJson[]; total: number }> {
  session.user = user;
  return (await (await getRisk(new Request("http://test.local/api/risk"))).json()) as { items: RiskItemJson[]; total: number };
}

let ops: SessionUser;

beforeAll(async () => {
  await seedDemo(prisma, new Date());
  const org = await prisma.organization.findFirstOrThrow({ where: { name: DEMO_ORG } });
  await refreshOrderRisk(prisma, { organizationId: org.id }, new Date());
  ops = await asUser("ops@demo.test");
});

describe("GET /api/digest", () => {
  it("sums up the same open flags as the risk queue, most urgent first", async () => {
    const response = await digest(ops);
    expect(response.status).toBe(200);
    const body = (await response.json()) as DigestJson;
    const q = await queue(ops);
    expect(body.organization).toBe(DEMO_ORG);
    expect(body.totals.open).toBe(q.total);
    expect(body.totals.open).toBeGreaterThan(0);
    expect(body.rules.reduce((n, r) => n + r.count, 0)).toBe(q.total);
    expect(body.urgent.map((i) => i.key)).toEqual(q.items.slice(0, body.urgent.length).map((i) => i.key));
    expect(body.urgent.length).toBe(Math.min(20, q.total));
    // Overdue items lead the list, and the totals count them.
    const overdueListed = body.urgent.filter((i) => i.overdue).length;
    expect(body.totals.overdue).toBeGreaterThanOrEqual(overdueListed);
    expect(body.urgent.slice(0, overdueListed).every((i) => i.overdue)).toBe(true);
    // Every store of the organisation is listed; their counts add up to the flags tied to a store.
    const stores = await prisma.store.count({ where: { organizationId: ops.organizationId } });
    expect(body.stores).toHaveLength(stores);
    expect(body.stores.reduce((n, s) => n + s.open, 0)).toBeLessThanOrEqual(q.total);
  });

  it("gives the same as text to send, as a download", async () => {
    const response = await digest(ops, "?format=text");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="digest-\d{4}-\d{2}-\d{2}\.txt"$/);
    const text = await response.text();
    const body = (await (await digest(ops)).json()) as DigestJson;
    expect(text).toContain(`Daily digest: ${DEMO_ORG}`);
    expect(text).toContain(`${body.totals.open.toLocaleString("en-US")} open flags`);
    for (const item of body.urgent) expect(text).toContain(item.reason);
    expect(text).toMatch(/Open the queue: http:\/\/[^/]+\/risk\n$/);
  });

  it("is for staff of the organisation only", async () => {
    expect((await digest(null)).status).toBe(401);
    expect((await digest(await asUser("supplier@demo.test"))).status).toBe(403);
    const other = (await (await digest(await asUser("other@demo.test"))).json()) as DigestJson;
    expect(other.organization).toBe(OTHER_ORG);
    const demoStores = new Set((await prisma.store.findMany({ where: { organizationId: ops.organizationId }, select: { id: true } })).map((s) => s.id));
    expect(other.stores.some((s) => demoStores.has(s.id))).toBe(false);
    expect(other.urgent.some((i) => i.store && demoStores.has(i.store.id))).toBe(false);
  });

  it("answers 400 naming the parameter for an unknown format", async () => {
    const response = await digest(ops, "?format=pdf");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("format");
  });
});
