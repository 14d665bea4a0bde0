import { memberForApi } from '@/lib/auth/guard';
import { privateJson } from '@/lib/http/private-json';
import { inbox } from '@/lib/notifications/inbox';

// The bell's list, asked for when it opens: always the latest, whatever page the header was rendered with.
export async function GET(_request: Request, { params }: { params: Promise<{ subdomain: string }> }) {
  const member = await memberForApi((await params).subdomain);
  if (!member) return privateJson({ error: 'Sign in to see your notifications.' }, 401);
  return privateJson(await inbox(member.tenant.id, member.user.id));
}
