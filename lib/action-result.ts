import { AppError } from './errors';

/** What a form's server action answers: done (with a message to show), or a refusal to show. */
export type ActionResult = { ok: true; message?: string } | { ok: false; error: string; next?: AppError['next'] };

/**
 * A form's server action as a client form receives it: the route passes it in
 * as a prop, so components never import from app/ (imports point down).
 */
export type FormAction<R = ActionResult> = (previous: R | null, form: FormData) => Promise<R>;

/** What minting a token answers: the secret, shown once, or a refusal. */
export type TokenResult = { ok: true; token: string; tokenId: string; accountId: string; tokenName: string } | { ok: false; error: string };

/** Runs a server action's work; an AppError becomes the refusal its message names, anything else stays an error. */
export async function attempt<T extends { ok: true }>(work: () => Promise<T>): Promise<T | { ok: false; error: string }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message, ...(error.next ? { next: error.next } : {}) };
    throw error;
  }
}
