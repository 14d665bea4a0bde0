import { platformDb } from '../db';
import { subdomainSchema } from './subdomain';

export type Availability = { available: true } | { available: false; reason: string };

/** Whether a new company could take `name` now: the rules first, then whether a tenant has it. */
export async function subdomainAvailability(name: string): Promise<Availability> {
  const parsed = subdomainSchema.safeParse(name);
  if (!parsed.success) return { available: false, reason: parsed.error.issues[0].message };
  if (await platformDb.findTenantBySubdomain(parsed.data)) return { available: false, reason: 'Another company has this subdomain.' };
  return { available: true };
}
