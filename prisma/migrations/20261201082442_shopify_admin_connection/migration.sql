-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "shopifyAccessToken" TEXT,
ADD COLUMN     "shopifyApiBaseUrl" TEXT,
ADD COLUMN     "shopifyApiVersion" TEXT,
ADD COLUMN     "shopifyDomain" TEXT,
ADD COLUMN     "shopifyWebhookTopics" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "syncLockedUntil" TIMESTAMPTZ(3);
