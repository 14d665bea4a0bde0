import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { closePool, pgPool } from './pool';

// The one Prisma client of the process. Only lib/db may import this module
// (enforced by ESLint): everything else goes through tenantDb() or platformDb.

const globalForPrisma = globalThis as unknown as { orgwikiPrisma?: PrismaClient };

export function rootClient(): PrismaClient {
  // Kept on globalThis so that Next's dev-mode module reloads reuse the pool.
  globalForPrisma.orgwikiPrisma ??= new PrismaClient({ adapter: new PrismaPg(pgPool()) });
  return globalForPrisma.orgwikiPrisma;
}

export async function disconnectDb(): Promise<void> {
  const client = globalForPrisma.orgwikiPrisma;
  globalForPrisma.orgwikiPrisma = undefined;
  await client?.$disconnect();
  await closePool();
}
