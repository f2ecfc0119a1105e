import type { Db } from "@/lib/database/client";

// Writes reference rates (typed in on /settings, or an ECB file's) on the table's unique key
// (organisation, base, quote, day): a new day is inserted, a stored one updated only when its rate
// or source differs, so importing the same file again changes nothing (and says so).

export type FxRateInput = { day: string; base: string; quote: string; rate: string; source: "ecb" | "manual" };
export type FxUpsertResult = { inserted: number; updated: number; unchanged: number };

/** Rows per statement: the history file's ~200,000 rates go in a few dozen statements. */
export const FX_UPSERT_BATCH = 5_000;

type Writer = Pick<Db, "$queryRaw">;

export async function upsertFxRates(db: Writer, organizationId: string, rates: readonly FxRateInput[]): Promise<FxUpsertResult> {
  const result: FxUpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < rates.length; i += FX_UPSERT_BATCH) {
    const batch = rates.slice(i, i + FX_UPSERT_BATCH);
    const [counts] = await db.$queryRaw<{ inserted: number; updated: number }[]>`
      WITH input AS (
        SELECT * FROM unnest(${batch.map((r) => r.day)}::date[], ${batch.map((r) => r.base)}::text[], ${batch.map((r) => r.quote)}::text[],
                             ${batch.map((r) => r.rate)}::numeric[], ${batch.map((r) => r.source)}::text[]) AS t(day, base, quote, rate, source)
      ), written AS (
        INSERT INTO "FxRate" (id, "organizationId", day, base, quote, rate, source)
        SELECT gen_random_uuid()::text, ${organizationId}, day, base, quote, rate, source FROM input
        ON CONFLICT ("organizationId", base, quote, day) DO UPDATE SET rate = EXCLUDED.rate, source = EXCLUDED.source
          WHERE "FxRate".rate IS DISTINCT FROM EXCLUDED.rate OR "FxRate".source IS DISTINCT FROM EXCLUDED.source
        RETURNING (xmax = 0) AS inserted
      )
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`;
    const inserted = counts?.inserted ?? 0;
    const updated = counts?.updated ?? 0;
    result.inserted += inserted;
    result.updated += updated;
    result.unchanged += batch.length - inserted - updated;
  }
  return result;
}
