import { NextResponse } from 'next/server';
import { z } from 'zod';
import { memberForApi } from '@/lib/auth/guard';
import { listDirectReports } from '@/lib/org/direct-reports';

// The org chart's on-demand expansion: one person's direct reports, each with their counts.
const paramsSchema = z.object({ subdomain: z.string(), id: z.guid() });

const json = (body: unknown, status = 200) => NextResponse.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });

export async function GET(_request: Request, { params }: { params: Promise<{ subdomain: string; id: string }> }) {
  const raw = await params;
  const member = await memberForApi(raw.subdomain);
  if (!member) return json({ error: 'Sign in to see the org chart.' }, 401);
  const parsed = paramsSchema.safeParse(raw);
  if (!parsed.success) return json({ error: 'No such person.' }, 404);
  const reports = await listDirectReports(member.tenant.id, parsed.data.id);
  if (!reports) return json({ error: 'No such person.' }, 404);
  return json(reports);
}
