import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { isUuid } from '../db';

// The ID token of a Microsoft sign-in: its checks beyond oauth4webapi's, and
// the identity the rest of the app reads from its claims.

export interface EntraSettings {
  clientId: string;
  clientSecret: string;
  /** e.g. https://login.microsoftonline.com/{tid}/v2.0 */
  issuerTemplate: string;
}

export interface EntraIdentity {
  tid: string;
  /** The object id: immutable, the only claim a person is bound by. */
  oid: string;
  /** preferred_username: the UPN, which SCIM provisions as userName. Mutable and reusable: shown, never matched on. */
  userName: string;
  /** Only with a mailbox; anyone's address unless `emailVerified`. */
  email: string | null;
  /** `xms_edov`: the email's domain is verified by the directory that issued the token. */
  emailVerified: boolean;
  /** `wids`: the person's directory role template ids (entra-ids.ts). */
  directoryRoles: string[];
  name: string;
}

/** A directory's authority (https://login.microsoftonline.com/{tid}) from its issuer (…/{tid}/v2.0). */
export const authorityOf = (issuer: string) => issuer.replace(/\/v2\.0$/, '');

/** The issuer a directory's tokens must carry; a malformed `tid` gets one no token can match. */
export function issuerFor(template: string, tid: unknown): string {
  return typeof tid === 'string' && isUuid(tid) ? template.replace('{tid}', tid.toLowerCase()) : 'urn:invalid-tenant';
}

const keySets = new Map<string, JWTVerifyGetKey>();

function keysOf(issuer: string): JWTVerifyGetKey {
  // Entra publishes a directory's keys at …/{tid}/discovery/v2.0/keys.
  const url = `${authorityOf(issuer)}/discovery/v2.0/keys`;
  let keys = keySets.get(url);
  if (!keys) {
    if (keySets.size > 1_000) keySets.clear();
    keys = createRemoteJWKSet(new URL(url));
    keySets.set(url, keys);
  }
  return keys;
}

/**
 * The ID token's signature, by its directory's own published keys, and its
 * issuer and audience. oauth4webapi checks none of the signature (it trusts
 * the TLS of the token endpoint), so this is the one check that stands
 * between us and a token signed by anyone. RS256 only: Entra signs nothing
 * else, and a key set that someday also held another kind of key must not
 * let a token choose it.
 */
export async function verifyIdToken(idToken: string, tid: unknown, settings: Pick<EntraSettings, 'issuerTemplate' | 'clientId'>): Promise<void> {
  const issuer = issuerFor(settings.issuerTemplate, tid);
  await jwtVerify(idToken, keysOf(issuer), { issuer, audience: settings.clientId, algorithms: ['RS256'] });
}

/** The identity of a signed-in Auth.js profile, as the rest of the app needs it. */
export function identityOf(profile: Record<string, unknown>): EntraIdentity | null {
  const { tid, oid, preferred_username: userName, email, name, xms_edov: edov, wids } = profile;
  if (typeof tid !== 'string' || !isUuid(tid) || typeof oid !== 'string' || !isUuid(oid) || typeof userName !== 'string') return null;
  return {
    tid: tid.toLowerCase(),
    oid: oid.toLowerCase(),
    userName,
    email: typeof email === 'string' && email ? email : null,
    // Entra sends it as a boolean, or as "1"/"true" in some token versions.
    emailVerified: edov === true || edov === 1 || edov === '1' || edov === 'true',
    directoryRoles: Array.isArray(wids) ? wids.filter((w): w is string => typeof w === 'string').map((w) => w.toLowerCase()) : [],
    name: typeof name === 'string' ? name : userName,
  };
}
