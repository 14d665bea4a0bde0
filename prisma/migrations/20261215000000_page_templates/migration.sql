-- Page templates per tenant, managed by admins. The defaults (meeting notes, a
-- team page, an onboarding checklist) are given to each tenant once, the first
-- time its templates are read (lib/wiki/templates), and "templatesSeededAt"
-- remembers it, so templates an admin deleted stay deleted.

ALTER TABLE "Tenant" ADD COLUMN "templatesSeededAt" TIMESTAMPTZ(3);

CREATE TABLE "PageTemplate" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "PageTemplate_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "PageTemplate_tenantId_name_key" ON "PageTemplate"("tenantId", "name");

ALTER TABLE "PageTemplate" ADD CONSTRAINT "PageTemplate_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
