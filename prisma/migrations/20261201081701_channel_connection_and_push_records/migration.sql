-- CreateEnum
CREATE TYPE "ConnectionState" AS ENUM ('CONNECTED', 'AUTH_EXPIRING', 'NEEDS_REAUTHORIZATION', 'DISCONNECTED');

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "authExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "connectionChangedAt" TIMESTAMPTZ(3),
ADD COLUMN     "connectionMessage" TEXT,
ADD COLUMN     "connectionState" "ConnectionState";

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "payload" JSONB;
