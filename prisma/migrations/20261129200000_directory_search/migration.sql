-- The directory and the search box: trigram search over people, their office,
-- and the people a wiki page mentions.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "nameText" TEXT NOT NULL DEFAULT '',
ADD COLUMN "office" TEXT,
ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';

-- "office", "nameText" and "searchText" are derived from what SCIM provisions. A trigger
-- keeps them, so every writer (SCIM's raw SQL, Prisma, bulk seeding) agrees
-- without knowing about them. Entra sends the office as an address's
-- "formatted" value (type "work" or "other", depending on the mapping).
CREATE FUNCTION "User_derive_directory_fields"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  address jsonb;
  phones text;
BEGIN
  SELECT a INTO address
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(NEW."addresses") = 'array' THEN NEW."addresses" ELSE '[]'::jsonb END) AS a
  WHERE jsonb_typeof(a) = 'object'
  ORDER BY a->>'type' = 'work' DESC, a->'primary' = 'true'::jsonb DESC
  LIMIT 1;
  NEW."office" := left(coalesce(nullif(btrim(address->>'formatted'), ''), nullif(btrim(address->>'locality'), '')), 200);

  SELECT string_agg(p->>'value', ' ') INTO phones
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(NEW."phoneNumbers") = 'array' THEN NEW."phoneNumbers" ELSE '[]'::jsonb END) AS p
  WHERE jsonb_typeof(p) = 'object';

  -- Lower-cased once here so that searches compare without lower() on the column.
  -- Names alone for typo-tolerant matching, which costs per character compared;
  -- everything, phones also as bare digits ("5551234" finds "+1 555 1234"), for substrings.
  NEW."nameText" := left(lower(concat_ws(' ', NEW."displayName", NEW."givenName", NEW."familyName", NEW."nickName")), 500);
  NEW."searchText" := left(lower(concat_ws(' ',
    NEW."displayName", NEW."givenName", NEW."familyName", NEW."nickName", NEW."userName", NEW."workEmail",
    NEW."title", NEW."department", NEW."office", NEW."employeeNumber", phones, regexp_replace(phones, '[^0-9]', '', 'g')
  )), 2000);
  RETURN NEW;
END
$$;

CREATE TRIGGER "User_derive_directory_fields"
BEFORE INSERT OR UPDATE OF "addresses", "phoneNumbers", "displayName", "givenName", "familyName", "nickName", "userName", "workEmail", "title", "department", "employeeNumber", "office", "nameText", "searchText"
ON "User" FOR EACH ROW EXECUTE FUNCTION "User_derive_directory_fields"();

-- Fill both for the people already there (the trigger does the work).
UPDATE "User" SET "searchText" = '';

-- CreateTable
CREATE TABLE "PageMention" (
    "tenantId" UUID NOT NULL,
    "pageId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "PageMention_pkey" PRIMARY KEY ("tenantId","pageId","userId")
);

-- CreateIndex
CREATE INDEX "PageMention_tenantId_userId_idx" ON "PageMention"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "User_searchText_idx" ON "User" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_nameText_idx" ON "User" USING GIN ("nameText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_tenantId_department_idx" ON "User"("tenantId", "department");

-- CreateIndex
CREATE INDEX "User_tenantId_office_idx" ON "User"("tenantId", "office");

-- CreateIndex
CREATE INDEX "User_tenantId_createdAt_idx" ON "User"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "PageMention" ADD CONSTRAINT "PageMention_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageMention" ADD CONSTRAINT "PageMention_tenantId_pageId_fkey" FOREIGN KEY ("tenantId", "pageId") REFERENCES "WikiPage"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageMention" ADD CONSTRAINT "PageMention_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
