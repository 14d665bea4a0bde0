import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { tenantDb } from '../../lib/db';
import { issueSignInTicket, redeemSignInTicket, SESSION_COOKIE } from '../../lib/auth/tenant-session';
import { pick, printTable, readBenchArgs, runBench, shownServer } from './bench-harness';

// `npm run bench:web [-- --users 100000 --seconds 10]`: what an employee waits
// for, measured over HTTP on the production build with a signed-in session:
// the search box's API, the directory, a profile, an org-chart expansion and a
// wiki page, each with the server's response time at p50 and p95.

// As many requests at once as this machine has cores by default: the figure to
// read is the server's response time, which more would only queue for the CPU.
// --connections 4 shows the same under twice that load.
const { size, seconds, connections: CONNECTIONS } = readBenchArgs({ minUsers: 200, connections: Math.max(2, os.availableParallelism()) });

/** The words people type: whole names, a name with two letters swapped, a prefix. */
function searchTexts(names: { givenName: string | null; familyName: string | null }[]): string[] {
  return names.flatMap(({ givenName, familyName }) => {
    if (!givenName || !familyName) return [];
    const i = Math.floor(familyName.length / 2);
    const typo = familyName.length > 4 ? familyName.slice(0, i - 1) + familyName[i] + familyName[i - 1] + familyName.slice(i + 1) : familyName;
    return [`${givenName} ${familyName}`, `${givenName} ${typo}`, familyName.slice(0, 4)];
  });
}

await runBench(
  {
    name: 'bench:web',
    size,
    withContent: true,
    async prepare(tenant) {
      const db = tenantDb(tenant.id);
      const sample = await db.user.findMany({
        where: { active: true },
        select: { id: true, givenName: true, familyName: true },
        orderBy: { id: 'asc' },
        take: 2000,
      });
      const managers = await db.user.findMany({
        where: { active: true, directReports: { some: {} } },
        select: { id: true },
        orderBy: { id: 'asc' },
        take: 2000,
      });
      const pages = await db.wikiPage.findMany({ where: { deletedAt: null }, select: { slug: true } });
      const ceo = await db.user.findFirstOrThrow({ where: { managerId: null, active: true }, select: { id: true } });
      const binding = randomBytes(32).toString('base64url');
      const session = await redeemSignInTicket(tenant.id, await issueSignInTicket(tenant.id, ceo.id, binding), binding);
      if (!session) throw new Error('could not open a session for the bench');
      return {
        token: session.token,
        people: sample.map((p) => p.id),
        managers: [...managers.map((m) => m.id), ceo.id],
        texts: searchTexts(sample),
        slugs: pages.map((p) => p.slug),
      };
    },
    ready: () => ({ path: '/login' }),
  },
  async (site, data) => {
    const headers = { Host: site.host, Cookie: `${SESSION_COOKIE}=${data.token}` };
    const q = () => encodeURIComponent(pick(data.texts));
    const operations: { name: string; target: number; path: () => string }[] = [
      { name: 'search API (people, teams, pages)', target: 50, path: () => `/api/search?limit=5&q=${q()}` },
      { name: 'directory page, searched', target: 150, path: () => `/people?q=${q()}` },
      { name: 'profile page', target: 150, path: () => `/people/${pick(data.people)}` },
      { name: 'org chart expansion (API)', target: 150, path: () => `/api/org/${pick(data.managers)}/reports` },
      { name: 'org chart page', target: 150, path: () => `/org?person=${pick(data.people)}` },
      { name: 'wiki page', target: 150, path: () => `/wiki/${pick(data.slugs)}` },
    ];
    // Every answer must be a 200: a redirect to the sign-in page would be fast and mean nothing.
    for (const op of operations) {
      const probe = await site.call('GET', op.path(), { headers });
      if (probe.status !== 200) throw new Error(`${op.name}: GET ${op.path()} answered ${probe.status}`);
    }
    const cannon = async (op: (typeof operations)[number], bounds: { duration?: number; amount?: number }) => {
      const times: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: `http://127.0.0.1:${site.port}`,
            connections: CONNECTIONS,
            headers,
            ...bounds,
            requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: op.path() }) }],
          },
          (error, done) => (error ? reject(error) : resolve(done)),
        );
        // autocannon reports percentiles up to p90, then p97.5: p95 comes from each response's time.
        instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
      });
      return { result, times: times.sort((a, b) => a - b) };
    };
    const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

    const rows: string[][] = [];
    for (const op of operations) {
      process.stdout.write(`${op.name}: warming up, then ${seconds} s … `);
      await cannon(op, { amount: 100 }); // the first requests load route code and fill the pool
      const { result, times } = await cannon(op, { duration: seconds });
      console.log(`${result.requests.total} requests`);
      const p95 = at(times, 95);
      const ok = result.non2xx === 0 && result.errors === 0;
      rows.push([
        op.name,
        String(result.requests.total),
        at(times, 50).toFixed(1),
        p95.toFixed(1),
        String(result.non2xx + result.errors),
        `p95 ≤ ${op.target}`,
        ok && p95 <= op.target ? 'yes' : 'NO',
      ]);
    }
    console.log(
      `\nbench:web: ${size.toLocaleString('en')} people, ${CONNECTIONS} connections, ${seconds} s each, server response times in ms, PostgreSQL ${shownServer}`,
    );
    printTable(['request', 'requests', 'p50 ms', 'p95 ms', 'errors', 'target', 'meets'], rows, [0, 5]);
  },
);
