import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeEach, expect, test as base, vi } from 'vitest';
import { log } from '../../lib/log/log';
import { CLIENT_ADDRESS_HEADER } from '../../lib/security/client-address';
import { handleScimRequest } from '../../lib/scim/handle-request';
import type { ScimRequest } from '../../lib/scim/http';
import { MAX_BODY_BYTES } from '../../lib/scim/limits';
import { flushProvisioningLog } from '../../lib/scim/provisioning-log-queue';
import { closeScimLimiters } from '../../lib/scim/rate-limit';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { SCIM_BASE_PATH } from '../../lib/tenancy/routing';
import { createServiceAccountToken } from '../../lib/tokens/create-service-account-token';
import { withTestDatabase } from './database';

// SCIM without the network: requests go straight to handleScimRequest, the
// function lib/server hands every SCIM request to, on the test file's own
// database. The protocol specs (tests/scim/protocol/) run here, in
// milliseconds a request; what needs real sockets (concurrency, rate limits,
// tokens across instances, headers on the wire, shutdown) stays in e2e/scim/.
//
// As on the tests' server, an error-level log line fails the test that caused
// it unless the test declared it first with expectServerErrors().

const ROOT_DOMAIN = 'localhost:3999';
const SYSTEM = { type: 'system', label: 'scim harness' } as const;

export interface ScimResponse {
  status: number;
  /** Lower-case header names, as Node's HTTP client gives them. */
  headers: Record<string, string>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON
  json: any;
}

/** A random address of the benchmarking range 198.18.0.0/15, so that bad tokens never add up on one address. */
const randomClientAddress = () => `198.${18 + (randomBytes(1)[0] & 1)}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

/** One request, as lib/server/scim-bridge.ts would hand it over: the body cut one byte past the limit. */
export async function scimRequest(options: {
  subdomain: string;
  method: string;
  path: string;
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}): Promise<ScimResponse> {
  // Bytes go as they are (invalid UTF-8 included); anything else as JSON, as e2e/support/scim-client.ts sends it.
  const payload =
    options.body === undefined || Buffer.isBuffer(options.body) ? options.body : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers = new Map<string, string>(
    Object.entries({
      host: `${options.subdomain}.${ROOT_DOMAIN}`,
      [CLIENT_ADDRESS_HEADER]: randomClientAddress(),
      ...(payload !== undefined ? { 'content-type': 'application/scim+json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    }).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const bytes = payload === undefined ? null : Buffer.isBuffer(payload) ? payload : Buffer.from(payload as string, 'utf8');
  const request: ScimRequest = {
    method: options.method,
    url: new URL(`http://scim.internal${SCIM_BASE_PATH}${options.path}`),
    header: (name) => headers.get(name) ?? null,
    body: bytes && bytes.length > 0 ? bytes.subarray(0, MAX_BODY_BYTES + 1) : null,
    aborted: () => false,
  };
  const reply = await handleScimRequest(request, ROOT_DOMAIN);
  const text = reply.body ?? '';
  return {
    status: reply.status,
    headers: Object.fromEntries(Object.entries(reply.headers).map(([name, value]) => [name.toLowerCase(), value])),
    text,
    json: text ? JSON.parse(text) : null,
  };
}

/**
 * A client bound to one tenant and token, with the methods of
 * e2e/support/scim-client.ts. A `patient` one waits out 429s as Entra does,
 * for specs that send more a second than a tenant may and are about something else.
 */
export function scimClient(subdomain: string, token: string, options: { patient?: boolean } = {}) {
  const call = (method: string) => async (path: string, body?: unknown, headers?: Record<string, string>) => {
    for (;;) {
      const response = await scimRequest({ subdomain, method, path, token, body, headers });
      if (response.status !== 429 || !options.patient) return response;
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers['retry-after'] ?? 1) * 1_000));
    }
  };
  return { get: call('GET'), post: call('POST'), put: call('PUT'), patch: call('PATCH'), delete: call('DELETE') };
}

export interface ScimTenant {
  subdomain: string;
  token: string;
  scim: ReturnType<typeof scimClient>;
}

/** A new tenant and a token of its Entra service account, on the file's database. */
export async function createScimTenant(): Promise<ScimTenant> {
  const subdomain = `scim-${randomBytes(4).toString('hex')}`;
  const tenant = await createTenant({ subdomain, displayName: `SCIM test ${subdomain}` });
  const { token } = await createServiceAccountToken(tenant.id, { serviceAccountName: 'Microsoft Entra provisioning', tokenName: 'entra' }, SYSTEM);
  return { subdomain, token, scim: scimClient(subdomain, token) };
}

let declared: RegExp[] = [];

/** Declares error lines the test is about to cause on purpose, as e2e/support/test.ts does for the shared server. */
export function expectServerErrors(...patterns: RegExp[]): void {
  declared.push(...patterns);
}

/**
 * For a spec file: its own database, and the log guard. Call at the top of
 * the file; the provisioning log is written and the limiters closed before
 * the database goes.
 */
export function useScimHarness(): void {
  withTestDatabase();
  let errors: { mock: { calls: unknown[][] }; mockRestore(): void };
  beforeEach(() => {
    declared = [];
    errors = vi.spyOn(log, 'error');
  });
  afterEach(() => {
    const lines = errors.mock.calls.map((args) => args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    errors.mockRestore();
    const unexpected = lines.filter((line) => !declared.some((pattern) => pattern.test(line)));
    expect(unexpected, 'error lines no test declared').toEqual([]);
  });
  afterAll(async () => {
    await flushProvisioningLog();
    await closeScimLimiters();
  });
}

/** `test` with a fresh tenant of its own for each test, as e2e/support/scim-fixtures.ts gives the browser specs. */
export const test = base.extend<{ tenant: ScimTenant }>({
  tenant: async ({}, use) => {
    await use(await createScimTenant());
  },
});

export { expect };
