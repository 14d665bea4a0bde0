-- Images and attachments of wiki pages: what was uploaded (the bytes are in
-- the file store), so a file is served by id to members of its tenant only.

CREATE TYPE "WikiFileKind" AS ENUM ('image', 'attachment');

CREATE TABLE "WikiFile" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "kind" "WikiFileKind" NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WikiFile_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "WikiFile_tenantId_createdAt_idx" ON "WikiFile"("tenantId", "createdAt");

ALTER TABLE "WikiFile" ADD CONSTRAINT "WikiFile_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
