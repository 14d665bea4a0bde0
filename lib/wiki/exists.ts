import { tenantDb } from '../db';
import { slugFromPath } from './slug';

// Cheap checks for the wiki's route layouts. They run above the loading
// skeletons: once a skeleton has streamed, the response is already a 200, so a
// missing page or revision must be found missing before that to answer 404.

export async function pageExists(tenantId: string, slug: string): Promise<boolean> {
  const valid = slugFromPath(slug);
  return valid !== null && (await tenantDb(tenantId).wikiPage.count({ where: { slug: valid, deletedAt: null } })) > 0;
}

export async function revisionExists(tenantId: string, slug: string, number: string): Promise<boolean> {
  if (!/^[1-9]\d{0,8}$/.test(number)) return false;
  const valid = slugFromPath(slug);
  return valid !== null && (await tenantDb(tenantId).pageRevision.count({ where: { number: Number(number), page: { slug: valid, deletedAt: null } } })) > 0;
}
