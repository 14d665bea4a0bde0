'use client';

import { useEffect, useState } from 'react';
import type { ConnectionProgress } from '@/lib/admin/connection-progress';
import { CopyButton } from './copy-button';

// After a token is made: the Tenant URL and the token together, then live steps that follow Entra from the Test Connection
// to the first cycle, asking the server every few seconds while they show.

const POLL_MS = 2_000;

type Seen = { progress: ConnectionProgress | null; failed: boolean };

function useProgress(tokenId: string): Seen {
  const [seen, setSeen] = useState<Seen>({ progress: null, failed: false });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const ask = async () => {
      try {
        const response = await fetch(`/api/connection/${tokenId}`, { signal: controller.signal, cache: 'no-store' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        setSeen({ progress: (await response.json()) as ConnectionProgress, failed: false });
      } catch {
        if (controller.signal.aborted) return;
        setSeen((previous) => ({ ...previous, failed: true }));
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [tokenId]);
  return seen;
}

const timeOf = (iso: Date | string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' });
const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function ConnectionSteps({ tokenId }: { tokenId: string }) {
  const { progress, failed } = useProgress(tokenId);
  const tested = progress?.testConnectionAt ?? null;
  const heard = progress?.lastRequestAt ?? tested;
  return (
    <div aria-live="polite" aria-label="Connection to Microsoft Entra ID" role="region" className="mt-3 rounded-md border border-slate-200 p-3 text-sm">
      <ol className="space-y-1">
        <li>
          {tested ? (
            <span className="font-medium text-green-800">Test Connection received ✓ ({timeOf(tested)} UTC)</span>
          ) : heard ? (
            <span className="font-medium text-green-800">First request from Entra received ✓</span>
          ) : (
            <span>
              <span aria-hidden="true" className="mr-1 inline-block size-2 animate-pulse rounded-full bg-sky-600" />
              Waiting for Test Connection… In Entra, paste the Tenant URL and the token, then press Test Connection.
            </span>
          )}
        </li>
        {progress && (progress.usersCreated > 0 || progress.groupsCreated > 0) ? (
          <li>
            First cycle: {count(progress.usersCreated, 'user', 'users')} and {count(progress.groupsCreated, 'group', 'groups')} provisioned so far
            {progress.lastRequestAt ? ` (last request ${timeOf(progress.lastRequestAt)} UTC)` : ''}.
          </li>
        ) : tested ? (
          <li>Next: turn provisioning On in Entra (or provision one user on demand); the first cycle shows here as it runs.</li>
        ) : null}
      </ol>
      {failed ? <p className="mt-1 text-amber-800">Could not reach the server to check; trying again.</p> : null}
    </div>
  );
}

/** What Entra's provisioning page asks for, together, then the live steps that follow Entra's first requests. */
export function NewTokenBox({ fresh, tenantUrl }: { fresh: { token: string; tokenId: string; tokenName: string }; tenantUrl: string }) {
  return (
    <div className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3">
      <label htmlFor="tenant-url" className="block text-sm font-semibold">
        Tenant URL
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="tenant-url"
          readOnly
          value={tenantUrl}
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={tenantUrl} label="Copy Tenant URL" />
      </div>
      <label htmlFor="new-token" className="mt-3 block text-sm font-semibold">
        New token “{fresh.tokenName}” (Secret Token)
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="new-token"
          readOnly
          value={fresh.token}
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={fresh.token} />
      </div>
      <p className="mt-2 text-sm text-amber-900">Copy it now and paste it into Entra&apos;s Secret Token field: it will not be shown again.</p>
      <ConnectionSteps tokenId={fresh.tokenId} />
    </div>
  );
}
