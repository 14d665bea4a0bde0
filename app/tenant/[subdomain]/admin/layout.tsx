import type { ReactNode } from 'react';
import { AdminTabs } from '@/components/admin/admin-tabs';

// Tabs only: every admin page guards itself (requireAdmin), as layouts are not re-run on each navigation.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-bold">Admin Console</h1>
      <div className="mt-4">
        <AdminTabs />
      </div>
      <div className="mt-6">{children}</div>
    </>
  );
}
