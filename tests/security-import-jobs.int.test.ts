// Import job ids are the server's: a client cannot choose one (before, reusing another
// organisation's job id answered 500), and a prepared job is taken once, by its creator only.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as prepareJob } from "@/app/api/imports/jobs/route";
import { POST as uploadImport } from "@/app/api/imports/route";
import type { SessionUser } from "@/lib/auth";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const CSV =
  "Name,Financial Status,Fulfillment Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price\n#1,paid,,USD,10.00,2025-03-09 10:15:02 -0500,1,Mug,10.00\n";
type Org = { owner: SessionUser; ops: SessionUser; storeId: string };
let a: Org;
let b: Org;

async function org(label: string): Promise<Org> {
  const run = `${label}-${Date.now()}`;
  const o = await prisma.organization.create({ data: { name: `Jobs ${run}` } });
  const store = await prisma.store.create({
    data: {
      organizationId: o.id,
      name: "Brand",
      channel: "BRAND_SITE",
      market: "US",
      timeZone: "America/New_York",
      currency: "USD",
      joinedOn: new Date("2024-01-01"),
    },
  });
  const mk = async (role: "OWNER" | "OPS") => {
    const u = await prisma.user.create({ data: { organizationId: o.id, email: `${role}-${run}@jobs.test`, name: role, role, passwordHash: "x" } });
    return { id: u.id, email: u.email, name: u.name, organizationId: o.id, role, supplierId: null } satisfies SessionUser;
  };
  return { owner: await mk("OWNER"), ops: await mk("OPS"), storeId: store.id };
}

beforeAll(async () => {
  a = await org("a");
  b = await org("b");
});

const upload = (storeId: string, jobId?: string) =>
  uploadImport(
    new Request(`http://localhost/api/imports?storeId=${storeId}&fileName=x.csv${jobId ? `&jobId=${jobId}` : ""}`, {
      method: "POST",
      body: Readable.toWeb(Readable.from([Buffer.from(CSV)])) as ReadableStream,
      duplex: "half",
    } as RequestInit),
  );
const prepare = async (storeId: string) => {
  const res = await prepareJob(new Request(`http://localhost/api/imports/jobs?storeId=${storeId}&fileName=x.csv`, { method: "POST" }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};

describe("import job ids are made by the server", () => {
  it("another organisation's job id is a 404 and leaves that job alone", async () => {
    session.user = a.owner;
    const theirs = (await (await upload(a.storeId)).json()) as { id: string };
    const before = await prisma.importJob.findUniqueOrThrow({ where: { id: theirs.id } });
    session.user = b.owner;
    const res = await upload(b.storeId, theirs.id);
    expect(res.status).toBe(404);
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(before);
  });

  it("a client-invented id is a 404, not a new job under that id", async () => {
    session.user = a.owner;
    const res = await upload(a.storeId, "00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(404);
    expect(await prisma.importJob.count({ where: { id: "00000000-0000-4000-8000-000000000000" } })).toBe(0);
  });

  it("a prepared job takes one upload, from the user who prepared it", async () => {
    session.user = a.owner;
    const id = await prepare(a.storeId);
    session.user = a.ops;
    expect((await upload(a.storeId, id)).status).toBe(404);
    session.user = a.owner;
    const first = await upload(a.storeId, id);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { id: string }).id).toBe(id);
    expect((await upload(a.storeId, id)).status).toBe(404);
  });
});
