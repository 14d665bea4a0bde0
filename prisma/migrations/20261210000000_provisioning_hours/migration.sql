-- The provisioning log counted per hour (UTC) and resource, kept by a trigger:
-- the Admin Console's charts and Status table read 7 × 24 or 90 × 24 rows per
-- resource instead of counting millions of log rows. The trigger runs once per
-- statement (SCIM writes its log in batches) and adds that statement's counts.

-- The last Test Connection per token, for the console's connecting steps.
ALTER TABLE "ApiToken" ADD COLUMN "testConnectionAt" TIMESTAMPTZ(3);

CREATE TABLE "ProvisioningHour" (
    "tenantId" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "resource" TEXT NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "deactivated" INTEGER NOT NULL DEFAULT 0,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ProvisioningHour_pkey" PRIMARY KEY ("tenantId", "hour", "resource")
);

ALTER TABLE "ProvisioningHour" ADD CONSTRAINT "ProvisioningHour_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What one log row counts as, for the trigger and the backfill below. Changes are "scim.user.create" and the
-- like (a deactivation is an update whose details say active "… → false"); reads and refusals are "scim.get",
-- "scim.post", … with the path; a failure has an HTTP status of 400 or more.
CREATE FUNCTION "provisioning_counted"(action text, target_type text, details jsonb, OUT resource text, OUT kind text, OUT failed boolean)
LANGUAGE sql IMMUTABLE AS $$
  SELECT
    CASE
      WHEN action LIKE 'scim.user.%' OR target_type = 'User' OR details->>'path' LIKE '/Users%' THEN 'User'
      WHEN action LIKE 'scim.group.%' OR target_type = 'Group' OR details->>'path' LIKE '/Groups%' THEN 'Group'
      ELSE 'Other'
    END,
    CASE
      WHEN action LIKE 'scim.%.create' THEN 'created'
      WHEN (action LIKE 'scim.%.patch' OR action LIKE 'scim.%.replace') AND details->>'active' LIKE '%→ false' THEN 'deactivated'
      WHEN action LIKE 'scim.%.patch' OR action LIKE 'scim.%.replace' THEN 'updated'
      WHEN action LIKE 'scim.%.delete' THEN 'deleted'
    END,
    jsonb_typeof(details->'status') = 'number' AND (details->>'status')::numeric >= 400
$$;

CREATE FUNCTION "ProvisioningHour_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows in key order, so that two statements adding to the same hours take their locks in the same order.
  INSERT INTO "ProvisioningHour" AS h ("tenantId", "hour", "resource", "requests", "created", "updated", "deactivated", "deleted", "failures")
  SELECT "tenantId", date_trunc('hour', "at", 'UTC'), c.resource,
    count(*), count(*) FILTER (WHERE c.kind = 'created'), count(*) FILTER (WHERE c.kind IN ('updated', 'deactivated')),
    count(*) FILTER (WHERE c.kind = 'deactivated'), count(*) FILTER (WHERE c.kind = 'deleted'), count(*) FILTER (WHERE c.failed)
  FROM added, provisioning_counted("action", "targetType", "details") AS c
  WHERE "action" LIKE 'scim.%'
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("tenantId", "hour", "resource") DO UPDATE SET
    "requests" = h."requests" + excluded."requests",
    "created" = h."created" + excluded."created",
    "updated" = h."updated" + excluded."updated",
    "deactivated" = h."deactivated" + excluded."deactivated",
    "deleted" = h."deleted" + excluded."deleted",
    "failures" = h."failures" + excluded."failures";
  RETURN NULL;
END
$$;

CREATE TRIGGER "AuditEvent_provisioning_hours" AFTER INSERT ON "AuditEvent"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ProvisioningHour_add"();

-- Failed requests, flagged as they are written (lib/db/scim/provisioning-log.ts), and indexed alone:
-- the log's failure filter then reads the failures, not every request, however many there are.
ALTER TABLE "AuditEvent" ADD COLUMN "failed" BOOLEAN NOT NULL DEFAULT false;
UPDATE "AuditEvent" SET "failed" = true WHERE "action" LIKE 'scim.%' AND (provisioning_counted("action", "targetType", "details")).failed;
CREATE INDEX "AuditEvent_failed_idx" ON "AuditEvent"("tenantId", "at", "id") WHERE "failed";

-- The log written before this migration.
INSERT INTO "ProvisioningHour" ("tenantId", "hour", "resource", "requests", "created", "updated", "deactivated", "deleted", "failures")
SELECT "tenantId", date_trunc('hour', "at", 'UTC'), c.resource,
  count(*), count(*) FILTER (WHERE c.kind = 'created'), count(*) FILTER (WHERE c.kind IN ('updated', 'deactivated')),
  count(*) FILTER (WHERE c.kind = 'deactivated'), count(*) FILTER (WHERE c.kind = 'deleted'), count(*) FILTER (WHERE c.failed)
FROM "AuditEvent", provisioning_counted("action", "targetType", "details") AS c
WHERE "action" LIKE 'scim.%'
GROUP BY 1, 2, 3;
