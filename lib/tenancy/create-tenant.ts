import { z } from 'zod';
import { AppError } from '../errors';
import { isUniqueViolation, platformDb, type Tenant } from '../db';
import { subdomainSchema } from './subdomain';

export const createTenantInput = z.object({
  subdomain: subdomainSchema,
  displayName: z.string().trim().min(1, 'A company name is required.').max(120),
  entraTenantId: z.uuid().optional(),
  claimedByDirectoryAdmin: z.boolean().optional(),
});

export type CreateTenantInput = z.input<typeof createTenantInput>;

export async function createTenant(input: CreateTenantInput): Promise<Tenant> {
  const parsed = createTenantInput.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', z.prettifyError(parsed.error));
  try {
    return await platformDb.createTenant(parsed.data);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `The subdomain "${parsed.data.subdomain}" or that Microsoft directory already has a tenant.`);
    }
    throw error;
  }
}
