import { once } from "node:events";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import bcrypt from "bcryptjs";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "@/lib/database/client";
import { acceptsCopyFromStdin } from "@/lib/database/copy-support";
import { type Market, dispatchTimes } from "@/lib/policy";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { s10, ups1z, uspsImpb } from "@/lib/seed/check-digits";
import { type Random, createRandom } from "@/lib/seed/random";

// Benchmark data: N realistic orders across S stores of both channels, written with COPY,
// reproducible from the seed. Flags are then computed by the same code the app uses.

export const BENCH_ORG = "Benchmark Co";
export const BENCH_PASSWORD = "bench-password";
export const BENCH_USERS = { owner: "bench-owner@bench.test", ops: "bench-ops@bench.test", supplier: "bench-supplier@bench.test" } as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PRODUCTS = [
  ["LED-STRIP-5M", "LED strip lights 5 m", 1999, 1699],
  ["MINI-FAN-USB", "Handheld mini fan", 1299, 1099],
  ["PHONE-TRIPOD", "Phone tripod with remote", 2499, 2199],
  ["ICE-ROLLER", "Facial ice roller", 1499, 1299],
  ["PET-HAIR-BRUSH", "Self-cleaning pet brush", 1799, 1499],
  ["SUNSET-LAMP", "Sunset projection lamp", 2999, 2599],
] as const;

type StoreRow = { id: string; channel: "TIKTOK_SHOP" | "BRAND_SITE"; market: Market; currency: string };

export type GenerateOptions = { orders: number; stores: number; seed?: number; days?: number; now?: Date; log?: (line: string) => void };

/** Fills `databaseUrl` with the benchmark organisation (replacing an earlier one). */
export async function generateBenchData(
  prisma: Db,
  databaseUrl: string,
  options: GenerateOptions,
): Promise<{ organizationId: string; orders: number; lines: number; seconds: number }> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const days = options.days ?? 365;
  const random = createRandom(options.seed ?? 1);

  await prisma.organization.deleteMany({ where: { name: BENCH_ORG } });
  const org = await prisma.organization.create({ data: { name: BENCH_ORG }, select: { id: true } });
  const stores: StoreRow[] = [];
  for (let i = 0; i < options.stores; i++) {
    const roll = i % 10;
    const channel = roll < 8 ? "TIKTOK_SHOP" : "BRAND_SITE";
    const market: Market = channel === "TIKTOK_SHOP" && roll >= 6 ? "UK" : "US";
    const store = await prisma.store.create({
      data: {
        organizationId: org.id,
        name: `${channel === "TIKTOK_SHOP" ? `TikTok ${market}` : "Brand site"} #${i + 1}`,
        channel,
        market,
        kind: channel === "TIKTOK_SHOP" ? (i % 3 === 0 ? "CROSS_BORDER" : "LOCAL") : null,
        timeZone: market === "UK" ? "Europe/London" : "America/Los_Angeles",
        currency: market === "UK" ? "GBP" : "USD",
        joinedOn: new Date("2025-06-01T00:00:00Z"),
      },
      select: { id: true },
    });
    stores.push({ id: store.id, channel, market, currency: market === "UK" ? "GBP" : "USD" });
  }
  const suppliers = await Promise.all(
    ["US West", "US East", "UK Midlands", "Shenzhen", "Yiwu"].map((name, i) =>
      prisma.supplier.create({
        data: {
          organizationId: org.id,
          name: `Bench supplier ${name}`,
          shipFromCountry: i < 2 ? "US" : i === 2 ? "GB" : "CN",
          promisedOutboundHours: i < 3 ? 48 : 72,
          promisedDeliveryDays: i < 3 ? 5 : 12,
        },
        select: { id: true },
      }),
    ),
  );
  const passwordHash = await bcrypt.hash(BENCH_PASSWORD, 10);
  await prisma.user.createMany({
    data: [
      { organizationId: org.id, email: BENCH_USERS.owner, name: "Bench Owner", role: "OWNER", passwordHash },
      { organizationId: org.id, email: BENCH_USERS.ops, name: "Bench Ops", role: "OPS", passwordHash },
      { organizationId: org.id, email: BENCH_USERS.supplier, name: "Bench Supplier", role: "SUPPLIER", passwordHash, supplierId: suppliers[0]?.id },
    ],
    skipDuplicates: true,
  });

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let lineCount = 0;
  try {
    const timesCache = new Map<string, ReturnType<typeof dispatchTimes>>();
    // Rows go in oldest first, stores interleaved, as a shop's orders arrive: a date range then
    // reads the pages of its own weeks, as on a real orders table. (Random placement, as this
    // generator first did, makes every 30-day query touch nearly every page of the table.)
    const ages = orderAges(options.orders, days, createRandom((options.seed ?? 1) + 1));
    const lineRows: Value[][] = [];
    const rows = function* (): Generator<Value[]> {
      for (let i = 0; i < options.orders; i++) {
        const store = stores[i % stores.length] as StoreRow;
        const supplierId = (suppliers[random.int(0, suppliers.length - 1)] as { id: string }).id;
        const o = makeOrder(i, store, random, now, ages[i] as number, timesCache);
        const id = `bo${i.toString(36).padStart(8, "0")}`;
        o.lines.forEach((l, position) => lineRows.push([`${id}-${position}`, id, position, l[0], l[1], l[2], l[3]]));
        lineCount += o.lines.length;
        yield [
          id,
          org.id,
          store.id,
          store.channel,
          o.externalId,
          o.status,
          o.placedAt,
          o.paidAt,
          o.inTransitAt,
          o.deliveredAt,
          o.cancelledAt,
          o.carrier,
          o.trackingNumber,
          o.labelSource,
          o.shipFrom,
          supplierId,
          store.currency,
          o.total,
          o.buyerName,
          o.buyerEmail,
          "Austin",
          "TX",
          "78701",
          store.market === "UK" ? "GB" : "US",
          o.placedAt,
          o.dispatchDueAt,
          o.autoCancelAt,
          now,
        ];
        if ((i + 1) % 100_000 === 0) log(`generated ${i + 1} orders`);
      }
    };
    if (await acceptsCopyFromStdin(client)) {
      const orderCopy = client.query(copyFrom(`COPY "Order" (${ORDER_COLUMNS}) FROM STDIN WITH (FORMAT csv)`));
      await pipeline(
        Readable.from(
          (function* () {
            for (const row of rows()) yield csv(row);
          })(),
          { objectMode: false },
        ),
        orderCopy,
      );
      const lineCopy = client.query(copyFrom(`COPY "OrderLine" (${LINE_COLUMNS}) FROM STDIN WITH (FORMAT csv)`));
      await writeAll(lineCopy, lineRows.map(csv));
    } else {
      // The embedded database: the same rows as multi-row INSERTs on the one connection.
      await insertAll(client, "Order", ORDER_COLUMNS, rows());
      await insertAll(client, "OrderLine", LINE_COLUMNS, lineRows);
    }
    log(`copied ${options.orders} orders and ${lineCount} lines`);
  } finally {
    await client.end();
  }
  await prisma.$executeRawUnsafe(`ANALYZE "Order"; ANALYZE "OrderLine"; ANALYZE "OrderDaily"; ANALYZE "OrderCount";`);

  // Stored flags for every order, by the app's own evaluation path.
  const flagged = await refreshOrderRisk(prisma, { organizationId: org.id }, now);
  log(`evaluated ${flagged.orders} orders, ${flagged.flags} stored flags`);
  await prisma.$executeRawUnsafe(`ANALYZE "RiskFlag";`);
  return { organizationId: org.id, orders: options.orders, lines: lineCount, seconds: (performance.now() - started) / 1000 };
}

type Value = string | number | Date | null;

const ORDER_COLUMNS = `id, "organizationId", "storeId", channel, "externalId", status, "placedAt", "paidAt", "inTransitAt", "deliveredAt", "cancelledAt",
  carrier, "trackingNumber", "labelSource", "shipFromCountry", "supplierId", currency, "totalMinor", "buyerName", "buyerEmail", "shipCity", "shipRegion",
  "shipPostcode", "shipCountry", "sourceUpdatedAt", "dispatchDueAt", "autoCancelAt", "updatedAt"`;
const LINE_COLUMNS = `id, "orderId", position, sku, "productName", quantity, "unitPriceMinor"`;

/** Rows as parameterised multi-row INSERTs, in batches that stay under PostgreSQL's 65,535 parameters. */
async function insertAll(client: pg.Client, table: string, columns: string, rows: Iterable<Value[]>) {
  const width = columns.split(",").length;
  const perStatement = Math.floor(60_000 / width);
  let batch: Value[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    // Text parameters, as in the CSV of the COPY path: PostgreSQL casts each to its column's type.
    const values = batch.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ")})`).join(", ");
    await client.query(
      `INSERT INTO "${table}" (${columns}) VALUES ${values}`,
      batch.flat().map((v) => (v instanceof Date ? v.toISOString() : v === null ? null : String(v))),
    );
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= perStatement) await flush();
  }
  await flush();
}

async function writeAll(stream: Writable, rows: string[]) {
  for (const row of rows) if (!stream.write(row)) await once(stream, "drain");
  stream.end();
  await once(stream, "finish");
}

function csv(values: Value[]): string {
  return `${values
    .map((v) => {
      if (v === null) return "";
      if (v instanceof Date) return v.toISOString();
      const s = String(v);
      return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(",")}\n`;
}

/** Each order's age in hours, oldest first: spread over `days`, with 2 % in the last three days (open work). */
function orderAges(count: number, days: number, random: Random): Float64Array {
  const ages = new Float64Array(count);
  for (let i = 0; i < count; i++) ages[i] = random.chance(0.02) ? random.next() * 72 : random.next() * days * 24;
  return ages.sort().reverse();
}

function makeOrder(i: number, store: StoreRow, random: Random, now: Date, ageHours: number, timesCache: Map<string, ReturnType<typeof dispatchTimes>>) {
  const tiktok = store.channel === "TIKTOK_SHOP";
  const placedAt = new Date(now.getTime() - ageHours * HOUR);
  // The deadline depends only on the local date, which changes on whole hours in these zones.
  const hourKey = `${store.market}:${Math.floor(placedAt.getTime() / HOUR)}`;
  let times = tiktok ? timesCache.get(hourKey) : undefined;
  if (tiktok && !times) {
    times = dispatchTimes(store.market, placedAt);
    timesCache.set(hourKey, times);
  }
  const dispatchHours = 6 + random.next() * (random.chance(0.08) ? 100 : 44);
  let status = "COMPLETED";
  let inTransitAt: Date | null = null;
  let deliveredAt: Date | null = null;
  let cancelledAt: Date | null = null;
  if (random.chance(0.03)) {
    status = "CANCELLED";
    cancelledAt = new Date(placedAt.getTime() + 5 * HOUR);
  } else if (ageHours < dispatchHours) {
    status = random.chance(0.3) ? "AWAITING_COLLECTION" : "AWAITING_SHIPMENT";
  } else {
    inTransitAt = new Date(placedAt.getTime() + dispatchHours * HOUR);
    const delivered = inTransitAt.getTime() + (2 + random.next() * 6) * DAY;
    if (delivered < now.getTime()) {
      deliveredAt = new Date(delivered);
      status = now.getTime() - delivered > 15 * DAY ? "COMPLETED" : "DELIVERED";
    } else status = "IN_TRANSIT";
  }
  const shipped = status !== "AWAITING_SHIPMENT" && status !== "CANCELLED";
  const carrier = store.market === "UK" ? "Royal Mail" : random.chance(0.7) ? "USPS" : "UPS";
  let trackingNumber: string | null = null;
  if (shipped) {
    const serial = i.toString().padStart(12, "0");
    trackingNumber =
      carrier === "USPS"
        ? uspsImpb(`940011${random.digits(3)}${serial}`)
        : carrier === "UPS"
          ? ups1z(`${random.digits(3)}${serial}`)
          : s10("RB", serial.slice(-8), "GB");
    if (random.chance(0.01)) trackingNumber = `${trackingNumber.slice(0, -3)}${(Number(trackingNumber.at(-3) ?? 0) + 1) % 10}${trackingNumber.slice(-2)}`;
  }
  const lines = Array.from({ length: random.chance(0.75) ? 1 : random.int(2, 3) }, () => {
    const p = random.pick(PRODUCTS);
    return [p[0], p[1], random.chance(0.9) ? 1 : 2, store.currency === "GBP" ? p[3] : p[2]] as const;
  });
  const total = lines.reduce((sum, l) => sum + l[2] * l[3], 0);
  const buyer = random.int(1, 400_000);
  return {
    externalId: tiktok ? `5768${String(i).padStart(14, "0")}` : `#${100000 + i}`,
    status,
    placedAt,
    paidAt: new Date(placedAt.getTime() + 5 * 60_000),
    inTransitAt,
    deliveredAt,
    cancelledAt,
    carrier: shipped ? carrier : null,
    trackingNumber,
    labelSource: !shipped ? "UNKNOWN" : tiktok && random.chance(0.9) ? "TIKTOK_SHIPPING" : "SELLER",
    shipFrom: store.market === "UK" ? "GB" : "US",
    total,
    buyerName: `Buyer ${buyer}`,
    buyerEmail: `buyer${buyer}@example.com`,
    dispatchDueAt: times?.deadline ?? null,
    autoCancelAt: times?.autoCancelAt ?? null,
    lines,
  };
}
