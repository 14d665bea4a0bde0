import { z } from 'zod';
import { privateJson } from '@/lib/http/private-json';
import { memberForApi } from '@/lib/auth/guard';
import { listDirectReports } from '@/lib/org/direct-reports';

// The org chart's on-demand expansion: one person's direct reports, each with their counts.
const paramsSchema = z.object({ subdomain: z.string(), id: z.guid() });

export async function GET(_request: Request, { params }: { params: Promise<{ subdomain: string; id: string }> }) {
  const raw = await params;
  const member = await memberForApi(raw.subdomain);
  if (!member) return privateJson({ error: 'Sign in to see the org chart.' }, 401);
  const parsed = paramsSchema.safeParse(raw);
  if (!parsed.success) return privateJson({ error: 'No such person.' }, 404);
  const reports = await listDirectReports(member.tenant.id, parsed.data.id);
  if (!reports) return privateJson({ error: 'No such person.' }, 404);
  return privateJson(reports);
}
