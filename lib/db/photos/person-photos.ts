import type { PhotoStatus } from '../generated/client';
import { tenantSql } from '../tenant-sql';

// Where each person's photo stands (PersonPhoto), for the sync job, the upload
// and the Admin Console. The trigger "User_photo_due" adds the rows.

export interface DuePhoto {
  userId: string;
  userName: string;
  entraObjectId: string | null;
  graphKey: string | null;
  graphEtag: string | null;
  failures: number;
  dueAt: Date;
}

/** Active people whose photo is due, oldest first. Rows of deactivated people wait until they are active again (the trigger makes them due then). */
export function listDuePhotos(tenantId: string, limit: number): Promise<DuePhoto[]> {
  return tenantSql(tenantId).rows<DuePhoto>(
    `SELECT p."userId", u."userName", u."entraObjectId"::text AS "entraObjectId", p."graphKey", p."graphEtag", p."failures", p."dueAt"
     FROM "PersonPhoto" p JOIN "User" u ON u."tenantId" = $1 AND u."id" = p."userId"
     WHERE p."tenantId" = $1 AND p."dueAt" <= now() AND u."active"
     ORDER BY p."dueAt" LIMIT $2`,
    [limit],
  );
}

export interface PhotoOutcome {
  userId: string;
  /** The dueAt the person was listed with: a row made due again meanwhile (a new user name) keeps its new one. */
  listedDueAt: Date;
  status: PhotoStatus;
  graphKey: string | null;
  graphEtag: string | null;
  failures: number;
  error: string | null;
  dueAt: Date;
}

// Both writers below change PersonPhoto and then User, while a change to User
// (the trigger "User_photo_due") locks them the other way round: each takes
// the User rows first, in id order, so that neither deadlocks with SCIM.
const LOCK_USERS = `SELECT "id" FROM "User" WHERE "tenantId" = $1 AND "id" = ANY($2::uuid[]) ORDER BY "id" FOR UPDATE`;

/**
 * Records what Graph answered for each person, and points each User at the
 * photo its avatar now shows: their upload if they have one, else Graph's.
 * One transaction, so that a person's state and avatar never disagree.
 */
export async function recordPhotoOutcomes(tenantId: string, outcomes: PhotoOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await tenantSql(tenantId).transaction(async (tx) => {
    await tx.rows(LOCK_USERS, [outcomes.map((o) => o.userId)]);
    await tx.rows(
      `WITH o AS (
         SELECT * FROM unnest($2::uuid[], $3::"PhotoStatus"[], $4::text[], $5::text[], $6::int[], $7::text[], $8::timestamptz[], $9::timestamptz[])
           AS o("userId", "status", "graphKey", "graphEtag", "failures", "error", "dueAt", "listedDueAt")
       ), p AS (
         UPDATE "PersonPhoto" p SET "status" = o."status", "graphKey" = o."graphKey", "graphEtag" = o."graphEtag", "failures" = o."failures",
           "error" = o."error", "dueAt" = CASE WHEN p."dueAt" = o."listedDueAt" THEN o."dueAt" ELSE p."dueAt" END, "checkedAt" = now()
         FROM o WHERE p."tenantId" = $1 AND p."userId" = o."userId"
         RETURNING p."userId", coalesce(p."uploadKey", p."graphKey") AS "shown"
       )
       UPDATE "User" u SET "photoKey" = p."shown" FROM p WHERE u."tenantId" = $1 AND u."id" = p."userId" AND u."photoKey" IS DISTINCT FROM p."shown"`,
      [
        outcomes.map((o) => o.userId),
        outcomes.map((o) => o.status),
        outcomes.map((o) => o.graphKey),
        outcomes.map((o) => o.graphEtag),
        outcomes.map((o) => o.failures),
        outcomes.map((o) => o.error),
        outcomes.map((o) => o.dueAt),
        outcomes.map((o) => o.listedDueAt),
      ],
    );
  });
}

/** The directory refused the app (no User.Read.All): every person due is marked so and asked again at `dueAt`. */
export async function deferDuePhotos(tenantId: string, error: string, dueAt: Date): Promise<void> {
  await tenantSql(tenantId).rows(
    `UPDATE "PersonPhoto" SET "status" = 'not_permitted', "error" = $2, "dueAt" = $3, "checkedAt" = now() WHERE "tenantId" = $1 AND "dueAt" <= now()`,
    [error, dueAt],
  );
}

/** Sets or clears a person's own photo, and points their avatar at what now shows. */
export async function setUploadedPhoto(tenantId: string, userId: string, uploadKey: string | null): Promise<void> {
  await tenantSql(tenantId).transaction(async (tx) => {
    await tx.rows(LOCK_USERS, [[userId]]);
    await tx.rows(
      `WITH p AS (
         INSERT INTO "PersonPhoto" ("tenantId", "userId", "uploadKey") VALUES ($1, $2, $3)
         ON CONFLICT ("tenantId", "userId") DO UPDATE SET "uploadKey" = $3
         RETURNING "userId", coalesce("uploadKey", "graphKey") AS "shown"
       )
       UPDATE "User" u SET "photoKey" = p."shown" FROM p WHERE u."tenantId" = $1 AND u."id" = p."userId"`,
      [userId, uploadKey],
    );
  });
}

/** Makes every photo of the tenant due now (an admin's "Sync now"), or those not checked since `checkedBefore`. */
export async function makePhotosDue(tenantId: string, checkedBefore?: Date): Promise<number> {
  const rows = await tenantSql(tenantId).rows<{ n: number }>(
    `WITH d AS (
       UPDATE "PersonPhoto" SET "dueAt" = now(), "failures" = 0
       WHERE "tenantId" = $1 AND "dueAt" > now() AND ($2::timestamptz IS NULL OR "checkedAt" IS NULL OR "checkedAt" < $2)
       RETURNING 1
     ) SELECT count(*)::int AS n FROM d`,
    [checkedBefore ?? null],
  );
  return rows[0].n;
}

export type PhotoCounts = Record<PhotoStatus, number> & { due: number; uploaded: number };

/** How the tenant's photos stand, counted over active people. */
export async function countPhotos(tenantId: string): Promise<PhotoCounts> {
  const [row] = await tenantSql(tenantId).rows<PhotoCounts>(
    `SELECT
       count(*) FILTER (WHERE p."status" = 'pending')::int AS "pending",
       count(*) FILTER (WHERE p."status" = 'synced')::int AS "synced",
       count(*) FILTER (WHERE p."status" = 'none')::int AS "none",
       count(*) FILTER (WHERE p."status" = 'failed')::int AS "failed",
       count(*) FILTER (WHERE p."status" = 'not_permitted')::int AS "not_permitted",
       count(*) FILTER (WHERE p."dueAt" <= now())::int AS "due",
       count(*) FILTER (WHERE p."uploadKey" IS NOT NULL)::int AS "uploaded"
     FROM "PersonPhoto" p JOIN "User" u ON u."tenantId" = $1 AND u."id" = p."userId"
     WHERE p."tenantId" = $1 AND u."active"`,
  );
  return row;
}

/** The latest error Graph or an image gave, for the Admin Console. */
export async function latestPhotoError(tenantId: string): Promise<{ error: string; checkedAt: Date } | null> {
  const [row] = await tenantSql(tenantId).rows<{ error: string; checkedAt: Date }>(
    `SELECT "error", "checkedAt" FROM "PersonPhoto" WHERE "tenantId" = $1 AND "error" IS NOT NULL ORDER BY "checkedAt" DESC NULLS LAST LIMIT 1`,
  );
  return row ?? null;
}

/** Stored files no person's photo names any longer (a changed or removed photo), for the store to delete. */
export async function unreferencedPhotoKeys(tenantId: string, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await tenantSql(tenantId).rows<{ key: string }>(
    `SELECT k AS "key" FROM unnest($2::text[]) AS k
     WHERE NOT EXISTS (SELECT 1 FROM "PersonPhoto" p WHERE p."tenantId" = $1 AND (p."graphKey" = k OR p."uploadKey" = k))`,
    [keys],
  );
  return rows.map((r) => r.key);
}
