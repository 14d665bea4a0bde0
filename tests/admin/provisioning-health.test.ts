import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { connectionProgress } from '../../lib/admin/connection-progress';
import { pageOfLog, PROVISIONING } from '../../lib/admin/log-entry';
import { pruneProvisioningLog } from '../../lib/admin/log-retention';
import { provisioningActivity } from '../../lib/admin/provisioning-activity';
import { connectionState, provisioningStatus } from '../../lib/admin/provisioning-status';
import { insertProvisioningLogRows, platformDb, tenantDb, tenantSql } from '../../lib/db';
import { flushProvisioningLog } from '../../lib/scim/provisioning-log-queue';
import { createScimTenant, test, useScimHarness } from '../support/scim-harness';

// The Provisioning page's figures come from hourly counts kept by a trigger;
// these drive real SCIM requests and check the counts, the charts' buckets,
// the connection's state, the log's sentences and the retention.

useScimHarness();

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const HOUR_MS = 3_600_000;
const SILENCE_MS = 2 * HOUR_MS;

const tenantIdOf = async (subdomain: string) => (await platformDb.findTenantBySubdomain(subdomain))!.id;

describe('hourly counts', () => {
  test('count what Entra did, per resource, as the log records it', async ({ tenant }) => {
    const quinn = await tenant.scim.post('/Users', { schemas: [CORE], userName: 'quinn@h.example', displayName: 'Quinn Okafor', active: true });
    const hassan = await tenant.scim.post('/Users', { schemas: [CORE], userName: 'hassan@h.example', active: true });
    await tenant.scim.patch(`/Users/${quinn.json.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Lead' }] });
    await tenant.scim.patch(`/Users/${quinn.json.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] });
    await tenant.scim.delete(`/Users/${hassan.json.id}`);
    await tenant.scim.post('/Groups', { schemas: [GROUP], displayName: 'Platform', members: [{ value: quinn.json.id }] });
    expect((await tenant.scim.get(`/Users/${randomUUID()}`)).status).toBe(404);
    expect((await tenant.scim.get(`/Users?filter=userName eq "${randomUUID()}"`)).status).toBe(200);
    await flushProvisioningLog();

    const tenantId = await tenantIdOf(tenant.subdomain);
    const activity = await provisioningActivity(tenantId, '7d');
    expect(activity.series.User).toHaveLength(7 * 24);
    const users = activity.series.User.at(-1)!;
    expect(users).toMatchObject({ created: 2, updated: 2, deactivated: 1, deleted: 1, failures: 1, requests: 7 });
    expect(activity.series.Group.at(-1)).toMatchObject({ created: 1, requests: 1, failures: 0 });
    // Every other hour of the week is there, as zeros.
    expect(activity.series.User.slice(0, -1).every((b) => b.requests === 0)).toBe(true);
    expect(activity.series.User.at(-1)!.start.getTime() % HOUR_MS).toBe(0);

    const days = await provisioningActivity(tenantId, '90d');
    expect(days.series.User).toHaveLength(90);
    expect(days.series.User.at(-1)).toMatchObject({ created: 2, deleted: 1 });

    const status = await provisioningStatus(tenantId, 2);
    expect(status.today).toMatchObject({ created: 2, updated: 2, deactivated: 1, deleted: 1, requests: 8, failures: 1 });
    expect(status.state).toBe('receiving');
    expect(status.lastTestConnectionAt).not.toBeNull();
  });

  test("count no other tenant's requests", async ({ tenant }) => {
    const other = await createScimTenant();
    await other.scim.post('/Users', { schemas: [CORE], userName: 'elsewhere@h.example', active: true });
    await flushProvisioningLog();
    const activity = await provisioningActivity(await tenantIdOf(tenant.subdomain), '7d');
    expect(activity.series.User.every((b) => b.requests === 0)).toBe(true);
  });

  test('add up rows written in one statement and in several, and put each in its own hour', async ({ tenant }) => {
    const tenantId = await tenantIdOf(tenant.subdomain);
    const now = Date.now();
    const row = (at: number, status: number) => ({
      at: new Date(at),
      actor: { type: 'system' as const, label: 'test' },
      action: 'scim.get',
      targetType: null,
      targetId: null,
      details: { path: '/Users', status },
    });
    await insertProvisioningLogRows(tenantSql(tenantId), [row(now, 200), row(now, 500), row(now - 3 * HOUR_MS, 200)]);
    await insertProvisioningLogRows(tenantSql(tenantId), [row(now, 429)]);
    const users = (await provisioningActivity(tenantId, '7d')).series.User;
    expect(users.at(-1)).toMatchObject({ requests: 3, failures: 2 });
    expect(users.at(-4)).toMatchObject({ requests: 1, failures: 0 });
  });
});

describe('the connection state', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  test('is waiting, not an alarm, while no token has been used', () => {
    expect(connectionState(0, null, now, SILENCE_MS)).toBe('no-token');
    expect(connectionState(1, null, now, SILENCE_MS)).toBe('waiting');
    expect(connectionState(1, new Date(now.getTime() - SILENCE_MS + 60_000), now, SILENCE_MS)).toBe('receiving');
    expect(connectionState(1, new Date(now.getTime() - SILENCE_MS - 60_000), now, SILENCE_MS)).toBe('silent');
  });

  test('of a new tenant with a token never used is waiting', async ({ tenant }) => {
    const status = await provisioningStatus(await tenantIdOf(tenant.subdomain), 2);
    expect(status).toMatchObject({ state: 'waiting', lastRequestAt: null, activeTokens: 1 });
  });

  test("follows a token from Entra's Test Connection to its first cycle", async ({ tenant }) => {
    const tenantId = await tenantIdOf(tenant.subdomain);
    const [token] = await tenantDb(tenantId).apiToken.findMany();
    expect(await connectionProgress(tenantId, token!.id)).toEqual({ testConnectionAt: null, lastRequestAt: null, usersCreated: 0, groupsCreated: 0 });
    await tenant.scim.get(`/Users?filter=userName eq "${randomUUID()}"`);
    await expect.poll(async () => (await connectionProgress(tenantId, token!.id)).testConnectionAt).not.toBeNull();
    await tenant.scim.post('/Users', { schemas: [CORE], userName: 'first@h.example', active: true });
    await tenant.scim.post('/Groups', { schemas: [GROUP], displayName: 'First' });
    const progress = await connectionProgress(tenantId, token!.id);
    expect(progress).toMatchObject({ usersCreated: 1, groupsCreated: 1 });
    expect(progress.lastRequestAt).not.toBeNull();
    await expect(connectionProgress(tenantId, randomUUID())).rejects.toThrow('No such token.');
  });
});

describe('the log', () => {
  test('reads as sentences with names, one outcome vocabulary, and no ids', async ({ tenant }) => {
    const tenantId = await tenantIdOf(tenant.subdomain);
    const lead = await tenant.scim.post('/Users', { schemas: [CORE], userName: 'lead@h.example', displayName: 'Hassan Müller', active: true });
    const quinn = await tenant.scim.post('/Users', { schemas: [CORE], userName: 'quinn@h.example', displayName: 'Quinn Okafor', active: true });
    const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
    await tenant.scim.patch(`/Users/${quinn.json.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: lead.json.id }],
    });
    await tenant.scim.patch(`/Users/${quinn.json.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] });
    await tenant.scim.get(`/Users/${randomUUID()}`);
    await tenant.scim.get(`/Users?filter=userName eq "${randomUUID()}"`);
    await flushProvisioningLog();
    const { entries } = await pageOfLog(tenantId, PROVISIONING, 1);
    expect(entries.map((e) => e.sentence)).toEqual([
      'Entra tested the connection',
      'Entra looked up a person',
      'Entra deactivated Quinn Okafor',
      'Entra updated Quinn Okafor',
      'Entra created Quinn Okafor',
      'Entra created Hassan Müller',
    ]);
    expect(entries.map((e) => e.outcome.label)).toEqual(['Succeeded', 'Failed: 404 Not Found', 'Succeeded', 'Succeeded', 'Succeeded', 'Succeeded']);
    // The manager's id in the change reads as their name.
    expect(JSON.stringify(entries[3]!.details)).toContain('Hassan Müller');
    expect(JSON.stringify(entries[3]!.details)).not.toContain(lead.json.id);
  });
});

describe('retention', () => {
  test('deletes raw rows after 30 days and keeps their hourly counts', async ({ tenant }) => {
    const tenantId = await tenantIdOf(tenant.subdomain);
    const old = Date.now() - 40 * 24 * HOUR_MS;
    const rows = Array.from({ length: 25 }, (_, i) => ({
      at: new Date(old + i),
      actor: { type: 'system' as const, label: 'test' },
      action: 'scim.get',
      targetType: null,
      targetId: null,
      details: { path: '/Groups', status: 200 },
    }));
    await insertProvisioningLogRows(tenantSql(tenantId), rows);
    await tenant.scim.get('/Groups');
    await flushProvisioningLog();
    const db = tenantDb(tenantId);
    expect(await db.auditEvent.count({ where: PROVISIONING })).toBe(26);
    const gone = await pruneProvisioningLog();
    expect(gone.rows).toBeGreaterThanOrEqual(25);
    expect(await db.auditEvent.count({ where: PROVISIONING })).toBe(1);
    const days = (await provisioningActivity(tenantId, '90d')).series.Group;
    expect(days.reduce((sum, d) => sum + d.requests, 0)).toBe(26);
  });
});
