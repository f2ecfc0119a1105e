import type { Db } from "@/lib/database/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { VideoStyle } from "@/lib/compliance/ledger";
import { openDemandBySku, refreshOrganizationCompliance } from "@/lib/flags/refresh-compliance";

// Demo compliance records for the demo organisation, relative to `now`, chosen so that every
// rule of the deposit, registration, content, pricing and inventory families shows at least once
// (deposit.topup_due only while `now` is on or before the 2026-01-14 top-up date: after it, the
// same store shows deposit.shortfall instead). Idempotent: an organisation that already has
// listings is left as it is.

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The demo SKUs (lib/seed/demo.ts PRODUCTS) with their brand-site prices. */
const CATALOGUE = [
  { sku: "LED-STRIP-5M", name: "LED strip lights 5 m", usd: 1999, gbp: 1699 },
  { sku: "MINI-FAN-USB", name: "Handheld mini fan", usd: 1299, gbp: 1099 },
  { sku: "PHONE-TRIPOD", name: "Phone tripod with remote", usd: 2499, gbp: 2199 },
  { sku: "ICE-ROLLER", name: "Facial ice roller", usd: 1499, gbp: 1299 },
  { sku: "PET-HAIR-BRUSH", name: "Self-cleaning pet brush", usd: 1799, gbp: 1499 },
  { sku: "MAGSAFE-WALLET", name: "Magnetic card wallet", usd: 2299, gbp: 1899 },
  { sku: "SUNSET-LAMP", name: "Sunset projection lamp", usd: 4777, gbp: 2599 },
  { sku: "POSTURE-BELT", name: "Posture corrector", usd: 2199, gbp: 1799 },
] as const;

/** TikTok prices that differ from the brand site (USD); the rest match. */
const TIKTOK_USD: Partial<Record<(typeof CATALOGUE)[number]["sku"], number>> = {
  "MINI-FAN-USB": 1200, // fake discount: $12.99 on the site, $12.00 on TikTok
  "SUNSET-LAMP": 5000, // inflation: $47.77 on the site, $50.00 on TikTok
  "ICE-ROLLER": 1500, // .99 round-up: $14.99 → $15.00 is fine
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const dateOnly = (d: Date) => new Date(`${isoDate(d)}T00:00:00Z`);

export async function seedCompliance(prisma: Db, organizationId: string, now: Date): Promise<{ seeded: boolean }> {
  const stores = await prisma.store.findMany({
    where: { organizationId },
    select: { id: true, name: true, channel: true, market: true, kind: true, joinedOn: true },
  });
  const us = stores.find((s) => s.channel === "TIKTOK_SHOP" && s.market === "US" && s.kind === "CROSS_BORDER");
  const uk = stores.find((s) => s.channel === "TIKTOK_SHOP" && s.market === "UK");
  // Only the demo organisation's shape (a US cross-border store) gets compliance demo data.
  if (!us || (await prisma.listing.count({ where: { organizationId } })) > 0) return { seeded: false };
  const suppliers = await prisma.supplier.findMany({ where: { organizationId }, select: { id: true }, orderBy: { name: "asc" } });
  const owner = await prisma.user.findFirst({ where: { organizationId, role: "OWNER" }, select: { id: true } });
  const demand = await openDemandBySku(
    prisma,
    organizationId,
    CATALOGUE.map((c) => c.sku),
  );

  await prisma.$transaction(
    async (tx) => {
      await tx.businessRegistration.createMany({
        data: [
          // The demo has one cross-border store, so it carries every registration finding: a sole
          // proprietorship (not eligible), registered 48 days before the store joined (too young),
          // whose licence expires in ~100 days (inside the 120-day warning, not yet under 90).
          {
            storeId: us.id,
            legalName: "Chen Wei t/a Bright Home Trading (sole proprietor)",
            entityType: "SOLE_PROPRIETORSHIP",
            registrationCountry: "CN",
            incorporatedOn: new Date(us.joinedOn.getTime() - 48 * DAY),
            licenceExpiresOn: dateOnly(new Date(now.getTime() + 100 * DAY)),
          },
          ...(uk
            ? [
                {
                  storeId: uk.id,
                  legalName: "Demo Dropship UK Ltd",
                  entityType: "COMPANY" as const,
                  registrationCountry: "GB",
                  incorporatedOn: new Date("2021-06-01T00:00:00Z"),
                  licenceExpiresOn: dateOnly(new Date(now.getTime() + 2 * 365 * DAY)),
                },
              ]
            : []),
        ],
      });

      await tx.depositEntry.createMany({
        data: [
          // $1,000 of the $1,500 standard: $500 short.
          {
            storeId: us.id,
            kind: "PAYMENT",
            amountMinor: 100_000,
            currency: "USD",
            occurredAt: new Date("2025-09-02T16:00:00Z"),
            note: "Initial deposit at onboarding",
            createdById: owner?.id ?? null,
          },
        ],
      });

      const creators = await Promise.all(
        [
          { handle: "glowwithmia", displayName: "Mia Glow", storeId: us.id },
          { handle: "gadget.guru", displayName: "Gadget Guru", storeId: us.id },
          { handle: "homehacks.jo", displayName: "Jo's Home Hacks", storeId: uk?.id ?? us.id },
        ].map((c) => tx.creator.create({ data: { ...c, organizationId }, select: { id: true, handle: true } })),
      );
      const [mia, guru, jo] = creators as unknown as [{ id: string }, { id: string }, { id: string }];
      const videos: Prisma.ShopVideoCreateManyInput[] = [];
      const shop = (creatorId: string, hoursAgo: number, style: VideoStyle, title: string, extra: Partial<Prisma.ShopVideoCreateManyInput> = {}) =>
        videos.push({ creatorId, postedAt: new Date(now.getTime() - hoursAgo * HOUR), title, style, format: "SHORT_VIDEO", hasProductLink: true, ...extra });

      // Mia: 4 non-interactive shop videos in the last 7 days — one more restricts her links.
      shop(mia.id, 6 * 24 + 3, "STATIC_IMAGES", "LED strip before/after photos");
      shop(mia.id, 4 * 24, "TEXT_SLIDESHOW", "5 reasons you need a sunset lamp");
      shop(mia.id, 3 * 24 + 5, "REAL_PERSON", "Unboxing the ice roller");
      shop(mia.id, 2 * 24, "NO_REAL_PERSON", "Mini fan product shots");
      shop(mia.id, 20, "STATIC_IMAGES", "Posture belt photo carousel");
      shop(mia.id, 6, "DEMO", "Tripod setup demo");
      shop(mia.id, 30, "REAL_PERSON", "Live Q&A", { format: "LIVE", hasProductLink: false });
      // Gadget Guru: 5 non-interactive in 2 days triggered a restriction 3 days ago; 8 linked
      // videos since then — the 8th is past the 7-video quota and shows no link.
      for (const [i, h] of [124, 112, 100, 88, 76].entries()) shop(guru.id, h, i % 2 ? "TEXT_SLIDESHOW" : "STATIC_IMAGES", `Gadget slideshow #${i + 1}`);
      for (let i = 0; i < 8; i++) shop(guru.id, 70 - i * 8, i % 3 === 0 ? "REAL_PERSON" : "DEMO", `Hands-on review #${i + 1}`);
      // Jo (UK): interactive videos only.
      shop(jo.id, 5 * 24, "REAL_PERSON", "Pet brush on a very fluffy cat");
      shop(jo.id, 2 * 24, "CONVERSATION_STARTER", "Which wallet colour?");
      shop(jo.id, 26, "STATIC_IMAGES", "Shop update", { format: "POST", hasProductLink: false });
      await tx.shopVideo.createMany({ data: videos });

      // Oversell on the SKU with the most open demand: 3 units short.
      const busiest = [...CATALOGUE].sort((a, b) => (demand.get(b.sku) ?? 0) - (demand.get(a.sku) ?? 0))[0]?.sku;
      for (const [i, p] of CATALOGUE.entries()) {
        const open = demand.get(p.sku) ?? 0;
        const stock = p.sku === busiest && open > 0 ? Math.max(open - 3, 0) : open + 40 + i * 7;
        const listing = await tx.listing.create({
          data: {
            organizationId,
            sku: p.sku,
            name: p.name,
            supplierId: suppliers[i % Math.max(suppliers.length, 1)]?.id ?? null,
            availableStock: stock,
            stockUpdatedAt: new Date(now.getTime() - (i + 1) * 5 * HOUR),
          },
          select: { id: true },
        });
        const since = new Date(now.getTime() - 60 * DAY);
        const tiktok = TIKTOK_USD[p.sku] ?? p.usd;
        const prices: Prisma.ListingPriceCreateManyInput[] = [
          { listingId: listing.id, channel: "BRAND_SITE", currency: "USD", priceMinor: p.usd, effectiveAt: since, createdById: owner?.id ?? null },
          { listingId: listing.id, channel: "TIKTOK_SHOP", currency: "USD", priceMinor: p.usd, effectiveAt: since, createdById: owner?.id ?? null },
          { listingId: listing.id, channel: "BRAND_SITE", currency: "GBP", priceMinor: p.gbp, effectiveAt: since, createdById: owner?.id ?? null },
          { listingId: listing.id, channel: "TIKTOK_SHOP", currency: "GBP", priceMinor: p.gbp, effectiveAt: since, createdById: owner?.id ?? null },
        ];
        // The changed TikTok price came later, so the history shows the change.
        if (tiktok !== p.usd)
          prices.push({
            listingId: listing.id,
            channel: "TIKTOK_SHOP",
            currency: "USD",
            priceMinor: tiktok,
            effectiveAt: new Date(now.getTime() - (4 + i) * DAY),
            createdById: owner?.id ?? null,
          });
        await tx.listingPrice.createMany({ data: prices });
      }
    },
    { timeout: 60_000, maxWait: 30_000 },
  );

  await refreshOrganizationCompliance(prisma, organizationId, now);
  return { seeded: true };
}
