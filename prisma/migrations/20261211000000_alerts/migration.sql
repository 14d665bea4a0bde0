-- Email alerts about provisioning: each tenant's settings, and the outbox the
-- job queue delivers from (one row per condition and period, unique per tenant,
-- so that an alert is written once however many instances check).

ALTER TABLE "Tenant" ADD COLUMN "alertsEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "alertRecipientIds" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN "alertSilenceHours" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN "alertFailurePercent" INTEGER NOT NULL DEFAULT 10;

CREATE TYPE "AlertKind" AS ENUM ('token_expiring', 'silent', 'failure_rate', 'token_created', 'token_revoked');

CREATE TYPE "AlertStatus" AS ENUM ('pending', 'sent', 'skipped', 'failed');

CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "AlertStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedUntil" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "recipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "error" TEXT,
    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Alert_tenantId_key_key" ON "Alert"("tenantId", "key");
CREATE INDEX "Alert_tenantId_createdAt_idx" ON "Alert"("tenantId", "createdAt");
CREATE INDEX "Alert_status_claimedUntil_idx" ON "Alert"("status", "claimedUntil");

ALTER TABLE "Alert" ADD CONSTRAINT "Alert_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
