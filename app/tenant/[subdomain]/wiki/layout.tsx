import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/guard';

// Strangers are sent to sign in here, before the loading skeleton streams: from inside it the
// redirect would come too late for a 307, as a 200 page that refreshes to /login. Pages still guard themselves.
export default async function MembersOnlyLayout({ children, params }: { children: ReactNode; params: Promise<{ subdomain: string }> }) {
  await requireMember((await params).subdomain);
  return children;
}
