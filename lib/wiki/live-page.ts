import type { TenantTx } from '../db';
import { AppError } from '../errors';

/** The live (not deleted) page at `slug` in the transaction's tenant, or a not-found error to show. */
export async function requireLivePage(tx: TenantTx, slug: string) {
  const page = await tx.wikiPage.findFirst({ where: { slug, deletedAt: null } });
  if (!page) throw new AppError('not_found', 'There is no such page (it may have been renamed or moved to the Trash).');
  return page;
}
