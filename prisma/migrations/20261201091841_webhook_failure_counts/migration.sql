-- CreateTable
CREATE TABLE "WebhookFailureCount" (
    "storeId" TEXT NOT NULL,
    "source" "WebhookSource" NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "unverified" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "lastStatus" INTEGER NOT NULL,
    "lastAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebhookFailureCount_pkey" PRIMARY KEY ("storeId","source","hour")
);

-- AddForeignKey
ALTER TABLE "WebhookFailureCount" ADD CONSTRAINT "WebhookFailureCount_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
