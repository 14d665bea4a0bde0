-- A manager reference that names no user of the tenant, or not yet: Entra's
-- ordering, retries and deletions make one dangle for a while, and a client
-- may send any string. It is kept as sent (SCIM reads it back unchanged, so
-- Entra does not send it again) while "managerId" holds only references the
-- composite foreign key can keep; a person has one or the other, never both.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "unresolvedManagerId" TEXT;

ALTER TABLE "User" ADD CONSTRAINT "User_one_manager_reference_check" CHECK ("managerId" IS NULL OR "unresolvedManagerId" IS NULL);
