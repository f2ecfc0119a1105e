// Odd parameters: a NUL byte or the year 0000 must be refused by validation (400 naming the
// parameter), never reach PostgreSQL (a 500), and the export must validate before it streams.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listOrders } from "@/app/api/orders/route";
import { GET as exportOrders } from "@/app/api/orders/export/route";
import { GET as exposure } from "@/app/api/stores/[id]/exposure/route";
import type { SessionUser } from "@/lib/auth";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

beforeAll(async () => {
  const org = await prisma.organization.create({ data: { name: `Odd params ${Date.now()}` } });
  const u = await prisma.user.create({ data: { organizationId: org.id, email: `odd-${Date.now()}@odd.test`, name: "Owner", role: "OWNER", passwordHash: "x" } });
  session.user = { id: u.id, email: u.email, name: u.name, organizationId: org.id, role: "OWNER", supplierId: null };
});

const get = (handler: (r: Request) => Promise<Response>, query: string) => handler(new Request(`http://localhost/api/orders?${query}`));

describe("odd query parameters are a 400 naming the parameter", () => {
  it.each([
    ["q=%00", "q"],
    ["q=abc%00", "q"],
    ["from=0000-01-01", "from"],
    ["to=0000-12-31", "to"],
    ["from=0000-01-01T00:00:00Z", "from"],
    ["from=1969-12-31", "from"],
  ])("GET /api/orders?%s", async (query, param) => {
    const res = await get(listOrders, query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { param: string }[] };
    expect(body.issues.map((i) => i.param)).toContain(param);
  });

  it.each(["q=%00", "from=0000-01-01", "to=0000-01-01T00:00:00%2B00:00"])("GET /api/orders/export?%s is refused before any CSV is streamed", async (query) => {
    const res = await get(exportOrders, query);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/json/);
  });

  it("a NUL byte in a path id is refused like any unknown id (404), not a 500", async () => {
    const res = await exposure(new Request("http://localhost/api/stores/x/exposure"), { params: Promise.resolve({ id: "abc\u0000" }) });
    expect(res.status).toBe(404);
  });

  it("ordinary values still work", async () => {
    expect((await get(listOrders, "q=caf%C3%A9&from=2026-01-01&to=2026-12-31")).status).toBe(200);
  });
});
