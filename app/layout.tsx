import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'TheOrgWiki', template: '%s · TheOrgWiki' },
  description: 'The employee wiki that Microsoft Entra ID keeps up to date: people, org chart, teams and pages.',
  // From public/, which the proxy leaves alone, so every host (apex and tenants) serves them.
  // favicon.ico and apple-touch-icon.png are assets/logo.svg drawn at 16, 32 and 48 px, and at 180 px on a full square (iOS rounds the corners itself).
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '48x48' },
      { url: '/assets/logo.svg', type: 'image/svg+xml' },
    ],
    apple: '/assets/apple-touch-icon.png',
  },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never prerendered: Next can only put the proxy's nonce on the scripts of a
  // page it renders now, and the Content-Security-Policy refuses scripts without it.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
