import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Db } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Channel, LabelSource, Market, OrderStatus, StoreKind } from "@/lib/generated/prisma/enums";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";
import { seedCompliance } from "./demo-compliance";
import { seedDemoAlerts } from "./demo-alerts";
import { seedDemoReturns } from "./demo-returns";
import { type Random, createRandom } from "./random";
import { breakCheckDigit, makeTrackingNumber } from "./tracking-numbers";

// Demo credentials only: these accounts exist to try the product, never for real data.
export const DEMO_PASSWORD = "demo-password";
export const DEMO_ORG = "Demo Dropship Co";
export const OTHER_ORG = "Other Shop Ltd";

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

type StoreSpec = {
  name: string;
  channel: Channel;
  market: Market;
  kind: StoreKind | null;
  timeZone: string;
  currency: string;
  joinedOn: string;
  share: number;
};
type SupplierSpec = { key: string; name: string; shipFromCountry: string; promisedOutboundHours: number; promisedDeliveryDays: number };
type OrgSpec = {
  name: string;
  seed: number;
  orders: number;
  stores: StoreSpec[];
  suppliers: SupplierSpec[];
  users: { email: string; name: string; role: "OWNER" | "OPS" | "SUPPLIER"; supplierKey?: string }[];
};

const DEMO: OrgSpec = {
  name: DEMO_ORG,
  seed: 20261125,
  orders: 2000,
  stores: [
    {
      name: "TikTok Shop US",
      channel: "TIKTOK_SHOP",
      market: "US",
      kind: "CROSS_BORDER",
      timeZone: "America/Los_Angeles",
      currency: "USD",
      joinedOn: "2025-09-01",
      share: 0.45,
    },
    {
      name: "TikTok Shop UK",
      channel: "TIKTOK_SHOP",
      market: "UK",
      kind: "LOCAL",
      timeZone: "Europe/London",
      currency: "GBP",
      joinedOn: "2025-11-03",
      share: 0.2,
    },
    {
      name: "Brand Website",
      channel: "BRAND_SITE",
      market: "US",
      kind: null,
      timeZone: "America/New_York",
      currency: "USD",
      joinedOn: "2024-03-01",
      share: 0.35,
    },
  ],
  suppliers: [
    { key: "us", name: "Sunrise Fulfilment (Ontario, CA)", shipFromCountry: "US", promisedOutboundHours: 48, promisedDeliveryDays: 5 },
    { key: "cn", name: "Shenzhen Direct Supply", shipFromCountry: "CN", promisedOutboundHours: 72, promisedDeliveryDays: 12 },
  ],
  users: [
    { email: "owner@demo.test", name: "Olivia Owner", role: "OWNER" },
    { email: "ops@demo.test", name: "Oscar Ops", role: "OPS" },
    { email: "supplier@demo.test", name: "Sam Supplier", role: "SUPPLIER", supplierKey: "us" },
  ],
};

const OTHER: OrgSpec = {
  name: OTHER_ORG,
  seed: 777,
  orders: 150,
  stores: [
    {
      name: "Other TikTok Shop",
      channel: "TIKTOK_SHOP",
      market: "US",
      kind: "LOCAL",
      timeZone: "America/New_York",
      currency: "USD",
      joinedOn: "2025-06-01",
      share: 1,
    },
  ],
  suppliers: [{ key: "us", name: "Other Warehouse Inc", shipFromCountry: "US", promisedOutboundHours: 24, promisedDeliveryDays: 4 }],
  users: [{ email: "other@demo.test", name: "Otto Other", role: "OWNER" }],
};

const PRODUCTS = [
  { sku: "LED-STRIP-5M", name: "LED strip lights 5 m", usd: 1999, gbp: 1699 },
  { sku: "MINI-FAN-USB", name: "Handheld mini fan", usd: 1299, gbp: 1099 },
  { sku: "PHONE-TRIPOD", name: "Phone tripod with remote", usd: 2499, gbp: 2199 },
  { sku: "ICE-ROLLER", name: "Facial ice roller", usd: 1499, gbp: 1299 },
  { sku: "PET-HAIR-BRUSH", name: "Self-cleaning pet brush", usd: 1799, gbp: 1499 },
  { sku: "MAGSAFE-WALLET", name: "Magnetic card wallet", usd: 2299, gbp: 1899 },
  { sku: "SUNSET-LAMP", name: "Sunset projection lamp", usd: 2999, gbp: 2599 },
  { sku: "POSTURE-BELT", name: "Posture corrector", usd: 2199, gbp: 1799 },
] as const;

const FIRST = ["Ava", "Liam", "Mia", "Noah", "Emma", "Oliver", "Sophia", "Elijah", "Isla", "Jack", "Amelia", "Harry", "Chloe", "Leo", "Grace"];
const LAST = ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Miller", "Moore", "Clark", "Lewis", "Walker"];
const US_PLACES = [
  { city: "Austin", region: "TX", postcode: "78701" },
  { city: "Denver", region: "CO", postcode: "80202" },
  { city: "Boston", region: "MA", postcode: "02134" },
  { city: "Seattle", region: "WA", postcode: "98101" },
  { city: "Miami", region: "FL", postcode: "33101" },
];
const UK_PLACES = [
  { city: "Manchester", region: "Greater Manchester", postcode: "M1 1AE" },
  { city: "Leeds", region: "West Yorkshire", postcode: "LS1 4AP" },
  { city: "Bristol", region: "Bristol", postcode: "BS1 4DJ" },
  { city: "London", region: "Greater London", postcode: "SW1A 1AA" },
];

export type SeedResult = { created: boolean; orders: number };

/**
 * Loads the demo organisations. Idempotent: an organisation that already exists is left as it
 * is, so running the seed twice changes nothing. Orders are placed relative to `now`, so a fresh
 * start always has a live risk queue.
 */
export async function seedDemo(prisma: Db, now: Date): Promise<SeedResult> {
  let orders = 0;
  let created = false;
  for (const spec of [DEMO, OTHER]) {
    const made = await seedOrganization(prisma, spec, now);
    if (made !== null) {
      created = true;
      orders += made;
    }
  }
  return { created, orders };
}

export type Tenant = { organizationId: string; name: string; password: string; users: { owner: string; ops: string; supplier: string } };

/**
 * A fresh organisation shaped like the demo one (its stores, suppliers, compliance records and
 * returns) with its own name and sign-ins, for a test that writes: it owns its data, so no test
 * depends on another's leftovers and the suite passes in any order. `key` makes names unique.
 */
export async function seedTenant(prisma: Db, key: string, now: Date, options: { orders?: number } = {}): Promise<Tenant> {
  const users = { owner: `owner-${key}@tenant.test`, ops: `ops-${key}@tenant.test`, supplier: `supplier-${key}@tenant.test` };
  const spec: OrgSpec = {
    ...DEMO,
    name: `Tenant ${key}`,
    orders: options.orders ?? 400,
    users: [
      { email: users.owner, name: "Tess Owner", role: "OWNER" },
      { email: users.ops, name: "Theo Ops", role: "OPS" },
      { email: users.supplier, name: "Tara Supplier", role: "SUPPLIER", supplierKey: "us" },
    ],
  };
  await seedOrganization(prisma, spec, now);
  const org = await prisma.organization.findFirstOrThrow({ where: { name: spec.name }, select: { id: true } });
  return { organizationId: org.id, name: spec.name, password: DEMO_PASSWORD, users };
}

async function seedOrganization(prisma: Db, spec: OrgSpec, now: Date): Promise<number | null> {
  const existing = await prisma.organization.findFirst({ where: { name: spec.name }, select: { id: true } });
  if (existing) return null;
  const created = await createOrganization(prisma, spec, now);
  await refreshOrderRisk(prisma, { organizationId: created.organizationId }, now);
  await seedCompliance(prisma, created.organizationId, now);
  await seedDemoReturns(prisma, created.organizationId, spec.name === OTHER_ORG ? 4 : 40, now); // writes the returns' flags too
  if (spec.name === DEMO_ORG) await seedDemoAlerts(prisma, created.organizationId);
  return created.orders;
}

async function createOrganization(prisma: Db, spec: OrgSpec, now: Date): Promise<{ organizationId: string; orders: number }> {
  const random = createRandom(spec.seed);
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);

  return prisma.$transaction(
    async (tx) => {
      const org = await tx.organization.create({ data: { name: spec.name, isDemo: true }, select: { id: true } });
      const stores = await Promise.all(
        spec.stores.map((s) =>
          tx.store.create({
            data: {
              organizationId: org.id,
              name: s.name,
              channel: s.channel,
              market: s.market,
              kind: s.kind,
              timeZone: s.timeZone,
              currency: s.currency,
              joinedOn: new Date(`${s.joinedOn}T00:00:00Z`),
            },
            select: { id: true },
          }),
        ),
      );
      const suppliers = new Map<string, { id: string; spec: SupplierSpec }>();
      for (const s of spec.suppliers) {
        const { key, ...data } = s;
        const row = await tx.supplier.create({ data: { ...data, organizationId: org.id }, select: { id: true } });
        suppliers.set(key, { id: row.id, spec: s });
      }
      for (const u of spec.users) {
        await tx.user.create({
          data: {
            organizationId: org.id,
            email: u.email,
            name: u.name,
            role: u.role,
            passwordHash,
            supplierId: u.supplierKey ? suppliers.get(u.supplierKey)?.id : null,
          },
        });
      }

      const orderRows: Prisma.OrderCreateManyInput[] = [];
      const lineRows: Prisma.OrderLineCreateManyInput[] = [];
      const usedTracking: string[] = [];
      const customers = Array.from({ length: Math.ceil(spec.orders * 0.6) }, (_, i) => {
        const first = random.pick(FIRST);
        const last = random.pick(LAST);
        return { name: `${first} ${last}`, email: `${first}.${last}.${i}@example.com`.toLowerCase(), phone: `+1 555 01${String(i % 100).padStart(2, "0")}` };
      });

      for (let i = 0; i < spec.orders; i++) {
        const storeIndex = pickStore(spec.stores, random);
        const store = spec.stores[storeIndex] as StoreSpec;
        const storeId = (stores[storeIndex] as { id: string }).id;
        const order = makeOrder({ i, spec, store, random, now, suppliers, customers, usedTracking });
        const id = randomUUID();
        orderRows.push({ ...order.fields, id, organizationId: org.id, storeId });
        order.lines.forEach((line, position) => lineRows.push({ ...line, id: randomUUID(), orderId: id, position }));
      }
      await tx.order.createMany({ data: orderRows });
      await tx.orderLine.createMany({ data: lineRows });
      return { organizationId: org.id, orders: orderRows.length };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

function pickStore(stores: StoreSpec[], random: Random): number {
  let roll = random.next();
  for (let i = 0; i < stores.length; i++) {
    roll -= (stores[i] as StoreSpec).share;
    if (roll <= 0) return i;
  }
  return stores.length - 1;
}

type MakeOrderInput = {
  i: number;
  spec: OrgSpec;
  store: StoreSpec;
  random: Random;
  now: Date;
  suppliers: Map<string, { id: string; spec: SupplierSpec }>;
  customers: { name: string; email: string; phone: string }[];
  usedTracking: string[];
};

function makeOrder({ i, store, random, now, suppliers, customers, usedTracking }: MakeOrderInput) {
  const isTikTok = store.channel === "TIKTOK_SHOP";
  // A few orders in the last three days so the queue is live; the rest spread over 90 days.
  const ageHours = random.chance(0.12) ? random.next() * 72 : random.next() * 90 * 24;
  const placedAt = new Date(now.getTime() - ageHours * HOUR);
  const ageDays = ageHours / 24;

  const supplier =
    store.market === "UK"
      ? random.chance(0.15)
        ? suppliers.get("cn")
        : undefined
      : random.chance(0.7)
        ? suppliers.get("us")
        : (suppliers.get("cn") ?? suppliers.get("us"));
  const shipFromCountry = supplier?.spec.shipFromCountry ?? (store.market === "UK" ? "GB" : "US");
  const fromChina = shipFromCountry === "CN";

  // Hours from placement to the carrier's first scan; China ships slower, some orders go late.
  const dispatchHours = fromChina ? 20 + random.next() * 80 : 6 + random.next() * (random.chance(0.1) ? 90 : 44);
  const transitDays = fromChina ? 7 + random.next() * 7 : 2 + random.next() * 4;

  let status: OrderStatus;
  let inTransitAt: Date | null = null;
  let deliveredAt: Date | null = null;
  let cancelledAt: Date | null = null;
  const paidAt = new Date(placedAt.getTime() + random.int(1, 20) * 60_000);
  if (random.chance(0.04) && ageHours > 6) {
    status = "CANCELLED";
    cancelledAt = new Date(placedAt.getTime() + random.int(1, 30) * HOUR);
  } else if (ageHours < 0.5 && random.chance(0.5)) {
    status = "AWAITING_PAYMENT";
  } else if (ageHours < dispatchHours || (ageDays > 3 && ageDays < 8 && random.chance(0.02))) {
    // Not yet scanned by the carrier: waiting for a label or for collection (a few are stuck).
    status = random.chance(0.35) ? "AWAITING_COLLECTION" : "AWAITING_SHIPMENT";
  } else {
    inTransitAt = new Date(placedAt.getTime() + dispatchHours * HOUR);
    const deliveredTime = inTransitAt.getTime() + transitDays * DAY;
    if (deliveredTime < now.getTime()) {
      deliveredAt = new Date(deliveredTime);
      status = now.getTime() - deliveredTime > 15 * DAY ? "COMPLETED" : "DELIVERED";
    } else {
      status = "IN_TRANSIT";
    }
  }

  const carrier =
    fromChina && random.chance(0.2)
      ? "YunExpress"
      : store.market === "UK"
        ? random.pick(["Royal Mail", "Royal Mail", "Royal Mail", "Evri", "DPD"])
        : random.pick(["USPS", "USPS", "UPS", "FedEx"]);
  const hasLabel = status !== "AWAITING_PAYMENT" && status !== "AWAITING_SHIPMENT" && status !== "CANCELLED";
  let trackingNumber: string | null = hasLabel ? makeTrackingNumber(carrier, random) : null;
  let namedCarrier: string | null = hasLabel ? carrier : null;
  if (trackingNumber && random.chance(0.015)) trackingNumber = breakCheckDigit(trackingNumber); // a typo or a fake
  if (trackingNumber && carrier === "UPS" && random.chance(0.05)) namedCarrier = "FedEx"; // number of one carrier, named as another
  if (trackingNumber && status === "IN_TRANSIT" && random.chance(0.01)) trackingNumber = null; // shipped without tracking
  if (trackingNumber && usedTracking.length > 20 && random.chance(0.004)) trackingNumber = random.pick(usedTracking); // reused number
  if (trackingNumber) usedTracking.push(trackingNumber);

  const labelSource: LabelSource = !hasLabel
    ? "UNKNOWN"
    : !isTikTok
      ? "SELLER"
      : carrier === "USPS"
        ? random.chance(0.9)
          ? "TIKTOK_SHIPPING"
          : "SELLER"
        : random.chance(0.5)
          ? "TIKTOK_SHIPPING"
          : "SELLER";

  const lineCount = random.chance(0.75) ? 1 : random.int(2, 3);
  const lines = Array.from({ length: lineCount }, () => {
    const product = random.pick(PRODUCTS);
    return {
      sku: product.sku,
      productName: product.name,
      quantity: random.chance(0.85) ? 1 : 2,
      unitPriceMinor: store.currency === "GBP" ? product.gbp : product.usd,
    };
  });
  const shipping = random.chance(0.6) ? 0 : store.currency === "GBP" ? 399 : 499;
  const totalMinor = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0) + shipping;
  // Brand-site buyers come back; TikTok buyers mostly do not.
  const customer = store.channel === "BRAND_SITE" ? random.pick(customers.slice(0, 200)) : random.pick(customers);
  const place = store.market === "UK" ? random.pick(UK_PLACES) : random.pick(US_PLACES);
  const externalId = isTikTok ? `5768${String(100000000000000 + i * 7919).padStart(14, "0")}` : `#${1001 + i}`;

  return {
    fields: {
      channel: store.channel,
      externalId,
      status,
      placedAt,
      paidAt: status === "AWAITING_PAYMENT" ? null : paidAt,
      inTransitAt,
      deliveredAt,
      cancelledAt,
      carrier: namedCarrier,
      trackingNumber,
      labelSource,
      shipFromCountry,
      supplierId: supplier?.id ?? null,
      currency: store.currency,
      totalMinor,
      buyerName: customer.name,
      buyerEmail: customer.email,
      buyerPhone: customer.phone,
      shipAddress1: `${random.int(1, 999)} ${random.pick(["High St", "Main St", "Oak Ave", "Station Rd"])}`,
      shipAddress2: null,
      shipCity: place.city,
      shipRegion: place.region,
      shipPostcode: place.postcode,
      shipCountry: store.market === "UK" ? "GB" : "US",
      sourceUpdatedAt: placedAt,
    },
    lines,
  };
}
