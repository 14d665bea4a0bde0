import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/guard';
import { pageExists } from '@/lib/wiki/exists';

// A missing page is a 404, decided here, before any loading skeleton streams (see lib/wiki/exists.ts).
export default async function WikiPageLayout({ children, params }: { children: ReactNode; params: Promise<{ subdomain: string; slug: string }> }) {
  const { subdomain, slug } = await params;
  const { tenant } = await requireMember(subdomain);
  if (!(await pageExists(tenant.id, slug))) notFound();
  return children;
}
