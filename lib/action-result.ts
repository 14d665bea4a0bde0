import { AppError } from './errors';

/** What a form's server action answers: done (with a message to show), or a refusal to show. */
export type ActionResult = { ok: true; message?: string } | { ok: false; error: string };

/** Runs a server action's work; an AppError becomes the refusal its message names, anything else stays an error. */
export async function attempt<T extends { ok: true }>(work: () => Promise<T>): Promise<T | { ok: false; error: string }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
}
