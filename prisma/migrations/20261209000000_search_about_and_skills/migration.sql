-- The directory's search finds people by their skills and what they wrote
-- About me, as well as by name, contact and job fields. The rest is as in
-- 20261206000000_search_text_apart; the text may now be twice as long.

CREATE OR REPLACE FUNCTION "User_keep_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    NEW."title", NEW."department", NEW."office", NEW."employeeNumber", phones, regexp_replace(phones, '[^0-9]', '', 'g'),
    array_to_string(NEW."skills", ' '), NEW."aboutMe"
  )), 4000);
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

DROP TRIGGER "User_keep_search_text_update" ON "User";
CREATE TRIGGER "User_keep_search_text_update"
AFTER UPDATE ON "User" FOR EACH ROW
WHEN (OLD."active" IS DISTINCT FROM NEW."active" OR OLD."phoneNumbers" IS DISTINCT FROM NEW."phoneNumbers" OR OLD."displayName" IS DISTINCT FROM NEW."displayName"
  OR OLD."givenName" IS DISTINCT FROM NEW."givenName" OR OLD."familyName" IS DISTINCT FROM NEW."familyName"
  OR OLD."nickName" IS DISTINCT FROM NEW."nickName" OR OLD."userName" IS DISTINCT FROM NEW."userName"
  OR OLD."workEmail" IS DISTINCT FROM NEW."workEmail" OR OLD."title" IS DISTINCT FROM NEW."title"
  OR OLD."department" IS DISTINCT FROM NEW."department" OR OLD."office" IS DISTINCT FROM NEW."office"
  OR OLD."employeeNumber" IS DISTINCT FROM NEW."employeeNumber"
  OR OLD."skills" IS DISTINCT FROM NEW."skills" OR OLD."aboutMe" IS DISTINCT FROM NEW."aboutMe")
EXECUTE FUNCTION "User_keep_search_text"();

-- People who wrote something already: their texts gain it (what the function above appends).
UPDATE "UserSearchText" s
SET "searchText" = left(s."searchText" || ' ' || lower(concat_ws(' ', array_to_string(u."skills", ' '), u."aboutMe")), 4000)
FROM "User" u
WHERE u."tenantId" = s."tenantId" AND u."id" = s."userId" AND (u."aboutMe" IS NOT NULL OR cardinality(u."skills") > 0);
