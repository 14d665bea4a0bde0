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
