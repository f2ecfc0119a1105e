import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, inject, vi } from "vitest";
import { POST as uploadImport } from "@/app/api/imports/route";
import { POST as prepareJob } from "@/app/api/imports/jobs/route";
import { GET as getImport } from "@/app/api/imports/[id]/route";
import { GET as getImportErrors } from "@/app/api/imports/[id]/errors.csv/route";
import type { SessionUser } from "@/lib/auth";
import { generateShopifyExport } from "@/lib/bench/shopify-export";
import { IngestFormatError } from "@/lib/ingest/errors";
import { importOrderFile } from "@/lib/ingest/import-file";
import { testDb } from "./db";

// Route handlers read the session through next-auth's getServerSession; the test decides who is signed in.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (session.user ? { user: session.user, expires: new Date(Date.now() + 3600_000).toISOString() } : null)),
}));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const root = fileURLToPath(new URL("../", import.meta.url));
const fixture = (name: string) => path.join(root, "lib/ingest/fixtures", name);
const streamOf = (text: string | Buffer) => Readable.from([typeof text === "string" ? Buffer.from(text) : text]);

let orgId = "";
let orgName = "";
let seq = 0;

async function newStore(channel: "TIKTOK_SHOP" | "BRAND_SITE", name?: string) {
  return prisma.store.create({
    data: {
      organizationId: orgId,
      name: name ?? `Import store ${++seq} ${Date.now()}`,
      channel,
      market: "US",
      kind: "LOCAL",
      timeZone: "America/New_York",
      currency: "USD",
      joinedOn: new Date("2024-01-01"),
    },
  });
}

async function snapshot(storeId: string) {
  const orders = await prisma.order.findMany({
    where: { storeId },
    orderBy: { externalId: "asc" },
    select: {
      externalId: true,
      sourceId: true,
      status: true,
      placedAt: true,
      paidAt: true,
      inTransitAt: true,
      cancelledAt: true,
      carrier: true,
      trackingNumber: true,
      totalMinor: true,
      currency: true,
      shipPostcode: true,
      shipFromCountry: true,
      updatedAt: true,
      lines: { orderBy: { position: "asc" }, select: { position: true, sku: true, productName: true, quantity: true, unitPriceMinor: true } },
    },
  });
  return orders;
}

const withoutTimestamps = (rows: Awaited<ReturnType<typeof snapshot>>) => rows.map((row) => ({ ...row, updatedAt: undefined }));

async function generated(lines: number, seed = 7): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => chunks.push(c));
  await generateShopifyExport(lines, sink, { seed });
  sink.end();
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  orgName = `Import org ${Date.now()}`;
  orgId = (await prisma.organization.create({ data: { name: orgName } })).id;
});

describe("importOrderFile", () => {
  it("imports a TikTok export, and importing it again changes nothing", async () => {
    const store = await newStore("TIKTOK_SHOP");
    const first = await importOrderFile(prisma, { storeId: store.id, organizationId: orgId, stream: streamOf(readFileSync(fixture("tiktok-us.csv"))) });
    expect(first).toMatchObject({ orders: 4, lines: 5, created: 4, updated: 0, unchanged: 0, errors: [] });
    const before = await snapshot(store.id);
    expect(before[0]).toMatchObject({
      externalId: "583870900000000001",
      status: "IN_TRANSIT",
      trackingNumber: "9400111899223344556677",
      shipFromCountry: "US",
    });
    expect(before[0]?.lines).toHaveLength(2);
    const lineIds = (await prisma.orderLine.findMany({ where: { order: { storeId: store.id } }, select: { id: true }, orderBy: { id: "asc" } })).map(
      (l) => l.id,
    );

    const second = await importOrderFile(prisma, { storeId: store.id, organizationId: orgId, stream: streamOf(readFileSync(fixture("tiktok-us.csv"))) });
    expect(second).toMatchObject({ orders: 4, created: 0, updated: 0, unchanged: 4 });
    expect(await snapshot(store.id)).toEqual(before); // updatedAt included
    const lineIdsAfter = (await prisma.orderLine.findMany({ where: { order: { storeId: store.id } }, select: { id: true }, orderBy: { id: "asc" } })).map(
      (l) => l.id,
    );
    expect(lineIdsAfter).toEqual(lineIds);
  });

  it("a later export of the same orders (now shipped) updates them, lines included", async () => {
    const store = await newStore("TIKTOK_SHOP");
    const text = readFileSync(fixture("tiktok-us.csv"), "utf8");
    await importOrderFile(prisma, { storeId: store.id, organizationId: orgId, stream: streamOf(text) });
    const before = await snapshot(store.id);
    // Order …002 has shipped: status, shipped time, tracking and carrier appear; …004's product was renamed.
    const shipped = text
      .replace(
        "583870900000000002\t,Awaiting Shipment,Awaiting shipment,,Normal,1729384756102938477,MUG-01,Mug,,3,,8.00,,,,,,,,,,,24.00,,12/31/2024 12:15:00 PM\t,12/31/2024 12:16:00 PM\t,,,",
        "583870900000000002\t,In Transit,,,Normal,1729384756102938477,MUG-01,Mug,,3,,8.00,,,,,,,,,,,24.00,,12/31/2024 12:15:00 PM\t,12/31/2024 12:16:00 PM\t,,01/02/2025 10:00:00 AM,",
      )
      .replace("Main WH,,Shipped by seller,,,user123,,Bo Chen", "Main WH,1Z999AA10123456785,Shipped by seller,UPS,,user123,,Bo Chen")
      .replace("SOCK-3,Socks,3-pack", "SOCK-3,Socks (new),3-pack");
    expect(shipped).not.toBe(text);
    const r = await importOrderFile(prisma, { storeId: store.id, organizationId: orgId, stream: streamOf(shipped) });
    expect(r).toMatchObject({ orders: 4, created: 0, updated: 2, unchanged: 2, errors: [] });
    const after = await snapshot(store.id);
    const o2 = after.find((o) => o.externalId === "583870900000000002");
    expect(o2).toMatchObject({ status: "IN_TRANSIT", trackingNumber: "1Z999AA10123456785", carrier: "UPS" });
    expect(o2?.inTransitAt?.toISOString()).toBe("2025-01-02T15:00:00.000Z");
    const o4 = after.find((o) => o.externalId === "583870900000000004");
    expect(o4?.lines[0]?.productName).toBe("Socks (new) - 3-pack");
    expect(o4?.updatedAt.getTime()).toBeGreaterThan(before.find((o) => o.externalId === "583870900000000004")!.updatedAt.getTime() - 1);
    // Untouched orders keep their updatedAt.
    expect(after.find((o) => o.externalId === "583870900000000001")?.updatedAt).toEqual(before.find((o) => o.externalId === "583870900000000001")?.updatedAt);
  });

  it("reports row errors with their line and imports the valid rows", async () => {
    const store = await newStore("BRAND_SITE");
    const r = await importOrderFile(prisma, { storeId: store.id, organizationId: orgId, stream: streamOf(readFileSync(fixture("shopify-errors.csv"))) });
    expect(r.created).toBeGreaterThan(0);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.every((e) => Number.isInteger(e.line) && e.line > 1 && e.message.length > 0)).toBe(true);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(r.created);
  });

  it("keeps Shopify's numeric id from the export as sourceId", async () => {
    const store = await newStore("BRAND_SITE");
    await importOrderFile(prisma, { storeId: store.id, organizationId: orgId, stream: streamOf(readFileSync(fixture("shopify-current.csv"))) });
    const o = await prisma.order.findFirstOrThrow({ where: { storeId: store.id, externalId: "#1001" } });
    expect(o.sourceId).toBe("5678901234567890123");
  });

  it("an unusable file throws IngestFormatError and writes nothing", async () => {
    const store = await newStore("TIKTOK_SHOP");
    await expect(
      importOrderFile(prisma, { storeId: store.id, organizationId: orgId, stream: streamOf(readFileSync(fixture("tiktok-missing-columns.csv"))) }),
    ).rejects.toThrow(IngestFormatError);
    await expect(importOrderFile(prisma, { storeId: store.id, organizationId: orgId, stream: streamOf("hello,world\n1,2\n") })).rejects.toThrow(
      /unrecognised file/,
    );
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(0);
  });

  it("an import killed midway and re-run ends with the same rows as an uninterrupted one", async () => {
    const file = await generated(3_000);
    const whole = await newStore("BRAND_SITE");
    const full = await importOrderFile(prisma, { storeId: whole.id, organizationId: orgId, stream: streamOf(file), batchSize: 200 });
    expect(full.errors).toEqual([]);
    expect(full.lines).toBe(3_000);

    const killed = await newStore("BRAND_SITE");
    let batches = 0;
    await expect(
      importOrderFile(prisma, {
        storeId: killed.id,
        organizationId: orgId,
        stream: streamOf(file),
        batchSize: 200,
        onProgress: () => {
          if (++batches === 3) throw new Error("killed");
        },
      }),
    ).rejects.toThrow("killed");
    const partial = await prisma.order.count({ where: { storeId: killed.id } });
    expect(partial).toBeGreaterThanOrEqual(600);
    expect(partial).toBeLessThan(full.orders);

    const rerun = await importOrderFile(prisma, { storeId: killed.id, organizationId: orgId, stream: streamOf(file), batchSize: 200 });
    expect(rerun.created + rerun.unchanged).toBe(full.orders);
    expect(rerun.unchanged).toBe(partial);
    expect(rerun.updated).toBe(0);
    expect(withoutTimestamps(await snapshot(killed.id))).toEqual(withoutTimestamps(await snapshot(whole.id)));
  });

  it("keeps an ImportJob up to date and closes it", async () => {
    const store = await newStore("BRAND_SITE");
    const job = await prisma.importJob.create({ data: { organizationId: orgId, storeId: store.id, fileName: "shopify-errors.csv", format: "auto" } });
    const file = readFileSync(fixture("shopify-errors.csv"));
    const r = await importOrderFile(prisma, { storeId: store.id, organizationId: orgId, stream: streamOf(file), bytesTotal: file.length, jobId: job.id });
    const done = await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: "DONE", created: r.created, orders: r.orders, bytesTotal: BigInt(file.length), bytesRead: BigInt(file.length) });
    expect(done.errors).toEqual(r.errors);
    expect(done.finishedAt).not.toBeNull();
  });
});

describe("import CLI", () => {
  const databaseUrl = inject("databaseUrl");
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/import.ts", ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });

  it("prints one JSON line with the counts and the line-numbered errors", async () => {
    const store = await newStore("BRAND_SITE");
    const r = await run(["--store", store.name, "--org", orgName, fixture("shopify-errors.csv")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["orders", "lines", "created", "updated", "unchanged", "errors"]);
    expect(out.created).toBeGreaterThan(0);
    expect((out.errors as { line: number; message: string }[])[0]).toEqual({ line: expect.any(Number), message: expect.any(String) });

    const again = await run(["--store", store.name, "--format", "shopify-csv", fixture("shopify-errors.csv")]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: out.created });
  });

  it("exits 2 with the reason on stderr for a file or store it cannot use", async () => {
    const store = await newStore("TIKTOK_SHOP");
    const missing = await run(["--store", store.name, fixture("tiktok-missing-columns.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/missing required columns?: .*Order Amount/);
    expect(missing.stderr).toMatch(/Created Time/);

    const dir = mkdtempSync(path.join(tmpdir(), "import-cli-"));
    const junk = path.join(dir, "junk.csv");
    writeFileSync(junk, "hello,world\n1,2\n");
    const unknownFormat = await run(["--store", store.name, junk]);
    expect(unknownFormat.code).toBe(2);
    expect(unknownFormat.stderr).toMatch(/unrecognised file/);

    const unknownStore = await run(["--store", "No such store anywhere", fixture("tiktok-us.csv")]);
    expect(unknownStore.code).toBe(2);
    expect(unknownStore.stderr).toMatch(/unknown store/);

    const badFormat = await run(["--store", store.name, "--format", "pdf", fixture("tiktok-us.csv")]);
    expect(badFormat.code).toBe(2);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(0);
  });

  it("asks for --org when a store name exists in two organisations", async () => {
    const name = `Shared name ${Date.now()}`;
    await newStore("TIKTOK_SHOP", name);
    const other = await prisma.organization.create({ data: { name: `Other org ${Date.now()}` } });
    await prisma.store.create({
      data: {
        organizationId: other.id,
        name,
        channel: "TIKTOK_SHOP",
        market: "US",
        timeZone: "America/New_York",
        currency: "USD",
        joinedOn: new Date("2024-01-01"),
      },
    });
    const r = await run(["--store", name, fixture("tiktok-us.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--org/);
    const ok = await run(["--store", name, "--org", orgName, fixture("tiktok-us.csv")]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ orders: 4, created: 4 });
  });
});

describe("imports API", () => {
  // getSessionUser re-reads the user from the database: the session names real users.
  const users = new Map<string, SessionUser>();
  const as = (role: SessionUser["role"], other = false): SessionUser => users.get(`${role}${other ? "-other" : ""}`) as SessionUser;
  beforeAll(async () => {
    const supplier = await prisma.supplier.create({
      data: { organizationId: orgId, name: `Supplier ${Date.now()}`, shipFromCountry: "CN", promisedOutboundHours: 48, promisedDeliveryDays: 10 },
    });
    const otherOrg = await prisma.organization.create({ data: { name: `Import other ${Date.now()}` } });
    const make = async (key: string, role: SessionUser["role"], organizationId: string) => {
      const u = await prisma.user.create({
        data: {
          organizationId,
          email: `${key.toLowerCase()}-${Date.now()}@import.test`,
          name: key,
          role,
          passwordHash: "x",
          supplierId: role === "SUPPLIER" ? supplier.id : null,
        },
        select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true },
      });
      users.set(key, u);
    };
    await make("OWNER", "OWNER", orgId);
    await make("OPS", "OPS", orgId);
    await make("SUPPLIER", "SUPPLIER", orgId);
    await make("OWNER-other", "OWNER", otherOrg.id);
  });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });

  it("streams an upload into a job, reports progress and the error report as CSV; suppliers and other organisations are refused", async () => {
    const store = await newStore("BRAND_SITE");
    const file = readFileSync(fixture("shopify-errors.csv"));
    session.user = as("OPS");
    // The server makes the job id first (the page polls it during the upload).
    const prepared = await prepareJob(new Request(`http://test.local/api/imports/jobs?storeId=${store.id}&fileName=shopify-errors.csv`, { method: "POST" }));
    expect(prepared.status).toBe(201);
    const { id: jobId } = (await prepared.json()) as { id: string };
    const res = await uploadImport(
      new Request(`http://test.local/api/imports?storeId=${store.id}&fileName=shopify-errors.csv&jobId=${jobId}`, {
        method: "POST",
        body: Readable.toWeb(Readable.from([file])) as ReadableStream,
        headers: { "content-length": String(file.length) },
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(200);
    const summary = (await res.json()) as { id: string; created: number; errorCount: number };
    expect(summary.id).toBe(jobId);
    expect(summary.created).toBeGreaterThan(0);

    const progress = await getImport(new Request(`http://test.local/api/imports/${jobId}`), params(jobId));
    expect(progress.status).toBe(200);
    expect(await progress.json()).toMatchObject({
      id: jobId,
      status: "DONE",
      created: summary.created,
      errorCount: summary.errorCount,
      bytesRead: file.length,
      bytesTotal: file.length,
    });

    const csv = await getImportErrors(new Request(`http://test.local/api/imports/${jobId}/errors.csv`), params(jobId));
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const rows = (await csv.text()).trim().split("\r\n");
    expect(rows[0]).toBe("line,message");
    expect(rows).toHaveLength(summary.errorCount + 1);
    expect(rows[1]).toMatch(/^\d+,/);

    session.user = as("SUPPLIER");
    expect((await getImport(new Request(`http://test.local/api/imports/${jobId}`), params(jobId))).status).toBe(403);
    expect((await uploadImport(new Request(`http://test.local/api/imports?storeId=${store.id}`, { method: "POST", body: "x" }))).status).toBe(403);
    session.user = as("OWNER", true);
    expect((await getImport(new Request(`http://test.local/api/imports/${jobId}`), params(jobId))).status).toBe(404);
    expect((await uploadImport(new Request(`http://test.local/api/imports?storeId=${store.id}`, { method: "POST", body: file }))).status).toBe(404);
    session.user = null;
    expect((await getImport(new Request(`http://test.local/api/imports/${jobId}`), params(jobId))).status).toBe(401);
  });

  it("an unusable file gets 400 naming the missing columns and the job is marked FAILED", async () => {
    const store = await newStore("TIKTOK_SHOP");
    session.user = as("OWNER");
    const prepared = await prepareJob(new Request(`http://test.local/api/imports/jobs?storeId=${store.id}&format=tiktok-csv`, { method: "POST" }));
    const { id: jobId } = (await prepared.json()) as { id: string };
    const res = await uploadImport(
      new Request(`http://test.local/api/imports?storeId=${store.id}&jobId=${jobId}&format=tiktok-csv`, {
        method: "POST",
        body: readFileSync(fixture("tiktok-missing-columns.csv")),
      }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/Order Amount/);
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "FAILED",
      message: expect.stringMatching(/Order Amount/),
    });
    const bad = await uploadImport(new Request(`http://test.local/api/imports?storeId=${store.id}&format=pdf`, { method: "POST", body: "x" }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/^format:/);
  });
});
