import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { E2E_PORT } from '../../playwright.config';
import { SCIM_SCHEMAS } from '../../lib/scim/limits';
import { expect, test } from '../support/scim-fixtures';
import { randomClientAddress, SCIM_PATH, scimClient } from '../support/scim-client';

// Property-based fuzzing of the SCIM API over real HTTP: random requests to
// the route table's paths (valid, invalid and hostile ids, query strings with
// random filters, headers, bodies that are mutated Entra requests, random
// JSON or random bytes), every answer a well-formed SCIM response (RFC 7644
// §3.12): never 5xx, application/scim+json with a known schema URN, or 204
// with no body. FUZZ_SEED varies the run, FUZZ_RUNS its size (requests).

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);
const REQUESTS = Number(process.env.FUZZ_RUNS ?? 2_400);
/** Requests in flight together: one fast-check run sends a batch of this many at once. */
const IN_FLIGHT = 6;
/** Under the tests' server limit of 100 a second per tenant (playwright.config.ts), so that the volume is real. */
const PER_SECOND = 80;

const { user: USER, enterpriseUser: ENTERPRISE, group: GROUP, patchOp: PATCH_OP, error: ERROR } = SCIM_SCHEMAS;
const KNOWN_SCHEMAS = new Set<string>(Object.values(SCIM_SCHEMAS));

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function sendRaw(host: string, token: string, request: FuzzRequest): Promise<Answer> {
  const headers = {
    Host: host,
    'X-Forwarded-For': randomClientAddress(),
    Authorization: `Bearer ${token}`,
    ...request.headers,
    ...(request.body ? { 'Content-Length': String(request.body.byteLength) } : {}),
  };
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: '127.0.0.1', port: E2E_PORT, agent: false, method: request.method, path: SCIM_PATH + request.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    outgoing.on('error', reject);
    if (request.body) outgoing.write(request.body);
    outgoing.end();
  });
}

/** Why `answer` is not a well-formed SCIM response, or null when it is. */
function malformation(method: string, answer: Answer): string | null {
  const { status, headers, body } = answer;
  if (status >= 500 || status < 200) return `status ${status}`;
  // HTTP answers HEAD without the body it would send.
  if (method === 'HEAD')
    return String(headers['content-type']).startsWith('application/scim+json') && body.length === 0
      ? null
      : 'HEAD answered otherwise than as GET without a body';
  if (status === 204) return body.length === 0 ? null : '204 with a body';
  if (!String(headers['content-type']).startsWith('application/scim+json')) return `Content-Type ${headers['content-type']}`;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return 'a body that is not JSON';
  }
  const schemas = json.schemas;
  if (!Array.isArray(schemas) || schemas.length === 0 || !schemas.every((s) => KNOWN_SCHEMAS.has(s))) return `schemas ${JSON.stringify(schemas)}`;
  if (status >= 400) {
    if (schemas.length !== 1 || schemas[0] !== ERROR || json.status !== String(status) || typeof json.detail !== 'string')
      return 'an error body not per RFC 7644 §3.12';
    if (status === 429 && !headers['retry-after']) return '429 without Retry-After';
    return null;
  }
  if (schemas.includes(ERROR)) return `an error body with status ${status}`;
  if (
    schemas.includes(SCIM_SCHEMAS.listResponse) &&
    (typeof json.totalResults !== 'number' || !(json.Resources === undefined || Array.isArray(json.Resources)))
  ) {
    return 'a ListResponse without totalResults or Resources';
  }
  return null;
}

/** One request per 1/PER_SECOND second, whatever the number in flight. */
function pacer(): () => Promise<void> {
  let next = 0;
  return async () => {
    const now = performance.now();
    const at = Math.max(now, next);
    next = at + 1_000 / PER_SECOND;
    if (at > now) await sleep(at - now);
  };
}

/** Every path into `value` (object keys and array indexes), so that an edit can land anywhere. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, v]) => pathsOf(v, [...prefix, key]))];
}

function edited(template: unknown, edits: readonly (readonly [number, unknown, boolean])[]): unknown {
  const copy = structuredClone(template);
  for (const [pick, value, remove] of edits) {
    const paths = pathsOf(copy).filter((p) => p.length > 0);
    if (paths.length === 0) return value;
    const path = paths[pick % paths.length];
    let parent = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (remove && !Array.isArray(parent)) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

type Kind = 'user' | 'group' | 'any';
/** A placeholder for the n-th id of a kind the tenant holds when the request is sent. */
const live = Object.assign((kind: Kind) => fc.nat().map((n) => live.at(kind, n)), { at: (kind: Kind, n: number) => `~${kind}-${n}~` });

/**
 * The tenant's users and groups as the fuzzer's own requests change them:
 * placeholders are resolved as a request is sent, so ids stay live after
 * deletes and new resources get requests too, and writes reach the database.
 */
class LiveIds {
  private readonly users: string[] = [];
  private readonly groups: string[] = [];
  private made = 0;

  resolve(text: string): string {
    return text.replace(/~(user|group|any)-(\d+)~/g, (_, kind: Kind, n: string) => {
      const ids = kind === 'user' ? this.users : kind === 'group' ? this.groups : [...this.users, ...this.groups];
      return ids.length > 0 ? ids[Number(n) % ids.length] : '00000000-0000-4000-8000-000000000000';
    });
  }

  learn(request: FuzzRequest, answer: Answer): void {
    const [, collection, id] = /^\/(Users|Groups)(?:\/([^/?]+))?\/?(?:\?|$)/.exec(request.path) ?? [];
    if (!collection) return;
    const ids = collection === 'Users' ? this.users : this.groups;
    if (request.method === 'POST' && !id && answer.status === 201) ids.push(JSON.parse(answer.body.toString('utf8')).id);
    const gone = request.method === 'DELETE' && answer.status === 204 ? ids.indexOf(decodeURIComponent(id ?? '')) : -1;
    if (gone >= 0) ids.splice(gone, 1);
  }

  /** Fuzzed deletes outpace fuzzed creates: a few of each kind are kept, so that requests keep reaching live resources. */
  async restock(create: (path: string, body: object) => Promise<string>): Promise<void> {
    while (this.users.length < 6) this.users.push(await create('/Users', { schemas: [USER], userName: `fuzz${++this.made}@contoso.test` }));
    while (this.groups.length < 4)
      this.groups.push(await create('/Groups', { schemas: [GROUP], displayName: `Fuzz ${++this.made}`, members: [{ value: this.users[0] }] }));
  }
}

function arbitraries() {
  const text = fc.string({ unit: 'grapheme', maxLength: 24 });
  const ascii = fc.string({ maxLength: 12 });
  const known = live('any');

  // Entra's requests (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups), to be mutated.
  const template = (pick: number, name: string): unknown =>
    [
      {
        schemas: [USER, ENTERPRISE],
        externalId: name,
        userName: `${name}@contoso.test`,
        active: true,
        displayName: 'Jane Doe',
        title: 'Engineer',
        emails: [{ primary: true, type: 'work', value: 'jdoe@contoso.test' }],
        name: { formatted: 'Jane Doe', familyName: 'Doe', givenName: 'Jane' },
        [ENTERPRISE]: { department: 'R&D', employeeNumber: '42', manager: { value: live.at('user', 0) } },
      },
      {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'Replace', path: 'active', value: 'False' },
          { op: 'Add', path: 'emails[type eq "work"].value', value: 'x@contoso.test' },
        ],
      },
      {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'Replace', path: `${ENTERPRISE}:manager`, value: live.at('user', 1) },
          { op: 'Remove', path: 'title' },
        ],
      },
      { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { 'name.givenName': 'A', [`${ENTERPRISE}:department`]: 'D', active: false } }] },
      { schemas: [GROUP], externalId: name, displayName: `Group ${name}`, members: [] },
      { schemas: [PATCH_OP], Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: live.at('user', 0) }, { value: live.at('user', 1) }] }] },
      {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'Remove', path: 'members', value: [{ value: live.at('user', 0) }] },
          { op: 'remove', path: `members[value eq "${live.at('user', 1)}"]` },
        ],
      },
      {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'Replace', path: 'displayName', value: `Renamed ${name}` },
          { op: 'replace', path: 'externalId', value: name },
        ],
      },
    ][pick];
  /** The templates that fit a request: a user body for /Users, a PATCH for PATCH, ... */
  const fitting = (method: string, path: string): number[] => {
    const group = path.startsWith('/Groups') ? 4 : 0;
    return method === 'PATCH' ? [group + 1, group + 2, group + 3] : [group];
  };
  const jsonish = fc.oneof(fc.jsonValue({ maxDepth: 3 }), known, fc.constantFrom('__proto__', 'constructor', '\u0000', '\ud800', '%_\\\'";--', 'True', ''));
  const edits = fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.nat(), jsonish, fc.boolean()), { minLength: 1, maxLength: 3 }));
  // A body for the request it goes with: mostly an Entra request that fits it, mutated or not.
  type BodyFor = (method: string, path: string) => Buffer;
  const mutated = fc.record({ pick: fc.nat({ max: 7 }), fit: fc.boolean(), name: text, edits }).map(({ pick, fit, name, edits }): BodyFor => (method, path) => {
    const options = fitting(method, path);
    return Buffer.from(JSON.stringify(edited(template(fit ? options[pick % options.length] : pick, name), edits)));
  });
  const fixed =
    (bytes: Buffer): BodyFor =>
    () =>
      bytes;
  const body = fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => fixed(Buffer.from(JSON.stringify(v) ?? 'null'))) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => fixed(Buffer.from(bytes))) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }).map((s) => fixed(Buffer.from(s))) },
  );

  const attribute = fc.oneof(
    fc.constantFrom(
      'userName',
      'displayName',
      'title',
      'active',
      'externalId',
      'id',
      'emails',
      'emails.value',
      'emails.type',
      'name',
      'name.givenName',
      'members',
      'members.value',
      'meta.created',
      'meta.lastModified',
      'addresses',
      `${ENTERPRISE}:department`,
      `${ENTERPRISE}:manager`,
      `${ENTERPRISE}:manager.value`,
      `${USER}:userName`,
      '__proto__',
      'constructor.prototype',
    ),
    ascii,
  );
  const comparison = fc.oneof(fc.constantFrom('eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'EQ', 'Co', 'pr'), ascii);
  const literal = fc.oneof(
    text.map((s) => JSON.stringify(s)),
    known.map((id) => `"${id}"`),
    fc.constantFrom('true', 'false', 'null', '"True"', '"2024-05-01T12:00:00Z"', '"%"', '"_"', '"\\\\"', '"\\u0000"', '"\\ud800"', '"unterminated', '1e999'),
    fc.integer().map(String),
    ascii,
  );
  const { filter } = fc.letrec<{ filter: string }>((tie) => ({
    filter: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.tuple(attribute, comparison, literal).map(([a, o, v]) => `${a} ${o} ${v}`),
      attribute.map((a) => `${a} pr`),
      fc.tuple(tie('filter'), fc.constantFrom('and', 'or', 'AND', 'Or'), tie('filter')).map(([a, o, b]) => `${a} ${o} ${b}`),
      tie('filter').map((f) => `not (${f})`),
      tie('filter').map((f) => `(${f})`),
      fc
        .tuple(fc.constantFrom('emails', 'members', 'addresses', 'name', 'roles'), tie('filter'), fc.constantFrom('', '.value', '.type'))
        .map(([a, f, sub]) => `${a}[${f}]${sub}`),
      text,
    ),
  }));
  const number = fc.oneof(fc.integer({ min: -5, max: 600 }).map(String), fc.constantFrom('', '1e3', '-0', '99999999999999999999', 'abc', '1.5'));
  const parameter = fc.oneof(
    filter.map((f) => ['filter', f]),
    fc.tuple(
      fc.constantFrom('attributes', 'excludedAttributes', 'sortBy'),
      fc.array(attribute, { maxLength: 3 }).map((a) => a.join(',')),
    ),
    fc.tuple(fc.constantFrom('startIndex', 'count', 'StartIndex'), number),
    fc.tuple(fc.constantFrom('sortOrder'), fc.constantFrom('ascending', 'descending', 'up', '')),
    fc.tuple(ascii, text),
  );
  const query = fc
    .array(parameter, { maxLength: 4 })
    .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`));

  // Mostly an id of the kind the path serves, so that writes get past 404 to the database.
  const idFor = (base: string) =>
    fc.oneof(
      { weight: 6, arbitrary: live(base === '/Groups/' ? 'group' : 'user') },
      { weight: 1, arbitrary: known },
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: text.map(encodeURIComponent) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('%00', '%zz', '%ed%a0%80', '..', '.', '%2e%2e', 'User', 'Group', encodeURIComponent(USER), 'me', `${live.at('user', 0)}/x`),
      },
    );
  // A path of the route table with a method it serves, mostly; any method anywhere sometimes.
  const anyMethod = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD');
  const served = (methods: string[]) => fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...methods) }, { weight: 1, arbitrary: anyMethod });
  const route: fc.Arbitrary<[string, string]> = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom('/Users', '/Groups'), served(['GET', 'GET', 'POST'])) },
    {
      weight: 6,
      arbitrary: fc.tuple(
        fc.constantFrom('/Users/', '/Groups/').chain((base) => idFor(base).map((i) => base + i)),
        served(['GET', 'PUT', 'PUT', 'PATCH', 'PATCH', 'PATCH', 'DELETE']),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom('/ServiceProviderConfig', '/ResourceTypes', '/ResourceTypes/User', '/Schemas', `/Schemas/${USER}`, '/Bulk', '/.search', ''),
        served(['GET']),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom('/ResourceTypes/', '/Schemas/', '/').chain((base) => idFor(base).map((i) => base + i)),
        served(['GET']),
      ),
    },
  );
  const headers = fc
    .record(
      {
        'Content-Type': fc.oneof(
          {
            weight: 8,
            arbitrary: fc.constantFrom('application/scim+json', 'application/json', 'application/scim+json; charset=utf-8', 'APPLICATION/SCIM+JSON'),
          },
          { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', '') },
        ),
        // Now and then: most versions sent are stale, and a 412 ends the request before its write.
        'If-Match': fc.oneof(
          { weight: 3, arbitrary: fc.constant(undefined) },
          {
            weight: 1,
            arbitrary: fc.oneof(
              fc.constantFrom('*', 'W/"1"', '"1"', 'W/"2", W/"3"', 'W/"999999999999999999999"', ''),
              ascii.filter((s) => /^[\x20-\x7e]*$/.test(s)),
            ),
          },
        ),
        Accept: fc.constantFrom('application/scim+json', 'application/json', 'text/html', '*/*'),
      },
      { requiredKeys: ['Content-Type', 'If-Match'] },
    )
    .map((all) => Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined)));

  return fc
    .record({ route, query, slash: fc.constantFrom('', '', '', '/'), headers, body: fc.option(body, { freq: 6 }) })
    .map(({ route: [path, method], query, slash, headers, body }): FuzzRequest => ({
      method,
      path: path + slash + query,
      headers,
      body: method === 'GET' || !body ? null : body(method, path),
    }));
}

test('random requests to every endpoint get well-formed SCIM answers, never a 5xx', async ({ tenant }) => {
  test.setTimeout(60_000 + (REQUESTS / PER_SECOND) * 2_000);
  // Patient: the fuzzer spends the tenant's budget.
  const scim = scimClient(tenant.subdomain, tenant.token, { patient: true });
  const create = async (path: string, body: object) => {
    const created = await scim.post(path, body);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    return created.json.id as string;
  };
  const ids = new LiveIds();
  await ids.restock(create);
  const host = `${tenant.subdomain}.localhost:${E2E_PORT}`;
  const pace = pacer();
  const statuses = new Map<number, number>();
  let sent = 0;
  let writes = 0;

  const started = performance.now();
  const result = await fc.check(
    fc.asyncProperty(fc.array(arbitraries(), { minLength: IN_FLIGHT, maxLength: IN_FLIGHT }), async (batch) => {
      const requests: FuzzRequest[] = [];
      const answers = await Promise.all(
        batch.map(async (generated, i) => {
          await pace();
          sent++;
          const request = (requests[i] = {
            ...generated,
            path: ids.resolve(generated.path),
            body: generated.body && Buffer.from(ids.resolve(generated.body.toString('latin1')), 'latin1'),
          });
          const answer = await sendRaw(host, tenant.token, request);
          ids.learn(request, answer);
          return answer;
        }),
      );
      for (const [i, answer] of answers.entries()) {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status < 300 && !['GET', 'HEAD'].includes(requests[i].method)) writes++;
        const problem = malformation(requests[i].method, answer);
        if (problem) throw new Error(`${requests[i].method} ${requests[i].path} → ${problem}: ${answer.body.toString('utf8').slice(0, 300)}`);
        if (answer.status === 429) await sleep(Number(answer.headers['retry-after']) * 1_000);
      }
      await ids.restock(create);
    }),
    { seed: SEED, numRuns: Math.ceil(REQUESTS / IN_FLIGHT), endOnFailure: false },
  );
  const seconds = ((performance.now() - started) / 1_000).toFixed(1);
  console.log(
    `SCIM fuzz: seed ${SEED}, ${sent} requests in ${seconds} s, ${writes} of them successful writes, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
  );
  if (result.failed) console.log(fc.defaultReportMessage(result));
  expect(result.failed, fc.defaultReportMessage(result)).toBe(false);
});
