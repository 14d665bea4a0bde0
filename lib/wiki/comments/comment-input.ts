import { z } from 'zod';

// What a person may send for a comment, checked the same way in the form and on the server.

const COMMENT_MAX = 5_000;

export const commentBody = z
  .string()
  .trim()
  .min(1, 'Write something first.')
  .max(COMMENT_MAX, `A comment is at most ${COMMENT_MAX.toLocaleString('en')} characters.`);

const id = z.uuid({ message: 'Reload the page: the form did not say which comment.' });

export const newCommentInput = z.object({
  slug: z.string().trim().min(1),
  body: commentBody,
  /** The thread a reply goes into; empty for a new thread. */
  threadId: z.union([z.literal(''), id]).default(''),
});

export const editCommentInput = z.object({ id, body: commentBody });

export const commentIdInput = z.object({ id });

export const resolveInput = z.object({ id, resolved: z.enum(['yes', 'no'], { message: 'Say whether the thread is resolved.' }) });
