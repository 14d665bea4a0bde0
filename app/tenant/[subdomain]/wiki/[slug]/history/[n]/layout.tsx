import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireMember } from '@/lib/auth/guard';
import { revisionExists } from '@/lib/wiki/exists';

// A missing revision is a 404, decided before the loading skeleton streams (see lib/wiki/exists.ts).
export default async function RevisionLayout({ children, params }: { children: ReactNode; params: Promise<{ subdomain: string; slug: string; n: string }> }) {
  const { subdomain, slug, n } = await params;
  const { tenant } = await requireMember(subdomain);
  if (!(await revisionExists(tenant.id, slug, n))) notFound();
  return children;
}
