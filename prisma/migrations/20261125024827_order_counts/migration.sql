-- CreateTable
CREATE TABLE "OrderCount" (
    "organizationId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "supplierId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "orders" INTEGER NOT NULL,

    CONSTRAINT "OrderCount_pkey" PRIMARY KEY ("storeId","supplierId","status")
);

-- CreateIndex
CREATE INDEX "OrderCount_organizationId_idx" ON "OrderCount"("organizationId");

-- Hand-written (Prisma cannot express triggers). Statement-level triggers with transition
-- tables: a COPY or a 2,000-row upsert adjusts the counts once per (store, supplier, status) it
-- touched, not once per row. Rows are upserted in key order so that two writers never take the
-- counters' row locks in opposite orders (no deadlock between concurrent imports). A counter that
-- reaches zero is deleted, so a deleted store leaves nothing behind. TRUNCATE does not fire these:
-- truncate "OrderCount" with "Order".
CREATE FUNCTION "order_count_apply"(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT x."organizationId", x."storeId", x."supplierId", x.channel::"Channel" AS channel, x.status::"OrderStatus" AS status, sum(x.n)::int AS n
    FROM jsonb_to_recordset(deltas) AS x("organizationId" text, "storeId" text, "supplierId" text, channel text, status text, n int)
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(x.n) <> 0
  )
  INSERT INTO "OrderCount" AS c ("organizationId", "storeId", "supplierId", channel, status, orders)
  SELECT * FROM d ORDER BY "storeId", "supplierId", status
  ON CONFLICT ("storeId", "supplierId", status) DO UPDATE SET orders = c.orders + EXCLUDED.orders;
  -- A separate statement: a DELETE in the same statement would not see the counts just updated.
  DELETE FROM "OrderCount" c
  WHERE c.orders = 0 AND c."storeId" IN (SELECT x."storeId" FROM jsonb_to_recordset(deltas) AS x("storeId" text));
END $$;

CREATE FUNCTION "order_count_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "order_count_apply"((
    SELECT jsonb_agg(jsonb_build_object('organizationId', "organizationId", 'storeId', "storeId", 'supplierId', coalesce("supplierId", ''), 'channel', channel, 'status', status, 'n', n))
    FROM (SELECT "organizationId", "storeId", "supplierId", channel, status, count(*) AS n FROM new_rows GROUP BY 1, 2, 3, 4, 5) g));
  RETURN NULL;
END $$;

CREATE FUNCTION "order_count_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates (tracking, deadlines, timestamps) move no counter: only a changed status,
  -- supplier or store is aggregated.
  PERFORM "order_count_apply"((
    SELECT jsonb_agg(jsonb_build_object('organizationId', "organizationId", 'storeId', "storeId", 'supplierId', coalesce("supplierId", ''), 'channel', channel, 'status', status, 'n', n))
    FROM (
      SELECT n."organizationId", n."storeId", n."supplierId", n.channel, n.status, count(*) AS n
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.status, n."storeId", n."supplierId") IS DISTINCT FROM (o.status, o."storeId", o."supplierId")
      GROUP BY 1, 2, 3, 4, 5
      UNION ALL
      SELECT o."organizationId", o."storeId", o."supplierId", o.channel, o.status, -count(*)
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.status, n."storeId", n."supplierId") IS DISTINCT FROM (o.status, o."storeId", o."supplierId")
      GROUP BY 1, 2, 3, 4, 5
    ) g));
  RETURN NULL;
END $$;

CREATE FUNCTION "order_count_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "order_count_apply"((
    SELECT jsonb_agg(jsonb_build_object('organizationId', "organizationId", 'storeId', "storeId", 'supplierId', coalesce("supplierId", ''), 'channel', channel, 'status', status, 'n', -n))
    FROM (SELECT "organizationId", "storeId", "supplierId", channel, status, count(*) AS n FROM old_rows GROUP BY 1, 2, 3, 4, 5) g));
  RETURN NULL;
END $$;

CREATE TRIGGER "Order_count_insert" AFTER INSERT ON "Order"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "order_count_after_insert"();
CREATE TRIGGER "Order_count_update" AFTER UPDATE ON "Order"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "order_count_after_update"();
CREATE TRIGGER "Order_count_delete" AFTER DELETE ON "Order"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "order_count_after_delete"();

-- The orders already stored.
INSERT INTO "OrderCount" ("organizationId", "storeId", "supplierId", channel, status, orders)
SELECT "organizationId", "storeId", coalesce("supplierId", ''), channel, status, count(*)::int
FROM "Order" GROUP BY 1, 2, 3, 4, 5;
