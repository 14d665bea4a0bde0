import { tenantDb, type Prisma } from '../../db';
import { NAME_COLUMNS, personName } from '../../directory/person-name';
import { renderMarkdown } from '../render-markdown';

// A page's comments as the page shows them: threads in the order they were
// started, open ones first, each with its replies; the text rendered by the
// same sanitised renderer as the page.

export interface CommentView {
  id: string;
  author: { id: string; name: string } | null;
  /** Sanitised HTML; empty for a deleted first comment. */
  html: string;
  body: string;
  createdAt: Date;
  edited: boolean;
  deleted: boolean;
  /** The viewer wrote it: they may edit and delete it. */
  own: boolean;
}

export interface ThreadView {
  id: string;
  comments: CommentView[];
  resolved: { at: Date; by: string | null } | null;
}

const SELECT = {
  id: true,
  threadId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  resolvedAt: true,
  resolvedById: true,
  author: { select: { id: true, ...NAME_COLUMNS } },
} satisfies Prisma.PageCommentSelect;

export async function pageComments(tenantId: string, pageId: string, viewerId: string): Promise<ThreadView[]> {
  const db = tenantDb(tenantId);
  const rows = await db.pageComment.findMany({ where: { pageId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: SELECT });
  const resolverIds = [...new Set(rows.flatMap((row) => (row.resolvedById ? [row.resolvedById] : [])))];
  const resolvers = resolverIds.length
    ? await db.user.findMany({
        where: { id: { in: resolverIds } },
        select: { id: true, ...NAME_COLUMNS },
      })
    : [];
  const resolverName = new Map(resolvers.map((user) => [user.id, personName(user)]));
  const view = (row: (typeof rows)[number]): CommentView => ({
    id: row.id,
    author: row.author ? { id: row.author.id, name: personName(row.author) } : null,
    html: row.deletedAt ? '' : renderMarkdown(row.body),
    body: row.deletedAt ? '' : row.body,
    createdAt: row.createdAt,
    edited: !!row.editedAt,
    deleted: !!row.deletedAt,
    own: !!row.author && row.author.id === viewerId && !row.deletedAt,
  });
  const threads = rows
    .filter((row) => !row.threadId)
    .map((first) => ({
      id: first.id,
      comments: [view(first), ...rows.filter((row) => row.threadId === first.id).map(view)],
      resolved: first.resolvedAt ? { at: first.resolvedAt, by: first.resolvedById ? (resolverName.get(first.resolvedById) ?? null) : null } : null,
    }));
  return [...threads.filter((t) => !t.resolved), ...threads.filter((t) => t.resolved)];
}
