import { z } from 'zod';
import { isMissingReference, isSerializationFailure, isUniqueViolation, tenantDb, type ApiToken, type TenantTx } from '../db';
import type { Actor } from '../actor';
import { raiseAlerts } from '../alerts/alert-outbox';
import { tokenChanged } from '../alerts/alert-texts';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../errors';
import { generateTokenSecret } from './token-secret';

export const createTokenInput = z.object({
  serviceAccountName: z.string().trim().min(1).max(80),
  tokenName: z.string().trim().min(1).max(80),
  expiresAt: z.date().optional(),
});

export interface CreatedToken {
  /** The secret itself: show it once, then it is gone. */
  token: string;
  record: ApiToken;
}

/**
 * Unrevoked, unexpired tokens a tenant may hold at once: enough for a few
 * provisioning jobs, each rotating without an outage. Every SCIM request is
 * compared with all of them in memory (lib/tokens/tenant-tokens.ts), so the
 * number must stay small, and no tenant can grow that memory by minting.
 */
export const MAX_ACTIVE_TOKENS = 20;
const MINT_ATTEMPTS = 10;

/** A new token of an account, inside the caller's transaction, with its audit record; refused past the cap. */
async function mintToken(
  tx: TenantTx,
  tenantId: string,
  account: { id: string; name: string },
  tokenName: string,
  expiresAt: Date | undefined,
  actor: Actor,
): Promise<CreatedToken> {
  // The minter's role, read again inside the transaction: a takeover that demotes them at this moment conflicts with it (lib/auth/take-over.ts).
  if (actor.type === 'user' && (await tx.user.count({ where: { id: actor.id, role: 'admin', active: true } })) === 0) {
    throw new AppError('forbidden', 'Only an admin can make tokens.');
  }
  const active = await tx.apiToken.count({ where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } });
  if (active >= MAX_ACTIVE_TOKENS) {
    throw new AppError(
      'conflict',
      `This organization already has ${MAX_ACTIVE_TOKENS} active tokens, the most it can have. Revoke one that is no longer used, then try again.`,
    );
  }
  const secret = generateTokenSecret();
  const record = await tx.apiToken.create({
    data: {
      tenantId,
      serviceAccountId: account.id,
      name: tokenName,
      tokenHash: secret.hash,
      prefix: secret.displayPrefix,
      lastFour: secret.lastFour,
      createdById: actor.type === 'user' ? actor.id : null,
      expiresAt: expiresAt ?? null,
    },
  });
  await recordAuditEvent(tx, tenantId, {
    actor,
    action: 'token.create',
    target: { type: 'ApiToken', id: record.id },
    details: { serviceAccount: account.name, name: tokenName },
  });
  // In the same transaction: the admins hear of every token that exists, and of none that does not.
  await raiseAlerts(tx, tenantId, [tokenChanged('created', { id: record.id, name: tokenName, account: account.name }, actor.label, record.createdAt)]);
  return { token: secret.token, record };
}

/**
 * Runs a transaction that mints. Serializable, so that two mints at once
 * cannot both pass the cap; PostgreSQL then refuses one of them, and it runs
 * again and meets the cap (or passes it, if the overlap was only apparent).
 */
async function inMintTransaction<T>(tenantId: string, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await tenantDb(tenantId).$transaction(work, { isolationLevel: 'Serializable' });
    } catch (error) {
      if (!isSerializationFailure(error)) throw error;
      if (attempt === MINT_ATTEMPTS) throw new AppError('conflict', 'Tokens were changed at the same moment; try again.');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/**
 * Mints a token for the tenant's token-based service account of that name,
 * creating the account on first use (what `orgwiki token:create` needs).
 */
export async function createServiceAccountToken(tenantId: string, input: z.input<typeof createTokenInput>, actor: Actor): Promise<CreatedToken> {
  const { serviceAccountName, tokenName, expiresAt } = createTokenInput.parse(input);
  return inMintTransaction(tenantId, async (tx) => {
    const account = await tx.serviceAccount.upsert({
      where: { tenantId_name: { tenantId, name: serviceAccountName } },
      create: { tenantId, name: serviceAccountName, kind: 'token', createdById: actor.type === 'user' ? actor.id : null },
      update: {},
    });
    return mintToken(tx, tenantId, account, tokenName, expiresAt, actor);
  });
}

/** +Service Account: a new account (409 if the name is taken) and its first token, in one transaction. */
export async function createServiceAccountWithToken(tenantId: string, name: string, actor: Actor): Promise<CreatedToken> {
  try {
    return await inMintTransaction(tenantId, async (tx) => {
      const account = await tx.serviceAccount.create({ data: { tenantId, name, kind: 'token', createdById: actor.type === 'user' ? actor.id : null } });
      await recordAuditEvent(tx, tenantId, { actor, action: 'service_account.create', target: { type: 'ServiceAccount', id: account.id }, details: { name } });
      return mintToken(tx, tenantId, account, 'Token 1', undefined, actor);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A service account named "${name}" already exists.`);
    throw error;
  }
}

/** A further token of an existing account; never brings back an account deleted meanwhile. */
export async function createTokenForAccount(
  tenantId: string,
  account: { id: string; name: string },
  tokenName: string,
  expiresAt: Date | undefined,
  actor: Actor,
): Promise<CreatedToken> {
  try {
    return await inMintTransaction(tenantId, (tx) => mintToken(tx, tenantId, account, tokenName, expiresAt, actor));
  } catch (error) {
    if (isMissingReference(error)) throw new AppError('not_found', 'No such service account.');
    throw error;
  }
}
