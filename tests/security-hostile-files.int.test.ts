// Hostile files and bodies: what the server holds for an upload is bounded by lib/ingest/limits.ts,
// never by the file's size, and no body — broken, binary, endless — answers 500.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as uploadImport } from "@/app/api/imports/route";
import { GET as getImportErrors } from "@/app/api/imports/[id]/errors.csv/route";
import { POST as importVideos } from "@/app/api/compliance/videos/import/route";
import type { SessionUser } from "@/lib/auth";
import { IngestFormatError } from "@/lib/ingest/errors";
import { importOrderFile } from "@/lib/ingest/import-file";
import { MAX_CELL_CHARS, MAX_LINES_PER_ORDER, MAX_RECORD_BYTES, MAX_STORED_ERRORS } from "@/lib/ingest/limits";
import { testDb } from "./db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const HEADER = "Name,Financial Status,Fulfillment Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price";
const row = (name: string, product = "Mug") => `${name},paid,,USD,10.00,2025-03-09 10:15:02 -0500,1,${product},10.00`;

let orgId = "";
let storeId = "";
let owner: SessionUser;

beforeAll(async () => {
  const org = await prisma.organization.create({ data: { name: `Hostile files ${Date.now()}` } });
  orgId = org.id;
  const store = await prisma.store.create({
    data: {
      organizationId: orgId,
      name: "Brand site",
      channel: "BRAND_SITE",
      market: "US",
      kind: "LOCAL",
      timeZone: "America/New_York",
      currency: "USD",
      joinedOn: new Date("2024-01-01"),
    },
  });
  storeId = store.id;
  const user = await prisma.user.create({
    data: { organizationId: orgId, email: `hostile-${Date.now()}@example.test`, name: "Owner", passwordHash: "x", role: "OWNER" },
  });
  owner = { id: user.id, email: user.email, name: user.name, organizationId: orgId, role: "OWNER", supplierId: null };
  session.user = owner;
});

/** A stream that produces `total` bytes lazily (never all in memory) and counts what was read. */
function lazyStream(head: string, fill: string, total: number) {
  const read = { bytes: 0 };
  const chunk = Buffer.from(fill.repeat(Math.ceil(65_536 / fill.length)));
  async function* produce() {
    yield Buffer.from(head);
    read.bytes += head.length;
    while (read.bytes < total) {
      read.bytes += chunk.length;
      yield chunk;
    }
  }
  return { stream: Readable.from(produce()), read };
}

const upload = (body: BodyInit, query = `storeId=${storeId}&format=shopify-csv&fileName=hostile.csv`) =>
  uploadImport(
    new Request(`http://localhost/api/imports?${query}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/octet-stream" },
      duplex: "half",
    } as RequestInit),
  );

describe("hostile order files", () => {
  it("an unterminated quoted cell fails after at most the record limit, not after the whole file, naming line and column", async () => {
    const { stream, read } = lazyStream(`${HEADER}\n${row("#1")}\n#2,paid,,USD,10.00,2025-03-09 10:15:02 -0500,1,"`, "x", 100 * 1024 * 1024);
    const error = await importOrderFile(prisma, { storeId, organizationId: orgId, stream, format: "shopify-csv" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestFormatError);
    expect((error as Error).message).toMatch(/^line 3, column 8 \(Lineitem name\): a row longer than/);
    // The parser stopped reading: a bounded buffer, not 100 MB.
    expect(read.bytes).toBeLessThan(MAX_RECORD_BYTES * 4);
  });

  it("a cell past the documented limit is a 400 naming line and column, and is not stored", async () => {
    const big = "A".repeat(MAX_CELL_CHARS + 1);
    const res = await upload(`${HEADER}\n${row("#1")}\n${row("#2", big)}\n`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string };
    expect(body.message).toBe(`line 3, column 8 (Lineitem name): a cell longer than ${MAX_CELL_CHARS.toLocaleString("en-US")} characters`);
    expect(await prisma.orderLine.count({ where: { order: { storeId }, productName: { startsWith: "AAAA" } } })).toBe(0);
  });

  it("keeps the first errors and counts the rest, in the summary, on the job and in the report", async () => {
    const bad = MAX_STORED_ERRORS + 2_500;
    const lines = [HEADER];
    for (let i = 0; i < bad; i++) lines.push(`#E${i},paid,,USD,not-money,2025-03-09 10:15:02 -0500,1,Mug,10.00`);
    const res = await upload(lines.join("\n"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; errorCount: number; errors: unknown[] };
    expect(body.errorCount).toBe(bad);
    const job = await prisma.importJob.findUniqueOrThrow({ where: { id: body.id } });
    expect(job.errorCount).toBe(bad);
    expect(job.errors as unknown[]).toHaveLength(MAX_STORED_ERRORS);
    const report = await (await getImportErrors(new Request("http://localhost"), { params: Promise.resolve({ id: body.id }) })).text();
    const rows = report.trimEnd().split("\r\n");
    expect(rows).toHaveLength(1 + MAX_STORED_ERRORS + 1);
    expect(rows.at(-1)).toBe(`,"2,500 more row errors not listed: the report keeps the first 10,000"`);
  });

  it("an order with more rows than the limit is refused as a whole with one error, and the next order is read", async () => {
    const lines = [HEADER];
    for (let i = 0; i < MAX_LINES_PER_ORDER + 5; i++) lines.push(row("#BIG", `Item ${i}`));
    lines.push(row("#AFTER"));
    const summary = await importOrderFile(prisma, {
      storeId,
      organizationId: orgId,
      stream: Readable.from([Buffer.from(lines.join("\n"))]),
      format: "shopify-csv",
    });
    expect(summary.errors).toEqual([
      { line: 2, message: expect.stringMatching(/^5 more rows of order #BIG not read: one order may have at most 10,000 rows/) },
    ]);
    expect(await prisma.order.count({ where: { storeId, externalId: "#BIG" } })).toBe(0);
    expect(await prisma.order.count({ where: { storeId, externalId: "#AFTER" } })).toBe(1);
  });

  it("a ZIP-looking binary is a 400, not a 500", async () => {
    const zipish = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(4096, 0xa7)]);
    const res = await upload(zipish, `storeId=${storeId}&fileName=x.xlsx`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/not a readable XLSX workbook/);
  });
});

describe("hostile bodies on the CSV uploads", () => {
  const post = (body: BodyInit, type: string) =>
    importVideos(new Request("http://localhost/api/compliance/videos/import", { method: "POST", body, headers: { "content-type": type } }));

  it("a broken multipart body is a 400", async () => {
    const res = await post('--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nno closing boundary', "multipart/form-data; boundary=xyz");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe("The body is not valid multipart/form-data.");
  });

  it("a body that is not multipart is a 415", async () => {
    expect((await post(Buffer.from([0, 1, 2, 3]), "application/octet-stream")).status).toBe(415);
  });

  it("a multipart body past the size limit is a 413 without being parsed", async () => {
    const res = await post(
      `--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${"x".repeat(3 * 1024 * 1024)}\r\n--xyz--\r\n`,
      "multipart/form-data; boundary=xyz",
    );
    expect(res.status).toBe(413);
  });
});
