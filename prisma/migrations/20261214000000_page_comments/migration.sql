-- Comments on wiki pages, in threads that can be resolved; and the two
-- notifications they bring (a comment on a page one owns, a reply in a thread
-- one wrote in).

ALTER TYPE "NotificationKind" ADD VALUE 'commented';
ALTER TYPE "NotificationKind" ADD VALUE 'replied';

CREATE TABLE "PageComment" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "pageId" UUID NOT NULL,
    "threadId" UUID,
    "authorId" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMPTZ(3),
    "deletedAt" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    CONSTRAINT "PageComment_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "PageComment_tenantId_id_key" ON "PageComment"("tenantId", "id");
CREATE INDEX "PageComment_tenantId_pageId_createdAt_idx" ON "PageComment"("tenantId", "pageId", "createdAt");
CREATE INDEX "PageComment_tenantId_threadId_idx" ON "PageComment"("tenantId", "threadId");

ALTER TABLE "PageComment" ADD CONSTRAINT "PageComment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PageComment" ADD CONSTRAINT "PageComment_tenantId_pageId_fkey" FOREIGN KEY ("tenantId", "pageId") REFERENCES "WikiPage"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PageComment" ADD CONSTRAINT "PageComment_tenantId_threadId_fkey" FOREIGN KEY ("tenantId", "threadId") REFERENCES "PageComment"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PageComment" ADD CONSTRAINT "PageComment_tenantId_authorId_fkey" FOREIGN KEY ("tenantId", "authorId") REFERENCES "User"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
