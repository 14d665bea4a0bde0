import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { getConfig, requireDatabaseUrl } from '../config';

// The one Prisma client of the process. Only lib/db may import this module
// (enforced by ESLint): everything else goes through tenantDb() or platformDb.

const globalForPrisma = globalThis as unknown as { orgwikiPrisma?: PrismaClient };

export function rootClient(): PrismaClient {
  if (!globalForPrisma.orgwikiPrisma) {
    const adapter = new PrismaPg({
      connectionString: requireDatabaseUrl(),
      max: getConfig().DATABASE_POOL_SIZE,
      // A request must fail fast while the database is away rather than hang.
      connectionTimeoutMillis: 5_000,
    });
    // Kept on globalThis so that Next's dev-mode module reloads reuse the pool.
    globalForPrisma.orgwikiPrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.orgwikiPrisma;
}

export async function disconnectDb(): Promise<void> {
  const client = globalForPrisma.orgwikiPrisma;
  globalForPrisma.orgwikiPrisma = undefined;
  await client?.$disconnect();
}
