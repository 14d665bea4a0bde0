import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { getConfig } from '../config';
import { isUuid } from '../db';
import { log } from '../ops/log';

// The app's own calls to Microsoft Graph, with its client credentials (MSAL),
// in the directory of whoever is signing up. Nothing here may fail a page: a
// Graph that is slow, down or not consented to answers null, and the caller
// carries on without the value.

const TIMEOUT_MS = 3_000;

async function graphToken(tid: string): Promise<string | null> {
  const { AUTH_MICROSOFT_ENTRA_ID_ID: clientId, AUTH_MICROSOFT_ENTRA_ID_SECRET: clientSecret, GRAPH_AUTHORITY } = getConfig();
  if (!clientId || !clientSecret) return null;
  const authority = GRAPH_AUTHORITY.replace('{tid}', tid);
  const app = new ConfidentialClientApplication({
    // A known authority: MSAL reads its metadata from it instead of asking Microsoft's instance discovery.
    auth: { clientId, clientSecret, authority, knownAuthorities: [new URL(authority).host] },
    system: { loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => {} } },
  });
  // Graph's resource id, wherever GRAPH_URL points (a national cloud, or the local stand-in).
  const result = await app.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
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
