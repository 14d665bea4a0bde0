'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { href: '/admin/settings', label: 'Settings' },
  { href: '/admin/provisioning', label: 'Provisioning' },
  { href: '/admin/members', label: 'Members' },
  { href: '/admin/audit', label: 'Audit log' },
];

const SETTINGS = [
  { href: '/admin/settings', label: 'General' },
  { href: '/admin/settings/service-accounts', label: 'Service Accounts' },
  { href: '/admin/settings/alerts', label: 'Alerts' },
  { href: '/admin/settings/templates', label: 'Page templates' },
];

function Tabs({ items, label, exact }: { items: typeof TABS; label: string; exact: boolean }) {
  const pathname = usePathname().replace(/^\/tenant\/[^/]+/, '');
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-200">
      {items.map((item) => {
        const current = exact ? pathname === item.href : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${current ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

/** The Admin Console's tabs. */
export function AdminTabs() {
  return <Tabs items={TABS} label="Admin Console" exact={false} />;
}

/** The Settings tab's sections: General, Service Accounts and Alerts. */
export function SettingsTabs() {
  return <Tabs items={SETTINGS} label="Settings" exact />;
}
