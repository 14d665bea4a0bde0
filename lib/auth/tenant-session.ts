import { randomBytes } from 'node:crypto';
import { getConfig } from '../config';
import { isUuid, tenantDb, type Tenant, type User } from '../db';
import { hashToken } from '../tokens/token-secret';
import { mayEnterUnprovisioned } from './admission';

// Sessions on a tenant's own host. The apex, having signed a person in,
// issues a one-time ticket (a Session row not yet activated) and sends the
// browser to the tenant's host with it; the tenant's host redeems it for the
// session token that its host-only cookie holds. So a session is one tenant's
// and no other's: the cookie never reaches another host, and every lookup is
// pinned to the tenant. Only hashes are stored.
//
// A ticket is bound to the browser that asked for it: the tenant's host set
// a random binding cookie when sign-in started (/auth/start), the apex issues
// a ticket only to a browser that proves it set out with that binding
// (lib/auth/apex-binding.ts), and the ticket records the binding's hash. Only
// a browser holding that cookie can redeem it; any other redemption burns the
// ticket, so a ticket link sent to someone else signs nobody in, then or later.
//
// A session token is the person's id, a dot, and 32 random bytes. The id is
// for after the session is gone: deactivating a person over SCIM deletes their
// sessions (lib/db/scim/users.ts), and the sign-in page can then still tell
// the cookie's holder why they were signed out (signedOutByDeactivation).

export const SESSION_COOKIE = 'orgwiki_session';
export const BINDING_COOKIE = 'orgwiki_signin';
const BINDING = /^[A-Za-z0-9_-]{43}$/;

/** A fresh binding secret for a browser that starts signing in. */
export const newBinding = () => randomBytes(32).toString('base64url');
export const isBinding = (value: unknown): value is string => typeof value === 'string' && BINDING.test(value);
const TICKET_MS = 60_000;
export const SESSION_MS = 7 * 24 * 60 * 60 * 1000;
/** How stale lastSeenAt may get before a request writes it again. */
const SEEN_WRITE_MS = 60_000;
/** A tenant counts as kept up to date by SCIM while one of its live tokens was used this recently (Entra's cycle is about 40 minutes). */
const SCIM_CONNECTED_MS = 24 * 60 * 60 * 1000;

const newSecret = () => randomBytes(32).toString('base64url');

/** A ticket that `redeemSignInTicket` accepts once, within a minute, on this tenant only, from the browser holding `binding`. */
export async function issueSignInTicket(tenantId: string, userId: string, binding: string): Promise<string> {
  const ticket = newSecret();
  const db = tenantDb(tenantId);
  // The person's expired sessions and tickets go now, so that rows do not pile up.
  await db.session.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } });
  await db.session.create({
    data: { tenantId, userId, tokenHash: hashToken(ticket), bindingHash: hashToken(binding), expiresAt: new Date(Date.now() + TICKET_MS) },
  });
  return ticket;
}

/** The new session's token and expiry, or null for an unknown, used or expired ticket, or another browser's (which burns it). */
export async function redeemSignInTicket(tenantId: string, ticket: string, binding: string | undefined): Promise<{ token: string; expiresAt: Date } | null> {
  const db = tenantDb(tenantId);
  const now = new Date();
  const pending = await db.session.findFirst({
    where: { tokenHash: hashToken(ticket), activatedAt: null },
    select: { id: true, userId: true, bindingHash: true, expiresAt: true },
  });
  if (!pending) return null;
  if (!isBinding(binding) || pending.bindingHash !== hashToken(binding) || pending.expiresAt <= now) {
    await db.session.deleteMany({ where: { id: pending.id, activatedAt: null } });
    return null;
  }
  const token = `${pending.userId}.${newSecret()}`;
  const expiresAt = new Date(now.getTime() + SESSION_MS);
  // One conditional update: of two requests with the same ticket, one wins.
  const { count } = await db.session.updateMany({
    where: { id: pending.id, activatedAt: null },
    data: { tokenHash: hashToken(token), bindingHash: null, activatedAt: now, lastSeenAt: now, expiresAt },
  });
  return count === 1 ? { token, expiresAt } : null;
}

/** Whether SCIM keeps the tenant's people up to date, so that someone disabled in Entra is out within a cycle. */
async function scimConnected(tenantId: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - SCIM_CONNECTED_MS);
  const live = await tenantDb(tenantId).apiToken.count({
    where: { revokedAt: null, lastUsedAt: { gt: since }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    take: 1,
  });
  return live > 0;
}

/**
 * Whether a session idle since `lastSeen` is still good. Only a tenant that
 * SCIM does not keep up to date has an idle limit: there, someone disabled in
 * Entra would otherwise keep their session for its whole week.
 */
async function withinIdleLimit(tenantId: string, lastSeen: Date, now: Date): Promise<boolean> {
  const idleMs = getConfig().SESSION_IDLE_MINUTES_WITHOUT_SCIM * 60_000;
  return now.getTime() - lastSeen.getTime() <= idleMs || (await scimConnected(tenantId, now));
}

/**
 * The signed-in person behind a session token, if the session is live, the
 * person still active, and (for someone SCIM did not provision) the tenant's
 * sign-in policy still lets them in.
 */
export async function findSessionUser(tenant: Pick<Tenant, 'id' | 'signInPolicy'>, token: string): Promise<User | null> {
  const db = tenantDb(tenant.id);
  const now = new Date();
  const session = await db.session.findFirst({
    where: { tokenHash: hashToken(token), activatedAt: { not: null }, expiresAt: { gt: now } },
    include: { user: true },
  });
  if (!session) return null;
  const lastSeen = session.lastSeenAt ?? session.activatedAt!;
  if (!(await withinIdleLimit(tenant.id, lastSeen, now))) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - lastSeen.getTime() > SEEN_WRITE_MS) await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  const user = session.user;
  if (!user.active) return null;
  if (!user.provisioned && user.role !== 'admin' && !(await mayEnterUnprovisioned(tenant))) return null;
  return user;
}

/**
 * For a token that signs nobody in: whether the person it was issued to has
 * since been deactivated. Anyone can put any id in a cookie, so this tells
 * no more than whether the person of a known id is deactivated, which the
 * directory shows the tenant's members anyway ("Former people").
 */
export async function signedOutByDeactivation(tenantId: string, token: string): Promise<boolean> {
  const [userId] = token.split('.', 1);
  if (!isUuid(userId)) return false;
  const user = await tenantDb(tenantId).user.findFirst({ where: { id: userId }, select: { active: true } });
  return user?.active === false;
}

export async function endSession(tenantId: string, token: string): Promise<void> {
  await tenantDb(tenantId).session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
