-- CreateTable
CREATE TABLE "OrderDaily" (
    "organizationId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "day" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "placed" INTEGER NOT NULL DEFAULT 0,
    "revenueMinor" BIGINT NOT NULL DEFAULT 0,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "dispatched" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "awaiting" INTEGER NOT NULL DEFAULT 0,
    "dispatchHours" INTEGER[],
    "deadlineDue" INTEGER NOT NULL DEFAULT 0,
    "deadlineLate" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrderDaily_pkey" PRIMARY KEY ("storeId","day","currency")
);

-- CreateIndex
CREATE INDEX "OrderDaily_organizationId_day_idx" ON "OrderDaily"("organizationId", "day");

-- Hand-written (Prisma cannot express triggers), in the manner of "OrderCount" (migration
-- order_counts): statement-level triggers with transition tables adjust the roll-up once per
-- (store, local day, currency) a statement touched — a COPY of a million orders or a
-- 2,000-row upsert is one aggregate, not one update per order. Rows are upserted in key order so
-- that two writers never take the roll-up's row locks in opposite orders. A row whose counts all
-- reach zero is deleted. TRUNCATE does not fire these: truncate "OrderDaily" with "Order" (or run
-- SELECT order_daily_rebuild()).

-- The dispatch-hours histogram: 72 one-hour buckets (i < hours <= i + 1; 0 h in the first) and
-- one for everything past 72 h.
CREATE FUNCTION "order_daily_hist_acc"(state int[], bucket int, n int) RETURNS int[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF state IS NULL THEN state := array_fill(0, ARRAY[73]); END IF;
  IF bucket IS NOT NULL AND n <> 0 THEN state[bucket + 1] := state[bucket + 1] + n; END IF;
  RETURN state;
END $$;
CREATE AGGREGATE "order_daily_hist"(int, int) (SFUNC = "order_daily_hist_acc", STYPE = int[]);

CREATE FUNCTION "order_daily_hist_add"(a int[], b int[]) RETURNS int[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN a IS NULL THEN b WHEN b IS NULL THEN a
    ELSE (SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)) END
$$;

-- The channel is the store's (an order's channel is always its store's; one row per store and day).
-- The upsert for a source of order rows with a "sign" column (+1 to add, -1 to remove), as SQL
-- text: transition tables are visible only to statements the trigger function itself runs, so
-- each trigger EXECUTEs this text over its own new_rows / old_rows.
CREATE FUNCTION "order_daily_upsert_sql"(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
WITH r AS (%s),
f AS (
  SELECT r."organizationId", r."storeId", s.channel,
    (r."placedAt" AT TIME ZONE s."timeZone")::date AS day, r.currency,
    r.sign * (r.status <> 'CANCELLED')::int AS placed,
    r.sign * (CASE WHEN r.status <> 'CANCELLED' THEN r."totalMinor" ELSE 0 END)::bigint AS revenue,
    r.sign * (r.status = 'CANCELLED')::int AS cancelled,
    r.sign * (r.status <> 'CANCELLED' AND r."inTransitAt" IS NOT NULL)::int AS dispatched,
    r.sign * (r.status <> 'CANCELLED' AND r."deliveredAt" IS NOT NULL)::int AS delivered,
    r.sign * (r."inTransitAt" IS NULL AND r.status IN ('AWAITING_SHIPMENT','AWAITING_COLLECTION','ON_HOLD'))::int AS awaiting,
    CASE WHEN r.status <> 'CANCELLED' AND r."inTransitAt" IS NOT NULL
      THEN least(72, greatest(0, ceil(extract(epoch FROM r."inTransitAt" - r."placedAt") / 3600.0)::int - 1)) END AS bucket,
    r.sign AS hn,
    0 AS due, 0 AS late
  FROM r JOIN "Store" s ON s.id = r."storeId"
  UNION ALL
  SELECT r."organizationId", r."storeId", s.channel,
    (r."dispatchDueAt" AT TIME ZONE s."timeZone")::date, r.currency,
    0, 0, 0, 0, 0, 0, NULL, 0,
    r.sign, r.sign * (r."inTransitAt" IS NULL OR r."inTransitAt" > r."dispatchDueAt")::int
  FROM r JOIN "Store" s ON s.id = r."storeId"
  WHERE r.channel = 'TIKTOK_SHOP' AND r."dispatchDueAt" IS NOT NULL AND r.status <> 'CANCELLED'
),
g AS (
  SELECT "organizationId", "storeId", channel, day, currency,
    sum(placed)::int AS placed, sum(revenue)::bigint AS revenue, sum(cancelled)::int AS cancelled,
    sum(dispatched)::int AS dispatched, sum(delivered)::int AS delivered, sum(awaiting)::int AS awaiting,
    "order_daily_hist"(bucket, hn) AS hist, sum(due)::int AS due, sum(late)::int AS late
  FROM f GROUP BY 1, 2, 3, 4, 5
)
INSERT INTO "OrderDaily" AS c ("organizationId", "storeId", channel, day, currency, placed, "revenueMinor", cancelled,
  dispatched, delivered, awaiting, "dispatchHours", "deadlineDue", "deadlineLate")
SELECT * FROM g ORDER BY "storeId", day, currency
ON CONFLICT ("storeId", day, currency) DO UPDATE SET
  placed = c.placed + EXCLUDED.placed, "revenueMinor" = c."revenueMinor" + EXCLUDED."revenueMinor",
  cancelled = c.cancelled + EXCLUDED.cancelled, dispatched = c.dispatched + EXCLUDED.dispatched,
  delivered = c.delivered + EXCLUDED.delivered, awaiting = c.awaiting + EXCLUDED.awaiting,
  "dispatchHours" = "order_daily_hist_add"(c."dispatchHours", EXCLUDED."dispatchHours"),
  "deadlineDue" = c."deadlineDue" + EXCLUDED."deadlineDue", "deadlineLate" = c."deadlineLate" + EXCLUDED."deadlineLate"
$q$, src)
$f$;

-- After removals: drop the rows left empty, and everything of a store that no longer exists
-- (orders deleted with their store cannot be placed on a local day any more).
CREATE FUNCTION "order_daily_prune_sql"(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$
DELETE FROM "OrderDaily" c
WHERE c."storeId" IN (SELECT DISTINCT "storeId" FROM (%s) r)
  AND ((c.placed = 0 AND c.cancelled = 0 AND c."deadlineDue" = 0) OR NOT EXISTS (SELECT 1 FROM "Store" s WHERE s.id = c."storeId"))
$q$, src)
$f$;

CREATE FUNCTION "order_daily_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE "order_daily_upsert_sql"('SELECT n.*, 1 AS sign FROM new_rows n');
  RETURN NULL;
END $$;

CREATE FUNCTION "order_daily_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- Only updates that move a roll-up (not tracking numbers, flags' deadlines unchanged, timestamps).
  changed text := 'FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (n.status, n."storeId", n.channel, n."placedAt", n."inTransitAt", n."deliveredAt", n."dispatchDueAt", n."totalMinor", n.currency) IS DISTINCT FROM (o.status, o."storeId", o.channel, o."placedAt", o."inTransitAt", o."deliveredAt", o."dispatchDueAt", o."totalMinor", o.currency)';
BEGIN
  EXECUTE "order_daily_upsert_sql"(format('SELECT n.*, 1 AS sign %s UNION ALL SELECT o.*, -1 AS sign %s', changed, changed));
  EXECUTE "order_daily_prune_sql"(format('SELECT o."storeId" %s', changed));
  RETURN NULL;
END $$;

CREATE FUNCTION "order_daily_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE "order_daily_upsert_sql"('SELECT o.*, -1 AS sign FROM old_rows o');
  EXECUTE "order_daily_prune_sql"('SELECT o."storeId" FROM old_rows o');
  RETURN NULL;
END $$;

CREATE TRIGGER "Order_daily_insert" AFTER INSERT ON "Order"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "order_daily_after_insert"();
CREATE TRIGGER "Order_daily_update" AFTER UPDATE ON "Order"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "order_daily_after_update"();
CREATE TRIGGER "Order_daily_delete" AFTER DELETE ON "Order"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "order_daily_after_delete"();

-- A store's local days move with its zone: rebuild its rows when the zone changes.
CREATE FUNCTION "order_daily_store_zone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "OrderDaily" WHERE "storeId" = NEW.id;
  EXECUTE "order_daily_upsert_sql"(format('SELECT o.*, 1 AS sign FROM "Order" o WHERE o."storeId" = %L', NEW.id));
  RETURN NULL;
END $$;
CREATE TRIGGER "Store_daily_zone" AFTER UPDATE OF "timeZone" ON "Store"
  FOR EACH ROW WHEN (OLD."timeZone" IS DISTINCT FROM NEW."timeZone") EXECUTE FUNCTION "order_daily_store_zone"();

-- Everything from the orders (after a TRUNCATE, or to check the roll-up).
CREATE FUNCTION "order_daily_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "OrderDaily";
  EXECUTE "order_daily_upsert_sql"('SELECT o.*, 1 AS sign FROM "Order" o');
END $$;

-- The orders already stored.
SELECT "order_daily_rebuild"();
