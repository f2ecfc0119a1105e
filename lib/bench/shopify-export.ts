import type { Writable } from "node:stream";

/** The current (79-column) Shopify order export header. */
export const SHOPIFY_EXPORT_HEADER = [
  "Name",
  "Email",
  "Financial Status",
  "Paid at",
  "Fulfillment Status",
  "Fulfilled at",
  "Accepts Marketing",
  "Currency",
  "Subtotal",
  "Shipping",
  "Taxes",
  "Total",
  "Discount Code",
  "Discount Amount",
  "Shipping Method",
  "Created at",
  "Lineitem quantity",
  "Lineitem name",
  "Lineitem price",
  "Lineitem compare at price",
  "Lineitem sku",
  "Lineitem requires shipping",
  "Lineitem taxable",
  "Lineitem fulfillment status",
  "Billing Name",
  "Billing Street",
  "Billing Address1",
  "Billing Address2",
  "Billing Company",
  "Billing City",
  "Billing Zip",
  "Billing Province",
  "Billing Country",
  "Billing Phone",
  "Shipping Name",
  "Shipping Street",
  "Shipping Address1",
  "Shipping Address2",
  "Shipping Company",
  "Shipping City",
  "Shipping Zip",
  "Shipping Province",
  "Shipping Country",
  "Shipping Phone",
  "Notes",
  "Note Attributes",
  "Cancelled at",
  "Payment Method",
  "Payment Reference",
  "Refunded Amount",
  "Vendor",
  "Outstanding Balance",
  "Employee",
  "Location",
  "Device ID",
  "Id",
  "Tags",
  "Risk Level",
  "Source",
  "Lineitem discount",
  "Tax 1 Name",
  "Tax 1 Value",
  "Tax 2 Name",
  "Tax 2 Value",
  "Tax 3 Name",
  "Tax 3 Value",
  "Tax 4 Name",
  "Tax 4 Value",
  "Tax 5 Name",
  "Tax 5 Value",
  "Phone",
  "Receipt Number",
  "Duties",
  "Billing Province Name",
  "Shipping Province Name",
  "Payment ID",
  "Payment Terms Name",
  "Next Payment Due At",
  "Payment References",
] as const;

type Column = (typeof SHOPIFY_EXPORT_HEADER)[number];

/** mulberry32: tiny, fast, and identical on every platform, so a seed reproduces the same file. */
function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function escapeCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const PRODUCTS = [
  { name: "Linen Shirt", sku: "LS", price: 4900 },
  { name: "Canvas Tote", sku: "CT", price: 1850 },
  { name: "Wool Beanie", sku: "WB", price: 2400 },
  { name: 'Ceramic Mug "Morning"', sku: "CM", price: 1599 },
  { name: "Leather Wallet, Slim", sku: "LW", price: 6500 },
];
const VARIANTS = ["S", "M", "L", "Red / M", "Blue / L", "One Size"];
const PLACES = [
  { city: "Boston", province: "MA", provinceName: "Massachusetts", zip: "'02134", country: "US" },
  { city: "Newark", province: "NJ", provinceName: "New Jersey", zip: "'07102", country: "US" },
  { city: "Austin", province: "TX", provinceName: "Texas", zip: "78701", country: "US" },
  { city: "Seattle", province: "WA", provinceName: "Washington", zip: "98101", country: "US" },
];
const FIRST = ["Ava", "Liam", "Mia", "Noah", "Zoë", "Omar", "Chloé", "Kenji"];
const LAST = ["Nguyen", "Smith", "O'Brien", "García", "Kowalski", "Patel"];

function formatMoney(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

function formatShopifyTime(ms: number): string {
  // Written in the shop's offset (-0500), as Shopify does.
  const d = new Date(ms - 5 * 3_600_000);
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} -0500`;
}

export type GenerateShopifyExportOptions = { seed?: number; firstOrderNumber?: number };
export type GeneratedExportSummary = { orders: number; lines: number };

/**
 * Writes a realistic Shopify order export with exactly `lineCount` line-item rows (1–4 per order):
 * order-level columns only on each order's first row, apostrophe ZIPs, quoted commas and quotes, and
 * `Note Attributes` with newlines. Same seed, same bytes. Honours backpressure so 100k+ lines stream.
 */
export async function generateShopifyExport(lineCount: number, out: Writable, options: GenerateShopifyExportOptions = {}): Promise<GeneratedExportSummary> {
  const random = createPrng(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const write = async (chunk: string): Promise<void> => {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  };

  await write(`${SHOPIFY_EXPORT_HEADER.join(",")}\n`);
  let written = 0;
  let orders = 0;
  let orderNumber = options.firstOrderNumber ?? 1001;
  let clock = Date.UTC(2025, 0, 2, 15, 0, 0);
  let buffer = "";
  while (written < lineCount) {
    const lineItems = Math.min(1 + Math.floor(random() * 4), lineCount - written);
    const name = `#${orderNumber++}`;
    clock += Math.floor(random() * 600_000);
    const created = formatShopifyTime(clock);
    const customer = `${pick(FIRST)} ${pick(LAST)}`;
    const email = `${customer.toLowerCase().replace(/[^a-z]/g, ".")}@example.com`;
    const place = pick(PLACES);
    const roll = random();
    const financial = roll < 0.05 ? "pending" : roll < 0.08 ? "refunded" : roll < 0.1 ? "voided" : "paid";
    const fulfilled = financial === "paid" && random() < 0.6;
    const cancelled = financial === "voided" || (financial === "refunded" && random() < 0.5);
    const items = Array.from({ length: lineItems }, () => {
      const product = pick(PRODUCTS);
      const variant = pick(VARIANTS);
      return { product, variant, quantity: 1 + Math.floor(random() * 3) };
    });
    const subtotal = items.reduce((sum, i) => sum + i.product.price * i.quantity, 0);
    const shipping = subtotal > 10_000 ? 0 : 595;
    const taxes = Math.round(subtotal * 0.0625);
    const total = subtotal + shipping + taxes;
    const note = random() < 0.2 ? `gift_message: Happy birthday, ${customer}!\nwrap: yes` : "";
    items.forEach((item, index) => {
      const row: Partial<Record<Column, string>> = {
        Name: name,
        Email: email,
        "Created at": created,
        "Lineitem quantity": String(item.quantity),
        "Lineitem name": `${item.product.name} - ${item.variant}`,
        "Lineitem price": formatMoney(item.product.price),
        "Lineitem compare at price": "",
        "Lineitem sku": `${item.product.sku}-${item.variant.replace(/[^A-Za-z]/g, "").toUpperCase()}`,
        "Lineitem requires shipping": "true",
        "Lineitem taxable": "true",
        "Lineitem fulfillment status": fulfilled ? "fulfilled" : "pending",
        "Lineitem discount": "0.00",
      };
      if (index === 0) {
        Object.assign(row, {
          "Financial Status": financial,
          "Paid at": financial === "paid" || financial === "refunded" ? created : "",
          "Fulfillment Status": fulfilled ? "fulfilled" : cancelled && random() < 0.5 ? "restocked" : "unfulfilled",
          "Fulfilled at": fulfilled ? formatShopifyTime(clock + 86_400_000) : "",
          "Accepts Marketing": random() < 0.5 ? "yes" : "no",
          Currency: "USD",
          Subtotal: formatMoney(subtotal),
          Shipping: formatMoney(shipping),
          Taxes: formatMoney(taxes),
          Total: formatMoney(total),
          "Discount Amount": "0.00",
          "Shipping Method": shipping === 0 ? "Free Shipping" : "Standard",
          "Billing Name": customer,
          "Billing Street": `${100 + Math.floor(random() * 900)} Main St`,
          "Billing Address1": `${100 + Math.floor(random() * 900)} Main St`,
          "Billing City": place.city,
          "Billing Zip": place.zip,
          "Billing Province": place.province,
          "Billing Country": place.country,
          "Shipping Name": customer,
          "Shipping Street": `${100 + Math.floor(random() * 900)} Elm St, Apt ${1 + Math.floor(random() * 20)}`,
          "Shipping Address1": `${100 + Math.floor(random() * 900)} Elm St`,
          "Shipping Address2": `Apt ${1 + Math.floor(random() * 20)}`,
          "Shipping City": place.city,
          "Shipping Zip": place.zip,
          "Shipping Province": place.province,
          "Shipping Country": place.country,
          "Shipping Phone": `'+1617555${String(1000 + Math.floor(random() * 9000))}`,
          "Note Attributes": note,
          "Cancelled at": cancelled ? formatShopifyTime(clock + 3_600_000) : "",
          "Payment Method": "Shopify Payments",
          "Payment Reference": `c${Math.floor(random() * 1e9)}.1`,
          "Refunded Amount": financial === "refunded" ? formatMoney(total) : "0.00",
          Vendor: "Acme Goods",
          "Outstanding Balance": "0.00",
          Id: String(5_000_000_000_000 + orderNumber),
          Tags: random() < 0.3 ? "vip, repeat" : "",
          "Risk Level": "Low",
          Source: "web",
          "Tax 1 Name": "MA State Tax 6.25%",
          "Tax 1 Value": formatMoney(taxes),
          "Billing Province Name": place.provinceName,
          "Shipping Province Name": place.provinceName,
          "Payment ID": `pay_${Math.floor(random() * 1e9)}`,
          "Payment References": `c${Math.floor(random() * 1e9)}.1`,
        } satisfies Partial<Record<Column, string>>);
      }
      buffer += `${SHOPIFY_EXPORT_HEADER.map((c) => escapeCsv(row[c] ?? "")).join(",")}\n`;
    });
    written += lineItems;
    orders++;
    if (buffer.length > 64 * 1024) {
      await write(buffer);
      buffer = "";
    }
  }
  if (buffer) await write(buffer);
  return { orders, lines: written };
}
