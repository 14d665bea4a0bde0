import { z } from 'zod';
import type { Actor } from '../actor';
import { requestAlertDelivery } from '../alerts/alert-jobs';
import { raiseAlerts } from '../alerts/alert-outbox';
import { accountDeleted, tokenChanged } from '../alerts/alert-texts';
import { recordAuditEvent } from '../audit/record-event';
import { isUuid, tenantDb } from '../db';
import { personName, type Nameable } from '../directory/person-name';
import { AppError } from '../errors';
import { forgetTokens } from './authenticate-token';
import { createServiceAccountWithToken, createTokenForAccount, type CreatedToken } from './create-service-account-token';

// Service accounts and their tokens, as the Admin Console manages them. A
// token is shown once, when it is made; afterwards only its prefix and last
// four characters. Revoking takes effect on the next SCIM request, on every
// instance (lib/tokens/authenticate-token.ts).

/** The kinds of service account; Token Based is the one there is. */
export const SERVICE_ACCOUNT_TYPES = [{ kind: 'token', label: 'Token Based' }] as const;

export interface TokenSummary {
  id: string;
  name: string;
  /** e.g. "owk_AbCd…wxyz": what identifies a token once its secret is gone. */
  hint: string;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  lastUsedUserAgent: string | null;
}

export interface ServiceAccountSummary {
  id: string;
  name: string;
  typeLabel: string;
  createdAt: Date;
  createdBy: string | null;
  /** Tokens neither revoked nor expired. */
  activeTokens: TokenSummary[];
  lastUsedAt: Date | null;
}

const nameSchema = z.string().trim().min(1, 'Give the service account a name.').max(80, 'At most 80 characters.');
const tokenNameSchema = z.string().trim().min(1, 'Give the token a name.').max(80, 'At most 80 characters.');
/** Days until a new token expires; null: never (Entra quarantines a job whose token expires). */
export const EXPIRY_CHOICES = [null, 30, 90, 180, 365] as const;

const nameOrNull = (user: Nameable | null) => (user ? personName(user) : null);

export async function listServiceAccounts(tenantId: string): Promise<ServiceAccountSummary[]> {
  const now = new Date();
  const accounts = await tenantDb(tenantId).serviceAccount.findMany({
    orderBy: { createdAt: 'asc' },
    include: {
      createdBy: { select: { displayName: true, userName: true } },
      tokens: {
        where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        orderBy: { createdAt: 'asc' },
        include: { createdBy: { select: { displayName: true, userName: true } } },
      },
    },
  });
  return accounts.map((account) => {
    const activeTokens = account.tokens.map((t) => ({
      id: t.id,
      name: t.name,
      hint: `${t.prefix}…${t.lastFour}`,
      createdAt: t.createdAt,
      createdBy: nameOrNull(t.createdBy),
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
      lastUsedIp: t.lastUsedIp,
      lastUsedUserAgent: t.lastUsedUserAgent,
    }));
    const used = activeTokens.map((t) => t.lastUsedAt?.getTime() ?? 0);
    const last = Math.max(0, ...used);
    return {
      id: account.id,
      name: account.name,
      typeLabel: SERVICE_ACCOUNT_TYPES.find((t) => t.kind === account.kind)?.label ?? account.kind,
      createdAt: account.createdAt,
      createdBy: nameOrNull(account.createdBy),
      activeTokens,
      lastUsedAt: last ? new Date(last) : null,
    };
  });
}

/** +Service Account: the account and its first token. */
export async function createServiceAccount(tenantId: string, actor: Actor, input: { name: unknown; kind: unknown }): Promise<CreatedToken> {
  const name = nameSchema.safeParse(input.name);
  if (!name.success) throw new AppError('invalid_input', name.error.issues[0].message);
  if (!SERVICE_ACCOUNT_TYPES.some((t) => t.kind === input.kind)) throw new AppError('invalid_input', 'Choose a Service Account Type.');
  const created = await createServiceAccountWithToken(tenantId, name.data, actor);
  await requestAlertDelivery(tenantId);
  return created;
}

async function findAccount(tenantId: string, accountId: string) {
  const account = isUuid(accountId) ? await tenantDb(tenantId).serviceAccount.findUnique({ where: { id: accountId } }) : null;
  if (!account) throw new AppError('not_found', 'No such service account.');
  return account;
}

/** A further token for an account, e.g. to rotate without a provisioning outage. */
export async function generateToken(
  tenantId: string,
  actor: Actor,
  accountId: string,
  input: { name: unknown; expiresInDays: number | null },
): Promise<CreatedToken> {
  const account = await findAccount(tenantId, accountId);
  const name = tokenNameSchema.safeParse(input.name);
  if (!name.success) throw new AppError('invalid_input', name.error.issues[0].message);
  if (!(EXPIRY_CHOICES as readonly (number | null)[]).includes(input.expiresInDays)) throw new AppError('invalid_input', 'Choose an expiry from the list.');
  const expiresAt = input.expiresInDays === null ? undefined : new Date(Date.now() + input.expiresInDays * 86_400_000);
  const created = await createTokenForAccount(tenantId, account, name.data, expiresAt, actor);
  await requestAlertDelivery(tenantId);
  return created;
}

export async function revokeToken(tenantId: string, actor: Actor, tokenId: string): Promise<void> {
  const db = tenantDb(tenantId);
  const token = isUuid(tokenId)
    ? await db.apiToken.findFirst({ where: { id: tokenId, revokedAt: null }, include: { serviceAccount: { select: { name: true } } } })
    : null;
  if (!token) throw new AppError('not_found', 'No such active token.');
  await db.$transaction(async (tx) => {
    await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, tenantId, {
      actor,
      action: 'token.revoke',
      target: { type: 'ApiToken', id: tokenId },
      details: { serviceAccount: token.serviceAccount.name, name: token.name },
    });
    await raiseAlerts(tx, tenantId, [tokenChanged('revoked', { id: tokenId, name: token.name, account: token.serviceAccount.name }, actor.label, new Date())]);
  });
  await forgetTokens(tenantId);
  await requestAlertDelivery(tenantId);
}

/** Deletes the account and with it every token it has (they stop working at once). */
export async function deleteServiceAccount(tenantId: string, actor: Actor, accountId: string): Promise<void> {
  const account = await findAccount(tenantId, accountId);
  await tenantDb(tenantId).$transaction(async (tx) => {
    await tx.serviceAccount.delete({ where: { id: account.id } });
    await recordAuditEvent(tx, tenantId, {
      actor,
      action: 'service_account.delete',
      target: { type: 'ServiceAccount', id: account.id },
      details: { name: account.name },
    });
    await raiseAlerts(tx, tenantId, [accountDeleted(account, actor.label, new Date())]);
  });
  await forgetTokens(tenantId);
  await requestAlertDelivery(tenantId);
}
