// Odd parameters: a NUL byte or the year 0000 must be refused by validation (400 naming the
// parameter), never reach PostgreSQL (a 500), and the export must validate before it streams.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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
  const u = await prisma.user.create({
    data: { organizationId: org.id, email: `odd-${Date.now()}@odd.test`, name: "Owner", role: "OWNER", passwordHash: "x" },
  });
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

describe("odd addresses with a body, before Next decodes route parameters", () => {
  it("the start script's request hook answers 400 to a broken percent-encoding or a NUL byte, and the app never sees it", async () => {
    const { install } = await import("../scripts/request-hook.mjs");
    let reached = 0;
    const server = createServer((_req, res) => {
      reached++;
      res.end("ok");
    });
    install(server);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const post = (path: string) => fetch(`${base}${path}`, { method: "POST", body: "x".repeat(1000), headers: { origin: base } });
      const broken = await post("/api/stores/%E0%A4%A/sync");
      expect(broken.status).toBe(400);
      expect(await broken.json()).toEqual({ error: "BAD_REQUEST", message: "The address has a broken percent-encoding." });
      expect((await post("/api/imports?storeId=a%00b")).status).toBe(400);
      expect(reached).toBe(0);
      expect((await post("/api/imports?storeId=ab")).status).toBe(200);
      expect(reached).toBe(1);
    } finally {
      server.close();
    }
  });
});
