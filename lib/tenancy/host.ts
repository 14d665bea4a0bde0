import { isValidSubdomain } from './subdomain';

// The one place that decides what a Host header means. Pure: no I/O, so the
// proxy can call it on every request and tests can cover every odd input.

export type HostTarget = { kind: 'apex' } | { kind: 'tenant'; subdomain: string } | { kind: 'unknown'; reason: string };

interface HostParts {
  hostname: string;
  port: string | null;
}

function splitHost(raw: string): HostParts | null {
  const value = raw.trim().toLowerCase();
  if (!value || /[\s/\\@?#]/.test(value)) return null;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end < 0) return null;
    const rest = value.slice(end + 1);
    if (rest && !/^:\d{1,5}$/.test(rest)) return null;
    return { hostname: value.slice(0, end + 1), port: rest ? rest.slice(1) : null };
  }
  const parts = value.split(':');
  if (parts.length > 2) return null;
  const [hostname, port] = parts;
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return null;
  // "acme.example.com." is the same name written fully qualified.
  return { hostname: hostname.replace(/\.$/, ''), port: port ?? null };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Classifies a Host header against ROOT_DOMAIN (e.g. `theorgwiki.com` or
 * `localhost:3000`). When the root names a port, the host must use that port.
 */
export function parseHost(host: string | null | undefined, rootDomain: string): HostTarget {
  const root = splitHost(rootDomain);
  if (!root) throw new Error(`Invalid root domain: ${rootDomain}`);
  const parts = host ? splitHost(host) : null;
  if (!parts || !parts.hostname) return { kind: 'unknown', reason: 'malformed host' };
  if (root.port && parts.port !== root.port) return { kind: 'unknown', reason: 'wrong port' };

  const { hostname } = parts;
  if (hostname === root.hostname) return { kind: 'apex' };
  if (hostname.startsWith('[') || IPV4.test(hostname)) return { kind: 'unknown', reason: 'ip address' };

  const suffix = `.${root.hostname}`;
  if (!hostname.endsWith(suffix)) return { kind: 'unknown', reason: 'foreign domain' };
  const label = hostname.slice(0, -suffix.length);
  if (label.includes('.')) return { kind: 'unknown', reason: 'nested subdomain' };
  if (!isValidSubdomain(label)) return { kind: 'unknown', reason: 'invalid or reserved subdomain' };
  return { kind: 'tenant', subdomain: label };
}

/** The public origin of the apex or of one tenant, e.g. https://acme.theorgwiki.com. */
export function siteOrigin(rootDomain: string, subdomain?: string): string {
  const host = subdomain ? `${subdomain}.${rootDomain}` : rootDomain;
  // Only local development runs without TLS (browsers treat *.localhost as secure anyway).
  const local = /^(?:[a-z0-9-]+\.)*localhost(?::\d+)?$/.test(rootDomain);
  return `${local ? 'http' : 'https'}://${host}`;
}
