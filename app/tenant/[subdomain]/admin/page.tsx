import { redirect } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/guard';

export default async function AdminHome({ params }: { params: Promise<{ subdomain: string }> }) {
  await requireAdmin((await params).subdomain);
  redirect('/admin/settings');
}
