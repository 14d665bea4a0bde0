import autocannon from 'autocannon';
import { randomBytes, randomUUID } from 'node:crypto';
import { tenantDb } from '../../lib/db';
import { SCIM_BASE_PATH } from '../../lib/tenancy/routing';
import { createServiceAccountToken } from '../../lib/tokens/create-service-account-token';
import { pick, printTable, readBenchArgs, runBench, shownServer } from './bench-harness';
import { newUserBody } from '../simulator/entra-resources';
import { measureOversizeBodies } from './oversize-bodies';

// `npm run bench:scim [-- --users 100000 --seconds 10]`: the SCIM server's
// throughput and latency as Entra would load it, measured on the production
// build (not `next dev`) against a real PostgreSQL server (see bench-harness.ts).

const { size, seconds, connections: CONNECTIONS } = readBenchArgs({ minUsers: 100, connections: 10 });
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

await runBench(
  {
    name: 'bench:scim',
    size,
    withContent: false,
    serverEnv: { SCIM_RATE_LIMIT_PER_SECOND: '1000000' },
    async prepare(tenant) {
      const { token } = await createServiceAccountToken(
        tenant.id,
        { serviceAccountName: 'bench', tokenName: 'bench' },
        { type: 'system', label: 'bench:scim' },
      );
      // Ids are random UUIDs, so the first 2,000 by id are a fair sample of the company.
      const sample = await tenantDb(tenant.id).user.findMany({ select: { id: true, userName: true }, orderBy: { id: 'asc' }, take: 2000 });
      return { token, sample };
    },
    ready: ({ token }) => ({ path: `${SCIM_BASE_PATH}/ServiceProviderConfig`, headers: { Authorization: `Bearer ${token}` } }),
  },
  async (site, { token, sample }) => {
    const port = site.port;
    const headers = { Host: site.host, Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' };
    const call = (method: string, p: string, body?: unknown) =>
      site.call(method, SCIM_BASE_PATH + p, { headers, body: body === undefined ? undefined : JSON.stringify(body) });
    // Created over SCIM, as Entra does, so that a broken POST /Groups shows up here.
    const groupIds: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const created = await call('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `Bench group ${i}`, members: [] });
      if (created.status !== 201) throw new Error(`POST /Groups answered ${created.status}: ${created.text}`);
      groupIds.push(JSON.parse(created.text).id);
    }

    const run = randomBytes(3).toString('hex');
    let serial = 0;
    type Setup = () => { method: 'GET' | 'POST' | 'PATCH'; path: string; body?: unknown };
    const operations: { name: string; target: number; setup: Setup }[] = [
      {
        name: 'GET /Users?filter=userName eq',
        target: 2000,
        setup: () => ({ method: 'GET', path: `/Users?filter=${encodeURIComponent(`userName eq "${pick(sample).userName}"`)}` }),
      },
      {
        name: 'POST /Users, userName and name',
        target: 1000,
        setup: () => {
          const n = ++serial;
          const body = {
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
            userName: `bench.${run}.${n}@bench.example`,
            active: true,
            displayName: `Bench ${n}`,
            name: { givenName: 'Bench', familyName: String(n) },
          };
          return { method: 'POST', path: '/Users', body };
        },
      },
      {
        // The body Entra's default mappings send for a new person, as the simulator sends it.
        name: 'POST /Users, as Entra sends',
        target: 1000,
        setup: () => {
          const n = ++serial;
          const user = {
            key: n,
            objectId: randomUUID(),
            userName: `entra.${run}.${n}@bench.example`,
            givenName: 'Bench',
            familyName: `Entra ${n}`,
            displayName: `Bench Entra ${n}`,
            title: 'Software Engineer',
            department: 'Engineering',
            office: 'London',
            managerKey: null,
            active: true,
            deleted: false,
          };
          return { method: 'POST', path: '/Users', body: newUserBody(user) };
        },
      },
      {
        name: 'PATCH /Users/{id} title',
        target: 1000,
        setup: () => ({
          method: 'PATCH',
          path: `/Users/${pick(sample).id}`,
          body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: `Title ${++serial}` }] },
        }),
      },
      {
        name: 'PATCH /Groups/{id} add member',
        target: 1000,
        setup: () => ({
          method: 'PATCH',
          path: `/Groups/${pick(groupIds)}`,
          body: { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: pick(sample).id }] }] },
        }),
      },
    ];
    const cannon = (setup: Setup, bounds: { duration?: number; amount?: number }) =>
      autocannon({
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        headers,
        ...bounds,
        // setupRequest runs before every request, so each one gets fresh values.
        requests: [
          {
            setupRequest: (req) => {
              const r = setup();
              return { ...req, method: r.method, path: SCIM_BASE_PATH + r.path, body: r.body === undefined ? undefined : JSON.stringify(r.body) };
            },
          },
        ],
      });

    const rows: string[][] = [];
    const notes: string[] = [];
    const rates = new Map<string, number>();
    for (const op of operations) {
      process.stdout.write(`${op.name}: warming up, then ${seconds} s … `);
      await cannon(op.setup, { amount: 200 }); // first requests load route code and fill the pool
      const result = await cannon(op.setup, { duration: seconds });
      const rate = result.requests.total / result.duration;
      rates.set(op.name, rate);
      console.log(`${result.requests.total} requests`);
      const meets = rate >= op.target && result.latency.p99 <= 25 && result.non2xx === 0;
      rows.push([
        op.name,
        String(result.requests.total),
        rate.toFixed(0),
        String(result.latency.p50),
        String(result.latency.p99),
        String(result.non2xx),
        `≥ ${op.target.toLocaleString('en')}/s, p99 ≤ 25`,
        meets ? 'yes' : 'NO',
      ]);
      const codes = Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, s]) => `${code}×${s.count}`);
      if (codes.length || result.errors || result.timeouts)
        notes.push(`${op.name}: ${[...codes, `${result.errors} socket errors`, `${result.timeouts} timeouts`].join(', ')}`);
    }

    process.stdout.write(`16 MiB bodies (limit 1 MiB): ${seconds} s … `);
    const oversize = await measureOversizeBodies(site, headers, seconds, CONNECTIONS);
    console.log(`${oversize.requests} requests`);

    console.log(
      `\nbench:scim: ${size.toLocaleString('en')} users, ${CONNECTIONS} connections, ${seconds} s each, pool 10, PostgreSQL ${shownServer}, rate limits counted ${process.env.REDIS_URL ? 'in Redis' : 'in memory'}`,
    );
    printTable(['operation', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'target', 'meets'], rows, [0, 6]);
    for (const note of notes) console.log(`  non-2xx ${note}`);
    // The target: changing a person costs no more than 1.25 times creating one (PATCH at 80% of POST or more).
    const patch = rates.get('PATCH /Users/{id} title')!;
    for (const post of ['POST /Users, as Entra sends', 'POST /Users, userName and name']) {
      console.log(`PATCH /Users/{id} title runs at ${((100 * patch) / rates.get(post)!).toFixed(0)}% of ${post}`);
    }
    const grew = oversize.residentPeakMiB - oversize.residentBeforeMiB;
    console.log(
      `\n16 MiB bodies, chunked, ${CONNECTIONS} at a time: ${oversize.requests} requests, ${oversize.mibPerSecond.toFixed(0)} MiB/s read and discarded, statuses ${JSON.stringify(oversize.statuses)}; ` +
        `server memory ${oversize.residentBeforeMiB.toFixed(0)} MiB before, peak ${oversize.residentPeakMiB.toFixed(0)} MiB (+${grew.toFixed(0)} MiB, ${(grew / CONNECTIONS).toFixed(1)} MiB a connection)`,
    );
  },
);
