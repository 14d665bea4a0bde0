import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { currentUser } from '@/lib/auth/guard';
import { personName } from '@/lib/directory/person-name';
import { unreadCount } from '@/lib/notifications/inbox';
import { markAllReadAction, setDigestAction } from './notification-actions';
import { getTenantBySubdomain, requireTenant } from '@/lib/tenancy/get-tenant';

// Every tenant page renders per request: it depends on the Host (via the
// rewritten [subdomain]), on who is signed in and on live data. The layout
// only shows who is signed in; each page guards itself (requireMember),
// because a layout is not re-run on every navigation.
export const dynamic = 'force-dynamic';

type Props = { children: ReactNode; params: Promise<{ subdomain: string }> };

export async function generateMetadata({ params }: Omit<Props, 'children'>): Promise<Metadata> {
  const tenant = await getTenantBySubdomain((await params).subdomain);
  // No such tenant: the layout below answers with the root 404 page, whose title this would otherwise lose.
  if (!tenant) return {};
  return { title: { default: tenant.displayName, template: `%s · ${tenant.displayName}` } };
}

export default async function TenantLayout({ children, params }: Props) {
  const tenant = await requireTenant((await params).subdomain);
  const user = await currentUser(tenant);
  const unread = user ? await unreadCount(tenant.id, user.id) : 0;
  return (
    <>
      <SiteHeader
        title={tenant.displayName}
        loginHref="/auth/start"
        user={
          user
            ? {
                name: personName(user),
                photoKey: user.photoKey,
                isAdmin: user.role === 'admin',
                profileHref: `/people/${user.id}`,
                notifications: { unread, actions: { markAllRead: markAllReadAction, setDigest: setDigestAction } },
              }
            : null
        }
      />
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </>
  );
}
