import { z } from 'zod';
import { tenantDb, type Prisma } from '../db';
import { NAME_COLUMNS, personName } from '../directory/person-name';

// A person's notifications as the bell shows them, newest first: a sentence,
// the page it is about, and whether it was read. Reading the page marks those
// about it read.

interface NotificationView {
  id: string;
  /** e.g. "Pat Person mentioned you on Release Process". */
  sentence: string;
  href: string;
  createdAt: Date;
  read: boolean;
}

export interface Inbox {
  unread: number;
  items: NotificationView[];
  digest: boolean;
}

const SHOWN = 20;

const NOTIFICATION_SELECT = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  page: { select: { slug: true, title: true, deletedAt: true } },
  actor: { select: NAME_COLUMNS },
} satisfies Prisma.NotificationSelect;

type Row = Prisma.NotificationGetPayload<{ select: typeof NOTIFICATION_SELECT }>;

/** One notification in words (the bell's line, and the digest's). */
export function notificationSentence(row: Pick<Row, 'kind' | 'page' | 'actor'>): string {
  const who = row.actor ? personName(row.actor) : 'Someone';
  const page = row.page.title;
  switch (row.kind) {
    case 'mentioned':
      return `${who} mentioned you on ${page}`;
    case 'page_changed':
      return `${who} changed ${page}, which you own`;
    case 'page_owned':
      return `${who} made you the owner of ${page}`;
    case 'commented':
      return `${who} commented on ${page}, which you own`;
    case 'replied':
      return `${who} replied to your comment on ${page}`;
  }
}

export const notificationHref = (row: Pick<Row, 'page' | 'kind'>) =>
  row.page.deletedAt ? '/wiki' : `/wiki/${row.page.slug}${row.kind === 'commented' || row.kind === 'replied' ? '#comments' : ''}`;

export function unreadCount(tenantId: string, userId: string): Promise<number> {
  return tenantDb(tenantId).notification.count({ where: { userId, readAt: null } });
}

export async function inbox(tenantId: string, userId: string): Promise<Inbox> {
  const db = tenantDb(tenantId);
  const [unread, rows, user] = await Promise.all([
    unreadCount(tenantId, userId),
    db.notification.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: SHOWN, select: NOTIFICATION_SELECT }),
    db.user.findUnique({ where: { id: userId }, select: { notificationDigest: true } }),
  ]);
  return {
    unread,
    items: rows.map((row) => ({ id: row.id, sentence: notificationSentence(row), href: notificationHref(row), createdAt: row.createdAt, read: !!row.readAt })),
    digest: user?.notificationDigest ?? false,
  };
}

export async function markAllRead(tenantId: string, userId: string): Promise<void> {
  await tenantDb(tenantId).notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}

/** The person is reading the page: what told them of it is read. */
export async function markPageRead(tenantId: string, userId: string, pageId: string): Promise<void> {
  await tenantDb(tenantId).notification.updateMany({ where: { userId, pageId, readAt: null }, data: { readAt: new Date() } });
}

const digestInput = z.boolean();

export async function setDigest(tenantId: string, userId: string, on: unknown): Promise<void> {
  await tenantDb(tenantId).user.updateMany({ where: { id: userId }, data: { notificationDigest: digestInput.parse(on) } });
}
