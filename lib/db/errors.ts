import { Prisma } from './generated/client';

// PostgreSQL's SQLSTATEs, as they reach us from Prisma (wrapped) or from tenantSql (bare).
const sqlState = (error: unknown): string | undefined =>
  error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** True when a write failed on a unique constraint. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2002';
  return sqlState(error) === '23505';
}

/** True when a write named a row that does not exist (a foreign key). */
export function isMissingReference(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2003';
  return sqlState(error) === '23503';
}

/**
 * True when PostgreSQL aborted a serializable transaction (40001) or broke a
 * deadlock (40P01): running it again may succeed. Prisma says P2034 when a
 * statement fails; when COMMIT fails, the pg adapter's own error comes through.
 */
export function isSerializationFailure(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2034';
  const state = sqlState(error);
  if (state === '40001' || state === '40P01') return true;
  const cause = error && typeof error === 'object' && 'cause' in error ? error.cause : undefined;
  return Boolean(cause && typeof cause === 'object' && 'kind' in cause && cause.kind === 'TransactionWriteConflict');
}

// Prisma's codes for "the database is not there": can't reach, timed out,
// operation timed out, server closed the connection, no pool slot in time.
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// SQLSTATE classes 08 (connection exception) and 57P0x (shut down, crashed,
// starting up), and 53300 (too many connections).
const UNAVAILABLE_STATE = /^(08...|57P0[1-3]|53300)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres says these in words only.
const POOL_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

/**
 * True when a query failed because the database is away (restarting, failing
 * over, unreachable) rather than because of the query: the request may be
 * retried and deserves a 503, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && typeof cause === 'object' && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof Prisma.PrismaClientKnownRequestError) {
      if (PRISMA_UNAVAILABLE.has(cause.code)) return true;
      const original = JSON.stringify(cause.meta ?? {}).match(/"originalCode":"([0-9A-Z]{5})"/)?.[1];
      if (original && UNAVAILABLE_STATE.test(original)) return true;
    }
    if (cause instanceof Prisma.PrismaClientInitializationError) return true;
    const code = sqlState(cause);
    if (code && (UNAVAILABLE_STATE.test(code) || NETWORK_CODES.has(code))) return true;
    if (cause instanceof Error && POOL_MESSAGES.test(cause.message)) return true;
  }
  return false;
}
