import type { IncomingMessage } from 'node:http';

// Who sent a request, decided once as it arrives, for rate limits and the
// audit trail. Behind proxies we run (TRUSTED_PROXY_HOPS: the load balancer,
// nginx), each appends the address it heard from to X-Forwarded-For, so the
// client is the entry that many hops from the right, the socket being the
// last hop. Anything further left was written by the client and proves
// nothing: trusting it would let a guesser pick a fresh address per request.

/** The request header that carries the decided address to Next's pages and actions and to SCIM. */
export const CLIENT_ADDRESS_HEADER = 'x-orgwiki-client-address';

/** `::ffff:192.0.2.1` is 192.0.2.1 arriving on an IPv6 socket; one client, one key. */
function plain(address: string): string {
  return address
    .trim()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
    .slice(0, 64);
}

export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trustedHops: number): string {
  const hops = [...(forwardedFor?.split(',') ?? []), socketAddress ?? 'unknown'].map(plain).filter(Boolean);
  return hops[Math.max(0, hops.length - 1 - trustedHops)] ?? 'unknown';
}

/** Overwrites whatever the client sent in CLIENT_ADDRESS_HEADER with the address decided here. */
export function stampClientAddress(req: IncomingMessage, trustedHops: number): void {
  const forwarded = req.headers['x-forwarded-for'];
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trustedHops);
}
