import { readFileSync } from 'node:fs';
import pg from 'pg';
import { E2E_DATABASE_FILE } from '../../support/sites';

// What a tenant's data is, read straight from PostgreSQL (not through the
// app, whose tenant scoping is what is under test): the tenant's row, then
// for every table with a tenantId column, its number of rows and a hash over
// them. Tables are found in the catalogue, so a new tenant table is covered
// without editing this file.
//
// Left out, as written by design in the background: the provisioning log's
// entry for a refused SCIM request ("unauthenticated client"), which the SCIM
// handler writes in batches half a second later
// (lib/scim/provisioning-log-queue.ts); and the photo job's bookkeeping in
// PersonPhoto (lib/photos/sync-photos.ts), of which only the person's own
// upload is a request's to change; and the refused request counted in
// ProvisioningHour's requests and failures by the log entry's trigger (the
// hours' counts of changes are kept in the fingerprint).

export interface Fingerprints {
  /** Whether each subdomain is taken, then per tenant id `table: count hash` lines. */
  read(tenantIds: string[], subdomains?: string[]): Promise<string>;
  /** The tenants' fingerprint once the log entries of requests already answered are written. */
  settled(tenantIds: string[]): Promise<string>;
  close(): Promise<void>;
}

/** Longer than the SCIM log's batching (FLUSH_MS in lib/scim/provisioning-log-queue.ts). */
const SETTLE_MS = 800;

const REFUSED_SCIM_LOG = `NOT ("actorType" = 'system' AND "actorLabel" = 'unauthenticated client')`;

export async function fingerprints(): Promise<Fingerprints> {
  const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_FILE, 'utf8').trim() });
  await client.connect();
  const { rows } = await client.query<{ table: string }>(
    `SELECT table_name AS "table" FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenantId' ORDER BY table_name`,
  );
  if (rows.length < 5) throw new Error(`Only ${rows.length} tables have a tenantId column; is this the app's database?`);
  const perTable = rows.map(({ table }) => {
    const extra =
      table === 'AuditEvent' ? ` AND ${REFUSED_SCIM_LOG}` : table === 'ProvisioningHour' ? ` AND "created" + "updated" + "deactivated" + "deleted" > 0` : '';
    const row =
      table === 'PersonPhoto'
        ? `ROW(t."userId", t."uploadKey")::text`
        : table === 'ProvisioningHour'
          ? `ROW(t."hour", t."resource", t."created", t."updated", t."deactivated", t."deleted")::text`
          : 't::text';
    return `SELECT '${table}' AS "table", count(*)::int AS n, coalesce(md5(string_agg(${row}, '|' ORDER BY ${row})), '') AS hash FROM "${table}" t WHERE "tenantId" = $1${extra}`;
  });
  const query = [
    `SELECT 'Tenant' AS "table", count(*)::int AS n, coalesce(md5(string_agg(t::text, '|')), '') AS hash FROM "Tenant" t WHERE "id" = $1`,
    ...perTable,
  ].join(' UNION ALL ');
  const fingerprint: Fingerprints = {
    async read(tenantIds, subdomains = []) {
      const lines: string[] = [];
      // Sign-up on the apex makes tenants: a refused one makes none at the subdomain it asked for.
      for (const subdomain of subdomains) {
        const taken = await client.query('SELECT 1 FROM "Tenant" WHERE "subdomain" = $1', [subdomain]);
        lines.push(`${subdomain}: ${taken.rowCount ? 'taken' : 'free'}`);
      }
      for (const id of tenantIds) {
        const result = await client.query<{ table: string; n: number; hash: string }>(query, [id]);
        lines.push(...result.rows.map((r) => `${id} ${r.table}: ${r.n} ${r.hash}`));
      }
      return lines.join('\n');
    },
    async settled(tenantIds) {
      let last = await fingerprint.read(tenantIds);
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const now = await fingerprint.read(tenantIds);
        if (now === last) return now;
        last = now;
      }
    },
    close: () => client.end(),
  };
  return fingerprint;
}
