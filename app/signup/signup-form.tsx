'use client';

import { useActionState, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { createCompany, type SignUpState } from './actions';

type Check = { state: 'idle' | 'checking' } | { state: 'done'; available: boolean; reason?: string };

/** Company name and subdomain, with the subdomain's availability checked as it is typed. */
export function SignUpForm({ defaultName, rootDomain }: { defaultName: string; rootDomain: string }) {
  const [state, action, pending] = useActionState<SignUpState, FormData>(createCompany, { error: null, displayName: defaultName, subdomain: '' });
  const [subdomain, setSubdomain] = useState(state.subdomain);
  const [check, setCheck] = useState<Check>({ state: 'idle' });

  useEffect(() => {
    const name = subdomain.trim().toLowerCase();
    if (!name) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setCheck({ state: 'checking' });
      fetch(`/api/subdomain-availability?name=${encodeURIComponent(name)}`, { signal: controller.signal })
        .then((response) => response.json())
        .then((result: { available: boolean; reason?: string }) => setCheck({ state: 'done', ...result }))
        .catch(() => {});
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [subdomain]);

  return (
    <form action={action} className="mt-6 space-y-5">
      <div>
        <label htmlFor="displayName" className="block font-medium">
          Company name
        </label>
        <input
          id="displayName"
          name="displayName"
          defaultValue={state.displayName}
          required
          maxLength={120}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="subdomain" className="block font-medium">
          Subdomain
        </label>
        <div className="mt-1 flex items-center gap-1">
          <input
            id="subdomain"
            name="subdomain"
            value={subdomain}
            onChange={(event) => setSubdomain(event.target.value)}
            required
            maxLength={63}
            autoComplete="off"
            aria-describedby="subdomain-status subdomain-note"
            className="w-full rounded-md border border-slate-300 px-3 py-2"
          />
          <span className="text-slate-600">.{rootDomain}</span>
        </div>
        <p id="subdomain-status" aria-live="polite" className="mt-1 text-sm">
          {subdomain.trim() && check.state === 'checking' ? <span className="text-slate-500">Checking…</span> : null}
          {subdomain.trim() && check.state === 'done' && check.available ? <span className="text-green-700">Available</span> : null}
          {subdomain.trim() && check.state === 'done' && !check.available ? <span className="text-red-700">{check.reason}</span> : null}
        </p>
        <p id="subdomain-note" className="mt-1 text-sm text-slate-600">
          The subdomain cannot be changed later: it is your company&apos;s address and part of the SCIM URL you give Microsoft Entra ID.
        </p>
      </div>
      {state.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create my company'}
      </Button>
    </form>
  );
}
