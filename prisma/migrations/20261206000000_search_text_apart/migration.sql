-- The search texts move out of "User" into a table of their own, with the
-- few columns a search filters and sorts on, so that a search reads only these
-- narrow rows and fetches the whole person for the page it shows.
--
-- A title, a department or a phone number is part of the search text, and its
-- trigram index was on "User": so changing one rewrote the whole row and added
-- an entry for it to every one of User's thirteen indexes, the most common
-- change Entra sends costing more than creating the person. Apart, such a
-- change updates the User row in place (a HOT update: no indexed column of
-- User changes, and each page keeps room for it) and rewrites only the small
-- search row and its own three indexes.
--
-- Triggers keep what is derived, so every writer (SCIM's raw SQL, Prisma, bulk
-- seeding) agrees without knowing about it, and they run only when a column
-- they read has changed: SCIM writes every column it owns each time.

CREATE TABLE "UserSearchText" (
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "active" BOOLEAN NOT NULL,
    "familyName" TEXT,
    "givenName" TEXT,
    "department" TEXT,
    "office" TEXT,
    "nameText" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "UserSearchText_pkey" PRIMARY KEY ("tenantId","userId")
);

INSERT INTO "UserSearchText" ("tenantId", "userId", "active", "familyName", "givenName", "department", "office", "nameText", "searchText")
SELECT "tenantId", "id", "active", "familyName", "givenName", "department", "office", "nameText", "searchText" FROM "User";

-- CreateIndex
CREATE INDEX "UserSearchText_nameText_idx" ON "UserSearchText" USING GIN ("nameText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "UserSearchText_searchText_idx" ON "UserSearchText" USING GIN ("searchText" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "UserSearchText" ADD CONSTRAINT "UserSearchText_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

DROP TRIGGER "User_derive_directory_fields" ON "User";
DROP INDEX "User_searchText_idx";
DROP INDEX "User_nameText_idx";
ALTER TABLE "User" DROP COLUMN "searchText", DROP COLUMN "nameText";

-- "office", on the row itself: Entra sends it as an address's "formatted"
-- value (type "work" or "other", depending on the mapping).
CREATE OR REPLACE FUNCTION "User_derive_directory_fields"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  address jsonb;
BEGIN
  SELECT a INTO address
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(NEW."addresses") = 'array' THEN NEW."addresses" ELSE '[]'::jsonb END) AS a
  WHERE jsonb_typeof(a) = 'object'
  ORDER BY a->>'type' = 'work' DESC, a->'primary' = 'true'::jsonb DESC
  LIMIT 1;
  NEW."office" := left(coalesce(nullif(btrim(address->>'formatted'), ''), nullif(btrim(address->>'locality'), '')), 200);
  RETURN NEW;
END
$$;

CREATE TRIGGER "User_derive_directory_fields_insert"
BEFORE INSERT ON "User" FOR EACH ROW EXECUTE FUNCTION "User_derive_directory_fields"();

CREATE TRIGGER "User_derive_directory_fields_update"
BEFORE UPDATE ON "User" FOR EACH ROW
WHEN (OLD."addresses" IS DISTINCT FROM NEW."addresses" OR OLD."office" IS DISTINCT FROM NEW."office")
EXECUTE FUNCTION "User_derive_directory_fields"();

-- The texts are lower-cased once here so that searches compare without lower() on the
-- column. "nameText": names alone, for typo-tolerant matching, which costs per
-- character compared. "searchText": names, contact and job fields, phones also
-- as bare digits ("5551234" finds "+1 555 1234"), for substrings. After the row
-- is written: the office is derived by then, and the row exists for the foreign key.
CREATE FUNCTION "User_keep_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  phones text;
  names text;
  search text;
BEGIN
  SELECT string_agg(p->>'value', ' ') INTO phones
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(NEW."phoneNumbers") = 'array' THEN NEW."phoneNumbers" ELSE '[]'::jsonb END) AS p
  WHERE jsonb_typeof(p) = 'object';
  names := left(lower(concat_ws(' ', NEW."displayName", NEW."givenName", NEW."familyName", NEW."nickName")), 500);
  search := left(lower(concat_ws(' ',
    NEW."displayName", NEW."givenName", NEW."familyName", NEW."nickName", NEW."userName", NEW."workEmail",
    NEW."title", NEW."department", NEW."office", NEW."employeeNumber", phones, regexp_replace(phones, '[^0-9]', '', 'g')
  )), 2000);
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "UserSearchText" ("tenantId", "userId", "active", "familyName", "givenName", "department", "office", "nameText", "searchText")
    VALUES (NEW."tenantId", NEW."id", NEW."active", NEW."familyName", NEW."givenName", NEW."department", NEW."office", names, search);
  ELSE
    UPDATE "UserSearchText" SET "active" = NEW."active", "familyName" = NEW."familyName", "givenName" = NEW."givenName",
      "department" = NEW."department", "office" = NEW."office", "nameText" = names, "searchText" = search
    WHERE "tenantId" = NEW."tenantId" AND "userId" = NEW."id";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "User_keep_search_text_insert"
AFTER INSERT ON "User" FOR EACH ROW EXECUTE FUNCTION "User_keep_search_text"();

CREATE TRIGGER "User_keep_search_text_update"
AFTER UPDATE ON "User" FOR EACH ROW
WHEN (OLD."active" IS DISTINCT FROM NEW."active" OR OLD."phoneNumbers" IS DISTINCT FROM NEW."phoneNumbers" OR OLD."displayName" IS DISTINCT FROM NEW."displayName"
  OR OLD."givenName" IS DISTINCT FROM NEW."givenName" OR OLD."familyName" IS DISTINCT FROM NEW."familyName"
  OR OLD."nickName" IS DISTINCT FROM NEW."nickName" OR OLD."userName" IS DISTINCT FROM NEW."userName"
  OR OLD."workEmail" IS DISTINCT FROM NEW."workEmail" OR OLD."title" IS DISTINCT FROM NEW."title"
  OR OLD."department" IS DISTINCT FROM NEW."department" OR OLD."office" IS DISTINCT FROM NEW."office"
  OR OLD."employeeNumber" IS DISTINCT FROM NEW."employeeNumber")
EXECUTE FUNCTION "User_keep_search_text"();

-- Room on each page for the in-place updates of User (PostgreSQL's default fills pages full).
ALTER TABLE "User" SET (fillfactor = 85);
