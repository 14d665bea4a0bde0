// The one error type for the app outside SCIM (pages, server actions, CLI).
// `code` is stable for callers and tests; `message` is safe to show a person.

export type AppErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Where the person can see more, opened beside the form (e.g. what someone else changed). */
    readonly next?: { href: string; label: string },
  ) {
    super(message);
    this.name = 'AppError';
  }
}
