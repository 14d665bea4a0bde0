-- Sign-in that holds up against the real Microsoft identity platform
-- (docs/sign-in.md).

-- Whether a directory admin (a `wids` role in the ID token) created the
-- tenant or took it over. Tenants from before this check are not known to
-- be, so a directory admin may take them over.
ALTER TABLE "Tenant" ADD COLUMN "claimedByDirectoryAdmin" BOOLEAN NOT NULL DEFAULT false;

-- A sign-in ticket is looked up by its own hash and must be redeemed by the
-- browser whose binding it names; a redemption with another binding burns it.
ALTER TABLE "Session" ADD COLUMN "bindingHash" TEXT;

-- For the idle limit of tenants that SCIM does not keep up to date. Live
-- sessions count from now, so that nobody is signed out by the deploy.
ALTER TABLE "Session" ADD COLUMN "lastSeenAt" TIMESTAMPTZ(3);
UPDATE "Session" SET "lastSeenAt" = now() WHERE "activatedAt" IS NOT NULL;
