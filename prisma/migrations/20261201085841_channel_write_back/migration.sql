-- CreateEnum
CREATE TYPE "PushKind" AS ENUM ('TRACKING', 'STOCK', 'TOKEN_REFRESH');

-- CreateEnum
CREATE TYPE "PushStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "shopifyLocationId" TEXT,
ADD COLUMN     "stockSafetyBuffer" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tiktokAccessTokenExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "tiktokRefreshToken" TEXT,
ADD COLUMN     "tiktokShippingProviders" JSONB;

-- CreateTable
CREATE TABLE "ChannelPush" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "orderId" TEXT,
    "sku" TEXT,
    "kind" "PushKind" NOT NULL,
    "status" "PushStatus" NOT NULL DEFAULT 'PENDING',
    "payload" JSONB NOT NULL DEFAULT '{}',
    "platformId" TEXT,
    "message" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "ChannelPush_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChannelPush_orderId_createdAt_idx" ON "ChannelPush"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "ChannelPush_status_nextAttemptAt_idx" ON "ChannelPush"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "ChannelPush_storeId_kind_sku_createdAt_idx" ON "ChannelPush"("storeId", "kind", "sku", "createdAt");

-- AddForeignKey
ALTER TABLE "ChannelPush" ADD CONSTRAINT "ChannelPush_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelPush" ADD CONSTRAINT "ChannelPush_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
