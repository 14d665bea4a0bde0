import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { getConfig } from '../config';
import { isUuid } from '../db';
import { log } from '../log/log';

// The app's own calls to Microsoft Graph, with its client credentials (MSAL),
// in the directory of whoever is signing up. Nothing here may fail a page: a
// Graph that is slow, down or not consented to answers null, and the caller
// carries on without the value.

const TIMEOUT_MS = 3_000;
/** Directories whose MSAL client (and with it its token cache) is kept; sign-ups are rare, so this never fills in practice. */
const KEPT_CLIENTS = 1_000;

// One MSAL client per directory and settings: MSAL caches the app's token in
// the client, so a new client per call would ask Microsoft every time.
const clients = new Map<string, ConfidentialClientApplication>();
// Directories whose last token Graph refused (no admin consent yet): the
// cached token predates any consent since, so the next call asks afresh.
const refused = new Set<string>();

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

async function graphToken(tid: string): Promise<string | null> {
  const { AUTH_MICROSOFT_ENTRA_ID_ID: clientId, AUTH_MICROSOFT_ENTRA_ID_SECRET: clientSecret, GRAPH_AUTHORITY, GRAPH_SCOPE } = getConfig();
  if (!clientId || !clientSecret) return null;
  // GRAPH_SCOPE: Graph's resource id for the cloud GRAPH_URL is in (README, Configuration).
  const skipCache = refused.delete(tid);
  const result = await clientFor(tid, clientId, clientSecret, GRAPH_AUTHORITY).acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE], skipCache });
  return result?.accessToken ?? null;
}

/** The directory's display name from Graph (GET /v1.0/organization), or null. */
export async function organizationName(tid: string): Promise<string | null> {
  if (!isUuid(tid)) return null;
  try {
    const work = (async () => {
      const token = await graphToken(tid);
      if (!token) return null;
      const response = await fetch(`${getConfig().GRAPH_URL}/v1.0/organization?$select=displayName`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.status === 403) {
        if (refused.size >= KEPT_CLIENTS) refused.clear();
        refused.add(tid);
      }
      if (!response.ok) return null;
      const body = (await response.json()) as { value?: { displayName?: unknown }[] };
      const name = body.value?.[0]?.displayName;
      return typeof name === 'string' && name.trim() ? name.trim() : null;
    })();
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), TIMEOUT_MS).unref());
    return await Promise.race([work, timeout]);
  } catch (error) {
    log.warn({ tid, err: error }, 'graph: no organization name');
    return null;
  }
}
