import { z } from 'zod';
import type { ActivityRange } from './provisioning-activity';
import type { ProvisioningLogFilters } from './provisioning-log';

/** The Provisioning page's query: the charts' range and the log's filters; anything unknown falls back to the default. */
const provisioningLogQuery = z.object({
  outcome: z.enum(['all', 'success', 'failure']).catch('all').default('all'),
  operation: z.enum(['all', 'create', 'update', 'delete', 'read']).catch('all').default('all'),
  search: z.string().max(200).catch('').default(''),
  page: z.coerce.number().int().min(1).catch(1).default(1),
  range: z.enum(['7d', '90d']).catch('7d').default('7d'),
});

export function readProvisioningLogQuery(
  params: Record<string, string | string[] | undefined>,
): ProvisioningLogFilters & { page: number; range: ActivityRange } {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return provisioningLogQuery.parse({
    outcome: first(params.outcome),
    operation: first(params.operation),
    search: first(params.search),
    page: first(params.page),
    range: first(params.range),
  });
}
