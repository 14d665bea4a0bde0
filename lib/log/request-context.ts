import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

// The request being served, for whatever code runs on its behalf (the SCIM
// handler, Next's routes, the audit queue): every log line written meanwhile
// names its request id without anyone passing it down.

export interface RequestContext {
  requestId: string;
}

// On globalThis because Next's bundle loads its own copy of this module in the
// same process, and its routes must see the context the HTTP server set.
const globalForContext = globalThis as unknown as { orgwikiRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext.orgwikiRequestContext ??= new AsyncLocalStorage<RequestContext>());

/**
 * A load balancer's or client's id is kept so that their logs and ours can be
 * joined; anything else (too long, spaces, quotes, control characters) could
 * forge or break log lines, so it is replaced.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:/+=-]{1,128}$/;

/** The id of a request: its sane X-Request-Id header, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

export function runInRequest<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

/** The request this code runs for; undefined outside one (start-up, timers set outside a request). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
