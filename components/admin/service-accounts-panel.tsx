'use client';

import { createContext, use, useActionState, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Table } from '@/components/ui/table';
import type { ActionResult, FormAction, TokenResult } from '@/lib/action-result';
import { formatUtc } from '@/lib/format-time';
import type { ServiceAccountSummary, TokenSummary } from '@/lib/tokens/service-accounts';
import { NewTokenBox } from './connection-steps';

// Settings → Service Accounts, with the labels of the README's steps
// (Connecting Microsoft Entra ID): +Service Account, Service Account Type, Token Based,
// Save, Manage Tokens for SCIM provisioning, Active Tokens.

type Fresh = { accountId: string; token: string; tokenId: string; tokenName: string };

/** The route's server actions, passed in as a prop and reached by every dialog of the panel. */
export interface ServiceAccountActions {
  addServiceAccount: FormAction<TokenResult>;
  addToken: FormAction<TokenResult>;
  revokeToken: (tokenId: string) => Promise<ActionResult>;
  deleteServiceAccount: (accountId: string) => Promise<ActionResult>;
}

const Actions = createContext<{ actions: ServiceAccountActions; tenantUrl: string } | null>(null);

function usePanel(): { actions: ServiceAccountActions; tenantUrl: string } {
  const panel = use(Actions);
  if (!panel) throw new Error('A service-account dialog outside ServiceAccountsPanel');
  return panel;
}

const useActions = () => usePanel().actions;

const input = 'mt-1 w-full rounded-md border border-slate-300 px-3 py-2';

const when = (date: Date | null) => (date ? formatUtc(date) : null);

function daysLeft(expiresAt: Date | null): number | null {
  return expiresAt ? Math.ceil((new Date(expiresAt).getTime() - Date.now()) / 86_400_000) : null;
}

/** The console warns 30, 7 and 1 days ahead: Entra quarantines a provisioning job whose token expires. */
function ExpiryNote({ expiresAt }: { expiresAt: Date | null }) {
  const days = daysLeft(expiresAt);
  if (days === null) return <span>Never expires</span>;
  const urgent = days <= 7;
  return (
    <span className={days <= 30 ? (urgent ? 'font-semibold text-red-700' : 'font-semibold text-amber-700') : undefined}>
      Expires {when(expiresAt)}
      {days <= 30 ? ` (in ${days} ${days === 1 ? 'day' : 'days'}: generate a new token and paste it into Entra before then)` : ''}
    </span>
  );
}

function Failure({ result }: { result: TokenResult | { ok: false; error: string } | null }) {
  return result && !result.ok ? (
    <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800">
      {result.error}
    </p>
  ) : null;
}

/** The second step of a destructive action: says what will happen, then does it or backs out. */
function ConfirmStep({
  label,
  message,
  confirm,
  run,
  onCancel,
  onDone,
}: {
  label: string;
  message: string;
  confirm: string;
  run: () => Promise<ActionResult>;
  onCancel: () => void;
  onDone?: () => void;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div role="group" aria-label={label} className="mt-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
      <p>{message}</p>
      <div className="mt-2 flex gap-2">
        <Button
          variant="danger-solid"
          size="sm"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await run();
              if (result.ok) onDone?.();
              else setError(result.error);
            })
          }
        >
          {confirm}
        </Button>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function TokenRow({ token }: { token: TokenSummary }) {
  const { revokeToken } = useActions();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="border-b border-slate-200 py-3 last:border-0" aria-label={`Token ${token.name}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-medium">
            {token.name} <code className="ml-1 text-sm text-slate-600">{token.hint}</code>
          </p>
          <p className="text-sm text-slate-600">
            Created {when(token.createdAt)}
            {token.createdBy ? ` by ${token.createdBy}` : ''} · <ExpiryNote expiresAt={token.expiresAt} />
          </p>
          <p className="text-sm text-slate-600">
            {token.lastUsedAt
              ? `Last used ${when(token.lastUsedAt)}${token.lastUsedIp ? ` from ${token.lastUsedIp}` : ''}${token.lastUsedUserAgent ? ` (${token.lastUsedUserAgent})` : ''}`
              : 'Never used'}
          </p>
        </div>
        {confirming ? null : (
          <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
            Revoke
          </Button>
        )}
      </div>
      {confirming ? (
        <ConfirmStep
          label={`Confirm revoking ${token.name}`}
          message={`Revoke “${token.name}”? Whatever uses it (Microsoft Entra ID) is refused from its next request.`}
          confirm="Revoke token"
          run={() => revokeToken(token.id)}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </li>
  );
}

function GenerateToken({ account, onCreated }: { account: ServiceAccountSummary; onCreated: (fresh: Fresh) => void }) {
  const { addToken } = useActions();
  const [result, action, pending] = useActionState(async (previous: TokenResult | null, formData: FormData) => {
    const next = await addToken(previous, formData);
    if (next.ok) onCreated(next);
    return next;
  }, null);
  return (
    <form action={action} className="mt-4 rounded-md border border-slate-200 p-3">
      <h4 className="font-semibold">Generate a new token</h4>
      <p className="text-sm text-slate-600">
        To rotate without an outage: generate one, paste it into Entra, watch “last used” move to it, then revoke the old one.
      </p>
      <input type="hidden" name="accountId" value={account.id} />
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="token-name" className="text-sm font-medium">
            Token name
          </label>
          <input id="token-name" name="name" required maxLength={80} defaultValue={`Token ${account.activeTokens.length + 1}`} className={input} />
        </div>
        <div>
          <label htmlFor="token-expiry" className="text-sm font-medium">
            Expires
          </label>
          <select id="token-expiry" name="expiresInDays" defaultValue="never" className={input}>
            <option value="never">Never (recommended for Entra)</option>
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="180">In 180 days</option>
            <option value="365">In a year</option>
          </select>
        </div>
      </div>
      <Button type="submit" size="sm" className="mt-3" disabled={pending}>
        {pending ? 'Generating…' : 'Generate token'}
      </Button>
      <Failure result={result} />
    </form>
  );
}

function ManageTokens({
  account,
  fresh,
  onFresh,
  onClose,
}: {
  account: ServiceAccountSummary;
  fresh: Fresh | null;
  onFresh: (f: Fresh) => void;
  onClose: () => void;
}) {
  const {
    actions: { deleteServiceAccount },
    tenantUrl,
  } = usePanel();
  const [confirmDelete, setConfirmDelete] = useState(false);
  return (
    <Dialog title="Manage Tokens for SCIM provisioning" onClose={onClose}>
      <p className="mb-3 text-sm text-slate-600">
        Service account <strong>{account.name}</strong> ({account.typeLabel})
      </p>
      <section aria-labelledby="active-tokens">
        <h3 id="active-tokens" className="font-semibold">
          Active Tokens
        </h3>
        {fresh ? <NewTokenBox fresh={fresh} tenantUrl={tenantUrl} /> : null}
        {account.activeTokens.length === 0 ? (
          <p className="py-3 text-sm text-slate-600">No active tokens: Entra cannot provision until you generate one.</p>
        ) : (
          <ul>
            {account.activeTokens.map((token) => (
              <TokenRow key={token.id} token={token} />
            ))}
          </ul>
        )}
      </section>
      <GenerateToken account={account} onCreated={onFresh} />
      <div className="mt-4 border-t border-slate-200 pt-3">
        {confirmDelete ? (
          <ConfirmStep
            label="Confirm deleting the service account"
            message={`Delete “${account.name}” and revoke all its tokens? Provisioning with them stops at once.`}
            confirm="Delete service account"
            run={() => deleteServiceAccount(account.id)}
            onCancel={() => setConfirmDelete(false)}
            onDone={onClose}
          />
        ) : (
          <Button variant="danger" size="sm" onClick={() => setConfirmDelete(true)}>
            Delete service account
          </Button>
        )}
      </div>
    </Dialog>
  );
}

function AddServiceAccount({ onCreated, onClose }: { onCreated: (fresh: Fresh) => void; onClose: () => void }) {
  const { addServiceAccount } = useActions();
  const [result, action, pending] = useActionState(async (previous: TokenResult | null, formData: FormData) => {
    const next = await addServiceAccount(previous, formData);
    if (next.ok) onCreated(next);
    return next;
  }, null);
  return (
    <Dialog title="Service Account" onClose={onClose}>
      <form action={action} className="space-y-4">
        <div>
          <label htmlFor="account-name" className="font-medium">
            Name
          </label>
          <input id="account-name" name="name" required maxLength={80} defaultValue="Microsoft Entra ID provisioning" className={input} autoFocus />
        </div>
        <div>
          <label htmlFor="account-type" className="font-medium">
            Service Account Type
          </label>
          <select id="account-type" name="kind" defaultValue="token" className={input}>
            <option value="token">Token Based</option>
          </select>
        </div>
        <div className="flex gap-2">
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
          </Button>
          <Button variant="secondary" size="sm" onClick={onClose}>
            Cancel
          </Button>
        </div>
        <Failure result={result} />
      </form>
    </Dialog>
  );
}

export function ServiceAccountsPanel({
  accounts,
  actions,
  tenantUrl,
}: {
  accounts: ServiceAccountSummary[];
  actions: ServiceAccountActions;
  tenantUrl: string;
}) {
  const [adding, setAdding] = useState(false);
  const [managing, setManaging] = useState<string | null>(null);
  const [fresh, setFresh] = useState<Fresh | null>(null);
  const managed = accounts.find((a) => a.id === managing) ?? null;
  return (
    <Actions value={{ actions, tenantUrl }}>
      <div className="flex items-center justify-between gap-4">
        <h2 className="text-xl font-semibold">Service Accounts</h2>
        <Button size="sm" aria-haspopup="dialog" onClick={() => setAdding(true)}>
          +Service Account
        </Button>
      </div>
      {accounts.length === 0 ? (
        <p className="mt-4 rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600">
          No service accounts yet. Create one to get the token Microsoft Entra ID provisions with.
        </p>
      ) : (
        <div className="mt-4">
          <Table
            caption="Service accounts"
            rows={accounts}
            rowKey={(account) => account.id}
            columns={[
              { header: 'Type', cell: (account) => account.typeLabel },
              { header: 'Name', rowHeader: true, cell: (account) => account.name },
              { header: 'Created by', cell: (account) => account.createdBy ?? 'Operator' },
              { header: 'Created', cell: (account) => when(account.createdAt) },
              { header: 'Active tokens', cell: (account) => account.activeTokens.length },
              { header: 'Last used', cell: (account) => when(account.lastUsedAt) ?? 'Never' },
              {
                header: 'Actions',
                hideHeader: true,
                cell: (account) => (
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-haspopup="dialog"
                    onClick={() => {
                      setFresh(null);
                      setManaging(account.id);
                    }}
                    aria-label={`Manage tokens of ${account.name}`}
                  >
                    Manage tokens
                  </Button>
                ),
              },
            ]}
          />
        </div>
      )}
      {adding ? (
        <AddServiceAccount
          onClose={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            setFresh(created);
            setManaging(created.accountId);
          }}
        />
      ) : null}
      {managed ? (
        <ManageTokens
          account={managed}
          fresh={fresh?.accountId === managed.id ? fresh : null}
          onFresh={setFresh}
          onClose={() => {
            setManaging(null);
            setFresh(null);
          }}
        />
      ) : null}
    </Actions>
  );
}
