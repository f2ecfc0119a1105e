import "server-only";
import type { SessionUser } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readBodyLimited } from "@/lib/ingest/read-body";
import { type PriceCsvRow, type VideoCsvRow, priceCsvRowSchema, priceImportParamsSchema, videoCsvRowSchema } from "@/lib/validations/compliance";
import { type CsvRowError, mapCsv } from "./csv";
import { refreshCreators, refreshListings } from "@/lib/flags/refresh-compliance";

// CSV imports of the video log and of a channel's price list. Rows that pass are saved; the ones
// that do not come back with their line and column. Unknown creators / SKUs of the organisation
// are row errors, never created implicitly.

export type ImportResult = { saved: number; errors: CsvRowError[] };

const MAX_BYTES = 2 * 1024 * 1024;

export async function readCsvUpload(request: Request): Promise<{ text: string; form: FormData }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("multipart/form-data")) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the CSV as multipart/form-data in a field named file.");
  // Read with a bound first: formData() alone would buffer a body of any size, and throws a
  // TypeError (a 500) on a broken multipart body.
  const body = await readBodyLimited(request, MAX_BYTES + 64 * 1024);
  if (!body) throw new AppError("PAYLOAD_TOO_LARGE", "The file is larger than 2 MB: split it.");
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid multipart/form-data.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("BAD_REQUEST", "Attach a CSV file in the field named file.");
  if (file.size > MAX_BYTES) throw new AppError("BAD_REQUEST", "The file is larger than 2 MB: split it.");
  return { text: await file.text(), form };
}

export async function importVideos(user: SessionUser, text: string, now: Date): Promise<ImportResult> {
  const mapped = mapCsv(text, videoCsvRowSchema, {
    required: ["creator", "posted_at", "title", "has_product_link", "style"],
    defaults: { format: "SHORT_VIDEO" },
  });
  const errors = [...mapped.errors];
  const handles = [...new Set(mapped.rows.map((r) => r.data.creator))];
  const creators = await db.creator.findMany({ where: { organizationId: user.organizationId, handle: { in: handles } }, select: { id: true, handle: true } });
  const byHandle = new Map(creators.map((c) => [c.handle, c.id]));
  const valid: (VideoCsvRow & { creatorId: string; line: number })[] = [];
  for (const { line, data } of mapped.rows) {
    const creatorId = byHandle.get(data.creator);
    if (!creatorId) errors.push({ line, column: "creator", message: `No creator @${data.creator} in your organisation: add them first` });
    else if (data.posted_at.getTime() > now.getTime() + 5 * 60_000)
      errors.push({ line, column: "posted_at", message: "A video cannot be posted in the future" });
    else valid.push({ ...data, creatorId, line });
  }
  if (valid.length) {
    await db.$transaction(async (tx) => {
      const created = await tx.shopVideo.createManyAndReturn({
        data: valid.map((v) => ({
          creatorId: v.creatorId,
          postedAt: v.posted_at,
          title: v.title,
          format: v.format,
          hasProductLink: v.has_product_link,
          style: v.style,
        })),
        select: { id: true },
      });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actor: { id: user.id, email: user.email },
        action: "video.import",
        entityType: "ShopVideo",
        entityId: created[0]?.id ?? "import",
        before: null,
        after: { rows: created.length, videoIds: created.map((c) => c.id), lines: valid.map((v) => v.line) },
      });
    });
    await refreshCreators(db, user.organizationId, [...new Set(valid.map((v) => v.creatorId))], now);
  }
  return { saved: valid.length, errors: errors.sort((a, b) => a.line - b.line) };
}

export async function importPrices(user: SessionUser, text: string, params: Record<string, unknown>, now: Date): Promise<ImportResult> {
  const p = priceImportParamsSchema.safeParse(params);
  if (!p.success) throw new AppError("BAD_REQUEST", p.error.issues[0]?.message ?? "Pick the channel the price list is for.");
  const { channel, currency } = p.data;
  const mapped = mapCsv(text, priceCsvRowSchema, { required: ["sku", "price", "currency"], defaults: currency ? { currency } : {} });
  const errors = [...mapped.errors];
  const listings = await db.listing.findMany({
    where: { organizationId: user.organizationId, sku: { in: [...new Set(mapped.rows.map((r) => r.data.sku))] } },
    select: { id: true, sku: true },
  });
  const bySku = new Map(listings.map((l) => [l.sku, l.id]));
  const valid: (PriceCsvRow & { listingId: string; line: number })[] = [];
  const seen = new Map<string, number>();
  for (const { line, data } of mapped.rows) {
    const listingId = bySku.get(data.sku);
    const key = `${data.sku}:${data.currency}`;
    if (!listingId) errors.push({ line, column: "sku", message: `No listing with SKU ${data.sku} in your organisation` });
    else if (seen.has(key)) errors.push({ line, column: "sku", message: `${data.sku} (${data.currency}) is already priced on line ${seen.get(key)}` });
    else {
      seen.set(key, line);
      valid.push({ ...data, listingId, line });
    }
  }
  if (valid.length) {
    await db.$transaction(async (tx) => {
      const before = await tx.listingPrice.findMany({
        where: { listingId: { in: valid.map((v) => v.listingId) }, channel, effectiveAt: { lte: now } },
        orderBy: [{ effectiveAt: "desc" }, { createdAt: "desc" }],
        distinct: ["listingId", "currency"],
        select: { listingId: true, currency: true, priceMinor: true },
      });
      await tx.listingPrice.createMany({
        data: valid.map((v) => ({ listingId: v.listingId, channel, currency: v.currency, priceMinor: v.price, effectiveAt: now, createdById: user.id })),
      });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actor: { id: user.id, email: user.email },
        action: "listing.price_import",
        entityType: "Listing",
        entityId: valid[0]?.listingId ?? "import",
        before: { channel, prices: before.map((b) => ({ listingId: b.listingId, currency: b.currency, priceMinor: b.priceMinor })) },
        after: { channel, prices: valid.map((v) => ({ listingId: v.listingId, sku: v.sku, currency: v.currency, priceMinor: v.price })) },
      });
    });
    await refreshListings(db, user.organizationId, [...new Set(valid.map((v) => v.listingId))], now);
  }
  return { saved: valid.length, errors: errors.sort((a, b) => a.line - b.line) };
}
