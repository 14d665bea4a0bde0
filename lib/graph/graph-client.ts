import { setTimeout as sleep } from 'node:timers/promises';
import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { getConfig } from '../config';
import { isUuid } from '../db';

// The app's own calls to Microsoft Graph, with its client credentials (MSAL)
// in one directory: application permissions an admin of that directory
// consented to (docs/sign-in.md names them).

/** Directories whose MSAL client (and with it its token cache) is kept. */
const KEPT_CLIENTS = 1_000;

// One MSAL client per directory and settings: MSAL caches the app's token in
// the client, so a new client per call would ask Microsoft every time.
const clients = new Map<string, ConfidentialClientApplication>();

function clientFor(tid: string, clientId: string, clientSecret: string, authorityTemplate: string): ConfidentialClientApplication {
  const authority = authorityTemplate.replace('{tid}', tid);
  const key = JSON.stringify([authority, clientId, clientSecret]);
  let client = clients.get(key);
  if (!client) {
    if (clients.size >= KEPT_CLIENTS) clients.delete(clients.keys().next().value!);
    client = new ConfidentialClientApplication({
      // A known authority: MSAL reads its metadata from it instead of asking Microsoft's instance discovery.
      auth: { clientId, clientSecret, authority, knownAuthorities: [new URL(authority).host] },
      system: { loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => {} } },
    });
    clients.set(key, client);
  }
  return client;
}

async function graphToken(tid: string, skipCache: boolean): Promise<string | null> {
  const { AUTH_MICROSOFT_ENTRA_ID_ID: clientId, AUTH_MICROSOFT_ENTRA_ID_SECRET: clientSecret, GRAPH_AUTHORITY, GRAPH_SCOPE } = getConfig();
  if (!clientId || !clientSecret) return null;
  // GRAPH_SCOPE: Graph's resource id for the cloud GRAPH_URL is in (README, Configuration).
  const result = await clientFor(tid, clientId, clientSecret, GRAPH_AUTHORITY).acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE], skipCache });
  return result?.accessToken ?? null;
}

/** Graph said 429 and asked for a wait longer than the caller allows. */
export class GraphThrottled extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Microsoft Graph is throttling requests (retry after ${Math.ceil(retryAfterMs / 1000)} s)`);
    this.name = 'GraphThrottled';
  }
}

export interface GraphGetOptions {
  timeoutMs: number;
  /** The longest wait a 429's Retry-After may ask for before GraphThrottled is thrown instead. */
  maxWaitMs?: number;
  /** Called for each 429, for the caller's figures. */
  onThrottled?: (retryAfterMs: number) => void;
  /** Ends the request and any wait at once (the server is stopping). */
  signal?: AbortSignal;
}

/** Retry-After in seconds (Graph's form) or as a date; Graph's advice without one is to back off, so 1 s then. */
function retryAfterMs(response: Response): number {
  const value = response.headers.get('retry-after');
  const seconds = Number(value);
  if (value && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = value ? Date.parse(value) : NaN;
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 1_000;
}

/**
 * GET `path` of Graph in directory `tid` with the app's token, or null when
 * the app has no credentials. Waits out 429s as Retry-After says (up to
 * maxWaitMs each), as Microsoft's throttling guidance asks:
 * https://learn.microsoft.com/graph/throttling
 */
export async function graphGet(tid: string, path: string, options: GraphGetOptions): Promise<Response | null> {
  if (!isUuid(tid)) return null;
  let refreshed = false;
  let skipCache = false;
  for (;;) {
    const token = await graphToken(tid, skipCache);
    skipCache = false;
    if (!token) return null;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const response = await fetch(`${getConfig().GRAPH_URL}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: options.signal ? AbortSignal.any([timeout, options.signal]) : timeout,
    });
    // A cached token predates any consent granted since (and may have expired early): a refusal is final only with a new one.
    if ((response.status === 401 || response.status === 403) && !refreshed) {
      await response.body?.cancel();
      refreshed = skipCache = true;
      continue;
    }
    if (response.status !== 429) return response;
    await response.body?.cancel();
    const wait = retryAfterMs(response);
    options.onThrottled?.(wait);
    if (wait > (options.maxWaitMs ?? 0)) throw new GraphThrottled(wait);
    await sleep(wait, undefined, { signal: options.signal });
  }
}
