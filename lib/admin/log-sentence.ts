import { STATUS_CODES } from 'node:http';

// The two logs read as sentences: "Entra created Quinn Okafor", "Hassan Müller
// revoked token Entra 2". One vocabulary for outcomes (Succeeded, or Failed
// with the HTTP status in words), and addresses as people read them.

export interface SentenceInput {
  actorType: string;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The target's name, where it could be found (a person, a group), else null. */
  targetName: string | null;
  details: Record<string, unknown>;
  status: number | null;
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);
/** The "after" of a change's "before → after", unquoted. */
const after = (value: unknown) => text(value)?.split(' → ').pop()?.replace(/^"|"$/g, '') ?? null;

function scimSentence(e: SentenceInput): string {
  const name = e.targetName ?? text(e.details.userName) ?? text(e.details.displayName);
  const person = name ?? 'a person no longer in the directory';
  const group = name ? `group ${name}` : 'a group no longer in the directory';
  const who = e.targetType === 'Group' || e.action.startsWith('scim.group.') ? group : person;
  switch (e.action) {
    case 'scim.user.create':
    case 'scim.group.create':
      return `Entra created ${who}`;
    case 'scim.user.patch':
    case 'scim.user.replace':
      if (after(e.details.active) === 'false') return `Entra deactivated ${who}`;
      if (after(e.details.active) === 'true' && 'active' in e.details && Object.keys(e.details).length === 1) return `Entra reactivated ${who}`;
      return `Entra updated ${who}`;
    case 'scim.group.patch':
    case 'scim.group.replace':
      return `Entra updated ${who}`;
    case 'scim.user.delete':
    case 'scim.group.delete':
      return `Entra deleted ${who}`;
  }
  // Reads, and changes that were refused (a refused change leaves no entry of its own).
  const subject = e.actorType === 'service_account' ? 'Entra' : 'A client without a valid token';
  if (e.details.testConnection === true) return `${subject} tested the connection`;
  const path = text(e.details.path) ?? '/';
  const collection = /^\/Groups/i.test(path) ? 'groups' : /^\/Users/i.test(path) ? 'people' : null;
  const one = e.targetId ? (e.targetName ?? (collection === 'groups' ? 'a group' : 'a person')) : null;
  const verb = {
    'scim.get': 'looked up',
    'scim.post': 'tried to create',
    'scim.put': 'tried to replace',
    'scim.patch': 'tried to update',
    'scim.delete': 'tried to delete',
  }[e.action];
  if (!verb) return `${subject} sent ${e.action.replace('scim.', '').toUpperCase()} ${path}`;
  if (e.action === 'scim.post') return `${subject} tried to create ${collection === 'groups' ? 'a group' : collection ? 'a person' : path}`;
  if (one) return `${subject} ${verb} ${one}`;
  if (collection) return `${subject} ${verb === 'looked up' ? 'searched' : verb} ${collection}`;
  return `${subject} read ${path}`;
}

function adminSentence(e: SentenceInput): string {
  const who = e.actorLabel;
  const name = text(e.details.name);
  switch (e.action) {
    case 'token.create':
      return `${who} created token ${name ?? ''} for ${text(e.details.serviceAccount) ?? 'a service account'}`;
    case 'token.revoke':
      return `${who} revoked token ${name ?? ''}`;
    case 'service_account.create':
      return `${who} created service account ${name ?? ''}`;
    case 'service_account.delete':
      return `${who} deleted service account ${name ?? ''} and its tokens`;
    case 'settings.update':
      return `${who} changed the settings`;
    case 'alerts.update':
      return `${who} changed who gets alerts, and when`;
    case 'member.role':
      return after(e.details.role) === 'admin'
        ? `${who} made ${e.targetName ?? text(e.details.person)} an admin`
        : `${who} made ${e.targetName ?? text(e.details.person)} a member`;
    case 'tenant.takeover':
      return `${who} took over the Admin Console as a directory admin`;
    case 'team.describe':
      return `${who} described team ${text(e.details.team) ?? ''}`;
    case 'photos.sync':
      return `${who} asked for photos to be synced now`;
    case 'template.create':
      return `${who} added the page template ${name ?? ''}`;
    case 'template.update':
      return `${who} changed the page template ${name ?? ''}`;
    case 'template.delete':
      return `${who} deleted the page template ${name ?? ''}`;
  }
  return `${who}: ${e.action}`;
}

/** What happened, as a sentence. */
export function logSentence(e: SentenceInput): string {
  return (e.action.startsWith('scim.') ? scimSentence(e) : adminSentence(e)).replace(/\s+/g, ' ').trim();
}

/** One vocabulary for both logs: a change or a read that worked succeeded; anything answered 400 or above failed. */
export function logOutcome(status: number | null): { ok: boolean; label: string } {
  if (status === null || status < 400) return { ok: true, label: 'Succeeded' };
  return { ok: false, label: `Failed: ${status} ${STATUS_CODES[status] ?? ''}`.trim() };
}

/** The address a request came from as people read it: this machine for loopback, IPv4 without its IPv6 wrapping. */
export function readableAddress(ip: string | null): string | null {
  if (!ip) return null;
  if (ip === '::1' || ip === '::ffff:127.0.0.1' || ip.startsWith('127.')) return 'this server (localhost)';
  return ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}
