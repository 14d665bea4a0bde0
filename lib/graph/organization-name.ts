import { log } from '../log/log';
import { graphGet } from './graph-client';

// The directory's name for a new tenant, at sign-up. Nothing here may fail a
// page: a Graph that is slow, down or not consented to answers null, and the
// caller carries on without the value.

const TIMEOUT_MS = 3_000;

/** The directory's display name from Graph (GET /v1.0/organization), or null. */
export async function organizationName(tid: string): Promise<string | null> {
  try {
    const work = (async () => {
      const response = await graphGet(tid, '/v1.0/organization?$select=displayName', { timeoutMs: TIMEOUT_MS });
      if (!response?.ok) return null;
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
