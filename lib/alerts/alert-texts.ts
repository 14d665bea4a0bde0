import type { AlertKind } from '../db';
import { formatUtc } from '../format-time';

// What each alert says: what happened, what to do, and the console page that
// shows more. `key` names the condition and its period: one alert per key and
// tenant is ever written (the Alert table's unique key), so a condition still
// true at the next check sends nothing new.

export interface NewAlert {
  key: string;
  kind: AlertKind;
  subject: string;
  body: string;
  /** A path on the tenant's site. */
  link: string;
}

export interface AlertFacts {
  now: Date;
  /** Active tokens that expire. */
  tokens: { id: string; name: string; account: string; expiresAt: Date }[];
  /** The last request with an active token, if Entra ever called. */
  lastRequestAt: Date | null;
  /** Requests and failures over the last hour. */
  lastHour: { requests: number; failures: number };
  silenceHours: number;
  failurePercent: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The warnings before a token expires, in days; each is sent once, the nearest one reached. */
const EXPIRY_WARNINGS = [1, 7, 30] as const;
/** Fewer requests than this in an hour are too few to judge a failure rate by. */
export const FAILURE_RATE_MIN_REQUESTS = 20;
/** A failing Entra is reported at most once in this many hours. */
const FAILURE_PERIOD_HOURS = 6;

const SERVICE_ACCOUNTS = '/admin/settings/service-accounts';
const PROVISIONING = '/admin/provisioning';
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

const ROTATE = `To rotate without an outage:
1. Admin Console → Settings → Service Accounts → Manage tokens → Generate token.
2. In the Microsoft Entra admin center: Enterprise applications → TheOrgWiki → Provisioning → Admin Credentials:
   paste it as the Secret Token, press Test Connection, then Save.
3. When the old token's "last used" stops moving, revoke it.`;

function tokenExpiring(token: AlertFacts['tokens'][number], now: Date): NewAlert | null {
  const left = token.expiresAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const daysLeft = Math.ceil(left / DAY_MS);
  const warning = EXPIRY_WARNINGS.find((w) => daysLeft <= w);
  if (!warning) return null;
  return {
    key: `token-expiry:${token.id}:${warning}`,
    kind: 'token_expiring',
    subject: `Token “${token.name}” expires in ${days(daysLeft)}`,
    body: `The SCIM token “${token.name}” of service account ${token.account} expires on ${formatUtc(token.expiresAt)}.
When it has expired, Microsoft Entra ID's requests are refused, provisioning stops, and Entra puts the job in quarantine.

${ROTATE}`,
    link: SERVICE_ACCOUNTS,
  };
}

function silent(facts: AlertFacts): NewAlert | null {
  if (!facts.lastRequestAt) return null;
  const quietMs = facts.now.getTime() - facts.lastRequestAt.getTime();
  if (quietMs <= facts.silenceHours * HOUR_MS) return null;
  return {
    // One per silence: when Entra calls again and then stops, its last request is another.
    key: `silent:${facts.lastRequestAt.toISOString()}`,
    kind: 'silent',
    subject: `Microsoft Entra ID has sent nothing for over ${Math.floor(quietMs / HOUR_MS)} hours`,
    body: `The last request from Microsoft Entra ID arrived ${formatUtc(facts.lastRequestAt)}. Entra provisions about every 40 minutes, so it has stopped.
New people, changes and leavers are not reaching TheOrgWiki meanwhile.

What to do: in the Microsoft Entra admin center, open Enterprise applications → TheOrgWiki → Provisioning.
- Is provisioning On? Someone may have stopped it.
- Is the job in quarantine? Its message says why (often a token that expired or was revoked); fix that, then Restart provisioning.`,
    link: PROVISIONING,
  };
}

function failing(facts: AlertFacts): NewAlert | null {
  const { requests, failures } = facts.lastHour;
  if (requests < FAILURE_RATE_MIN_REQUESTS || failures * 100 < facts.failurePercent * requests) return null;
  const percent = Math.round((100 * failures) / requests);
  const hour = facts.now.getUTCHours();
  const period = `${facts.now.toISOString().slice(0, 10)}T${String(hour - (hour % FAILURE_PERIOD_HOURS)).padStart(2, '0')}`;
  return {
    key: `failures:${period}`,
    kind: 'failure_rate',
    subject: `${percent}% of Microsoft Entra ID's requests failed in the last hour`,
    body: `${failures} of the ${requests} requests from Microsoft Entra ID in the last hour failed (${percent}%; alerts start at ${facts.failurePercent}%).
Entra puts a provisioning job in quarantine when about 40% of its requests fail.

What to do: open the provisioning log filtered to failures; each says what was refused and why.
401 means the token is wrong, expired or revoked (generate a new one and paste it into Entra); 400 means Entra sent
something TheOrgWiki cannot accept (the log shows the attribute); 5xx means TheOrgWiki failed (contact support).`,
    link: `${PROVISIONING}?outcome=failure`,
  };
}

/** The alerts the facts call for now (each then written at most once). */
export function dueAlerts(facts: AlertFacts): NewAlert[] {
  return [...facts.tokens.map((t) => tokenExpiring(t, facts.now)), silent(facts), failing(facts)].filter((a): a is NewAlert => a !== null);
}

/** A token made or revoked: admins hear of it, so a token nobody expected does not go unnoticed. */
export function tokenChanged(change: 'created' | 'revoked', token: { id: string; name: string; account: string }, by: string, at: Date): NewAlert {
  return {
    key: `token-${change}:${token.id}`,
    kind: change === 'created' ? 'token_created' : 'token_revoked',
    subject: `${by} ${change} token “${token.name}”`,
    body:
      change === 'created'
        ? `${by} created the SCIM token “${token.name}” of service account ${token.account} at ${formatUtc(at)}.
Whoever holds it can create, change and delete people and groups in TheOrgWiki.
If nobody meant to, revoke it: Admin Console → Settings → Service Accounts → Manage tokens → Revoke.`
        : `${by} revoked the SCIM token “${token.name}” of service account ${token.account} at ${formatUtc(at)}.
Requests with it are refused from now on. If Microsoft Entra ID still uses it, provisioning stops: paste an active token into Entra.`,
    link: SERVICE_ACCOUNTS,
  };
}

/** A service account deleted: its tokens stop working at once. */
export function accountDeleted(account: { id: string; name: string }, by: string, at: Date): NewAlert {
  return {
    key: `account-deleted:${account.id}`,
    kind: 'token_revoked',
    subject: `${by} deleted service account ${account.name} and its tokens`,
    body: `${by} deleted the service account ${account.name} at ${formatUtc(at)}, and with it every token it had.
Requests with those tokens are refused from now on. If Microsoft Entra ID still uses one, provisioning stops: paste an active token into Entra.`,
    link: SERVICE_ACCOUNTS,
  };
}
