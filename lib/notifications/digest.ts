import { getConfig } from '../config';
import { platformDb, tenantDb, whileLocked, type Tenant } from '../db';
import type { QueueDefinition } from '../jobs/queue';
import { mailAddress, NAME_COLUMNS } from '../directory/person-name';
import { log } from '../log/log';
import { mailEnabled, sendMail } from '../mail/mailer';
import { siteOrigin } from '../tenancy/host';
import { notificationHref, notificationSentence } from './inbox';

// The opt-in daily digest: one email a day to each person who asked for it,
// listing what is unread under their bell and not yet in a digest. A job of
// the durable queue, once across instances (pg-boss's schedule, and a lock per
// tenant so that two runs never email the same person twice).

const DIGEST = 'notifications.digest';
/** The schedule is daily, but the job also runs as an instance starts: nobody gets two digests within this. */
const AT_MOST_EVERY_MS = 20 * 3_600_000;

async function tenantDigests(tenant: Tenant, now: Date): Promise<number> {
  const db = tenantDb(tenant.id);
  const origin = siteOrigin(getConfig().ROOT_DOMAIN, tenant.subdomain);
  const people = await db.user.findMany({ where: { notificationDigest: true, active: true }, select: { id: true, workEmail: true, userName: true } });
  let sent = 0;
  for (const person of people) {
    const address = mailAddress(person);
    if (!address) continue;
    const recent = await db.notification.count({ where: { userId: person.id, emailedAt: { gt: new Date(now.getTime() - AT_MOST_EVERY_MS) } } });
    if (recent > 0) continue;
    const rows = await db.notification.findMany({
      where: { userId: person.id, readAt: null, emailedAt: null },
      orderBy: { createdAt: 'asc' },
      take: 100,
      select: {
        id: true,
        kind: true,
        page: { select: { slug: true, title: true, deletedAt: true } },
        actor: { select: NAME_COLUMNS },
      },
    });
    if (rows.length === 0) continue;
    const lines = rows.map((row) => `- ${notificationSentence(row)}: ${origin}${notificationHref(row)}`);
    await sendMail({
      to: [address],
      subject: `[${tenant.displayName}] ${rows.length} unread ${rows.length === 1 ? 'notification' : 'notifications'}`,
      text: `${lines.join('\n')}\n\n—\nYou asked for this daily digest on ${tenant.displayName}'s TheOrgWiki. To stop it, open the bell at the top of any page and untick "Email me a daily digest".`,
    });
    await db.notification.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { emailedAt: now } });
    sent += 1;
  }
  return sent;
}

/** Sends every tenant's digests; returns how many emails went. */
export async function sendDigests(now = new Date(), signal?: AbortSignal): Promise<number> {
  if (!mailEnabled()) return 0;
  let sent = 0;
  for (const tenant of await platformDb.listTenants()) {
    if (signal?.aborted) break;
    sent += (await whileLocked(`${DIGEST}:${tenant.id}`, () => tenantDigests(tenant, now))) ?? 0;
  }
  return sent;
}

export const NOTIFICATION_QUEUES: QueueDefinition[] = [
  {
    name: DIGEST,
    onceQueued: true,
    cron: '0 7 * * *',
    async work(_data, signal) {
      const sent = await sendDigests(new Date(), signal);
      if (sent > 0) log.info({ sent }, 'notifications: digests sent');
    },
  },
];
