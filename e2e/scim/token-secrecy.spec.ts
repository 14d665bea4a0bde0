import { E2E_PORT } from '../../playwright.config';
import { EntraSimulation } from '../../tools/simulator/simulation';
import { SCIM_BASE_PATH } from '../../lib/tenancy/routing';
import { TOKEN_PREFIX } from '../../lib/tokens/token-secret';
import { columnsHolding } from '../../tests/support/find-secret';
import { httpRequest } from '../support/http';
import { createOwnDatabase, startOwnServer } from '../support/own-server';
import { createTenantWithToken, expect, test } from '../support/scim-fixtures';

// The token is a secret from the moment it is shown: a whole Entra cycle,
// with refusals and errors, on a server logging everything it can, must leave
// it in no log line and no column.

const PORT = E2E_PORT + 12;

test('an Entra cycle, refusals and errors included, leaves the token in no log line and no database column', async () => {
  test.setTimeout(120_000);
  const db = await createOwnDatabase(PORT);
  const { subdomain, token } = createTenantWithToken(db.url);
  const server = await startOwnServer(PORT, db.url, { LOG_LEVEL: 'trace' });
  const host = `${subdomain}.localhost:${PORT}`;
  try {
    const run = new EntraSimulation({
      origin: `http://127.0.0.1:${PORT}`,
      host,
      basePath: SCIM_BASE_PATH,
      token,
      concurrency: 4,
      retryForMs: 30_000,
      users: 60,
      groups: 4,
      averageMembers: 12,
    });
    try {
      await run.initialCycle();
      await run.incrementalCycle(40);
    } finally {
      run.close();
    }
    expect(run.phases.flatMap((phase) => phase.stats.firstErrors)).toEqual([]);

    const scim = (path: string, headers: Record<string, string>, method = 'GET', body?: string) =>
      httpRequest({ port: PORT, host, method, path: SCIM_BASE_PATH + path, headers, body });
    // The token presented every wrong way: each is refused, and none may be echoed into a log.
    for (const authorization of [`Basic ${token}`, `Bearer ${token} extra`, `Bearer ${token}x`, token, `bearer  ${token.slice(TOKEN_PREFIX.length)}`]) {
      expect((await scim('/Users', { Authorization: authorization })).status, authorization.replace(token, '<token>')).toBe(401);
    }
    expect((await scim(`/Users?access_token=${token}`, {})).status).toBe(401);
    // Errors after authentication, with the token inside the request's other parts.
    const bearer = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' };
    expect((await scim('/Users', bearer, 'POST', `{"userName": "${token}`)).status).toBe(400);
    expect((await scim(`/Users?filter=${encodeURIComponent(`userName eq "${token}" and`)}`, bearer)).status).toBe(400);
    // What the run wrote (audit log, last use of the token, people, groups) holds no trace of it.
    expect(await columnsHolding(db.url, token.slice(TOKEN_PREFIX.length))).toEqual([]);
  } finally {
    server.signal('SIGTERM');
    await server.exited;
    await db.drop().catch(() => {});
  }
  const logs = server.stdout() + server.stderr();
  // The run was logged (a line per request at least), so an absent token means something.
  expect(logs.split('\n').filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThan(200);
  for (const secret of [token, token.slice(TOKEN_PREFIX.length), token.slice(-16)]) expect(logs).not.toContain(secret);
});
