import { z } from 'zod';
import { privateJson } from '@/lib/http/private-json';
import { connectionProgress } from '@/lib/admin/connection-progress';
import { memberForApi } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';

// The console's live connecting steps ask here, every few seconds, how far Entra has come with a new token.
const paramsSchema = z.object({ subdomain: z.string(), token: z.guid() });

export async function GET(_request: Request, { params }: { params: Promise<{ subdomain: string; token: string }> }) {
  const raw = await params;
  const member = await memberForApi(raw.subdomain);
  if (!member) return privateJson({ error: 'Sign in as an admin.' }, 401);
  if (member.user.role !== 'admin') return privateJson({ error: 'Only admins see provisioning.' }, 403);
  const parsed = paramsSchema.safeParse(raw);
  if (!parsed.success) return privateJson({ error: 'No such token.' }, 404);
  try {
    return privateJson(await connectionProgress(member.tenant.id, parsed.data.token));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return privateJson({ error: error.message }, 404);
    throw error;
  }
}
