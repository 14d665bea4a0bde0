import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { disconnectDb, tenantDb } from '../../lib/db';
import { localhostCertificate } from '../../tools/dev-idp/certificate';
import { startMailServer } from '../../tools/dev-mail/mail-server';
import { appServer } from './support/app-server';
import { freshDatabase, PORTS, scimProbe, simulation, skipWhereFaultsCannotRun, tenantWithToken } from './support/fault-run';

// The alerts as production runs them: two server instances on one database,
// their job queues checking as each starts, a simulated Entra provisioning and
// then failing on purpose and going silent, and a real SMTP server receiving
// what they send. Each alert must arrive once, however many instances check.

const unavailable = await skipWhereFaultsCannotRun();
const SENDER = 'alerts@faults.test';
const HOUR_MS = 3_600_000;

const waitFor = async (condition: () => boolean, what: string, ms = 45_000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

describe.skipIf(unavailable)('alerts', () => {
  test("Entra failing and then silent is emailed to the admins once each, by two instances' job queues", async () => {
    const tls = await localhostCertificate();
    const tlsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgwiki-alert-faults-'));
    fs.writeFileSync(path.join(tlsDir, 'cert.pem'), tls.cert);
    const mail = await startMailServer({ port: 0, httpPort: null, tls, sender: SENDER });
    const db = await freshDatabase();
    const tenant = await tenantWithToken(db.url);
    process.env.DATABASE_URL = db.url;
    await tenantDb(tenant.id).user.create({ data: { tenantId: tenant.id, userName: 'admin@faults.test', workEmail: 'it@faults.test', role: 'admin' } });
    await disconnectDb();
    const env = {
      DATABASE_URL: db.url,
      SCIM_RATE_LIMIT_PER_SECOND: '100000',
      SMTP_URL: mail.smtpUrl,
      MAIL_FROM: `TheOrgWiki <${SENDER}>`,
      NODE_EXTRA_CA_CERTS: path.join(tlsDir, 'cert.pem'),
    };
    const servers = [appServer(PORTS.alerts, env), appServer(PORTS.alerts + 1, env)];
    const run = simulation(PORTS.alerts, tenant, { users: 60, groups: 3, averageMembers: 10 });
    const subjects = () => mail.messages().map((m) => m.subject.replace('[Fault test] ', ''));
    try {
      await Promise.all(servers.map((s) => s.start()));
      // Each instance checks as it starts: the token made with the tenant is reported, once.
      await waitFor(() => subjects().includes('fault test created token “fault test”'), 'the token alert');
      await run.initialCycle();

      // Entra fails on purpose: a third of its requests name nobody.
      const requests = run.phases.reduce((sum, p) => sum + p.stats.requests, 0);
      for (let i = 0; i < requests / 2; i += 1) {
        expect((await scimProbe(PORTS.alerts + (i % 2), tenant, `/Users/${randomUUID()}`)).status).toBe(404);
      }
      // Restarted, both instances check again at once.
      await Promise.all(servers.map((s) => s.kill('SIGTERM')));
      await Promise.all(servers.map((s) => s.start()));
      await waitFor(() => subjects().some((s) => s.endsWith("of Microsoft Entra ID's requests failed in the last hour")), 'the failure alert');

      // Then Entra goes silent: its last request three hours ago, as the token says.
      process.env.DATABASE_URL = db.url;
      await tenantDb(tenant.id).apiToken.updateMany({ data: { lastUsedAt: new Date(Date.now() - 3 * HOUR_MS) } });
      await disconnectDb();
      await Promise.all(servers.map((s) => s.kill('SIGTERM')));
      await Promise.all(servers.map((s) => s.start()));
      await waitFor(() => subjects().some((s) => s.startsWith('Microsoft Entra ID has sent nothing for over 3 hours')), 'the silence alert');
      // A further check by each finds everything sent.
      await Promise.all(servers.map((s) => s.kill('SIGTERM')));
      await Promise.all(servers.map((s) => s.start()));
      await new Promise((resolve) => setTimeout(resolve, 5_000));

      const [created, failing, silent, ...more] = subjects();
      expect(created).toBe('fault test created token “fault test”');
      expect(failing).toMatch(/^\d+% of Microsoft Entra ID's requests failed in the last hour$/);
      expect(silent).toBe('Microsoft Entra ID has sent nothing for over 3 hours');
      expect(more).toEqual([]);
      expect(mail.messages().every((m) => m.to.join() === 'it@faults.test')).toBe(true);
    } finally {
      run.close();
      await Promise.all(servers.map((s) => s.kill('SIGTERM')));
      await mail.close();
      await db.drop();
      fs.rmSync(tlsDir, { recursive: true, force: true });
    }
  });
});
