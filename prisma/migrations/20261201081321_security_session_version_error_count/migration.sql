-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "errorCount" INTEGER NOT NULL DEFAULT 0;
