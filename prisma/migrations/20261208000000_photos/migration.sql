-- People's photos (docs/photos.md): Microsoft Graph's, synced by a job, or
-- the person's own upload where the tenant allows it.

-- The photo a person's avatar shows: the content address of its files, kept
-- on User so that every list of people reads it without a join. It replaces
-- photoUrl, which nothing ever wrote.
ALTER TABLE "User" RENAME COLUMN "photoUrl" TO "photoKey";

ALTER TABLE "Tenant" ADD COLUMN "allowPhotoUpload" BOOLEAN NOT NULL DEFAULT false;

-- The database's file store (lib/storage): image renditions by content address.
CREATE TABLE "StoredFile" (
    "tenantId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("tenantId", "key"),
    CONSTRAINT "StoredFile_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TYPE "PhotoStatus" AS ENUM ('pending', 'synced', 'none', 'failed', 'not_permitted');

-- Where each person's photo stands: Graph's (with its ETag, so an unchanged
-- photo is not downloaded again), their own upload, and when to ask Graph next.
CREATE TABLE "PersonPhoto" (
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "PhotoStatus" NOT NULL DEFAULT 'pending',
    "graphKey" TEXT,
    "graphEtag" TEXT,
    "uploadKey" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "dueAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkedAt" TIMESTAMPTZ(3),
    CONSTRAINT "PersonPhoto_pkey" PRIMARY KEY ("tenantId", "userId"),
    CONSTRAINT "PersonPhoto_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PersonPhoto_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "PersonPhoto_tenantId_dueAt_idx" ON "PersonPhoto"("tenantId", "dueAt");

-- Every writer of User (SCIM, sign-in, seeds, bulk loads) makes a new person's
-- photo due at once, and so does a change of the ids Graph is asked by.
CREATE FUNCTION "User_photo_due"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PersonPhoto" ("tenantId", "userId") VALUES (NEW."tenantId", NEW."id")
  ON CONFLICT ("tenantId", "userId") DO UPDATE SET "dueAt" = CURRENT_TIMESTAMP, "failures" = 0;
  RETURN NULL;
END
$$;

CREATE TRIGGER "User_photo_due_insert"
AFTER INSERT ON "User" FOR EACH ROW EXECUTE FUNCTION "User_photo_due"();

CREATE TRIGGER "User_photo_due_update"
AFTER UPDATE ON "User" FOR EACH ROW
WHEN (OLD."userName" IS DISTINCT FROM NEW."userName" OR OLD."entraObjectId" IS DISTINCT FROM NEW."entraObjectId"
  OR (NEW."active" AND NOT OLD."active"))
EXECUTE FUNCTION "User_photo_due"();

INSERT INTO "PersonPhoto" ("tenantId", "userId") SELECT "tenantId", "id" FROM "User";
