import "server-only";
import { db } from "@/lib/db";
import { RateTable, type StoredRate } from "@/lib/fx/rate-table";
import { rateToString, parseRate } from "@/lib/fx/rate";
import type { DataScope } from "./scope";

// The organisation's daily reference rates (FxRate): the ones a conversion needs, and the stored
// ones for /settings. Always the scope's own organisation: another's rates are never read.

/**
 * The rates converting between `currencies` (each way, EUR added for the cross) on the days
 * [fromDay, toDay], plus each pair's latest rate before `fromDay` (an amount of the first days may
 * need the last rate published before them). A range scan of the unique index per pair.
 */
export async function loadRateTable(organizationId: string, currencies: Iterable<string>, fromDay: string, toDay: string): Promise<RateTable> {
  const codes = [...new Set([...currencies, "EUR"])].filter((c) => /^[A-Z]{3}$/.test(c)).sort();
  if (codes.length < 2) return new RateTable([]);
  const bases: string[] = [];
  const quotes: string[] = [];
  for (const b of codes) {
    for (const q of codes) {
      if (b === q) continue;
      bases.push(b);
      quotes.push(q);
    }
  }
  const rows = await db.$queryRaw<StoredRate[]>`
    SELECT r.base, r.quote, to_char(r.day, 'YYYY-MM-DD') AS day, r.rate::text AS rate, r.source
    FROM "FxRate" r
    WHERE r."organizationId" = ${organizationId} AND r.base = ANY(${codes}::text[]) AND r.quote = ANY(${codes}::text[])
      AND r.day >= ${fromDay}::date AND r.day <= ${toDay}::date
    UNION ALL
    SELECT p.base, p.quote, to_char(x.day, 'YYYY-MM-DD'), x.rate::text, x.source
    FROM unnest(${bases}::text[], ${quotes}::text[]) AS p(base, quote)
    CROSS JOIN LATERAL (
      SELECT r.day, r.rate, r.source FROM "FxRate" r
      WHERE r."organizationId" = ${organizationId} AND r.base = p.base AND r.quote = p.quote AND r.day < ${fromDay}::date
      ORDER BY r.day DESC LIMIT 1
    ) x`;
  return new RateTable(rows);
}

export type FxRateRow = { id: string; day: string; base: string; quote: string; rate: string; source: string };

export const FX_RATES_PAGE_SIZE = 50;

/** The stored rates, latest days first, a page at a time (the ECB history is ~200,000 of them). */
export async function listFxRates(scope: DataScope, page = 1): Promise<{ rows: FxRateRow[]; page: number; hasMore: boolean; total: number; days: number }> {
  const current = Math.max(1, Math.floor(page));
  const [rows, [counts]] = await Promise.all([
    db.$queryRaw<FxRateRow[]>`
      SELECT id, to_char(day, 'YYYY-MM-DD') AS day, base, quote, rate::text AS rate, source
      FROM "FxRate" WHERE "organizationId" = ${scope.organizationId}
      ORDER BY day DESC, base, quote
      LIMIT ${FX_RATES_PAGE_SIZE + 1} OFFSET ${(current - 1) * FX_RATES_PAGE_SIZE}`,
    db.$queryRaw<{ total: number; days: number }[]>`
      SELECT count(*)::int AS total, count(DISTINCT day)::int AS days FROM "FxRate" WHERE "organizationId" = ${scope.organizationId}`,
  ]);
  return {
    rows: rows.slice(0, FX_RATES_PAGE_SIZE).map((r) => ({ ...r, rate: canonical(r.rate) })),
    page: current,
    hasMore: rows.length > FX_RATES_PAGE_SIZE,
    total: counts?.total ?? 0,
    days: counts?.days ?? 0,
  };
}

/** "0.8635000000" (numeric(20,10) as text) → "0.8635". */
function canonical(text: string): string {
  const exact = parseRate(text);
  return exact ? rateToString(exact) : text;
}
