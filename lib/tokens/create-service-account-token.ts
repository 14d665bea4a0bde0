import { z } from 'zod';
import { tenantDb, type ApiToken } from '../db';
import { recordAuditEvent, type AuditActor } from '../audit/record-event';
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
 * Mints a token for the tenant's token-based service account of that name,
 * creating the account on first use (what `orgwiki token:create` and the
 * Admin Console's +Service Account both need).
 */
export async function createServiceAccountToken(
  tenantId: string,
  input: z.input<typeof createTokenInput>,
  actor: AuditActor,
): Promise<CreatedToken> {
  const { serviceAccountName, tokenName, expiresAt } = createTokenInput.parse(input);
  const secret = generateTokenSecret();
  const createdById = actor.type === 'user' ? actor.id : null;
  const record = await tenantDb(tenantId).$transaction(async (tx) => {
    const account = await tx.serviceAccount.upsert({
      where: { tenantId_name: { tenantId, name: serviceAccountName } },
      create: { tenantId, name: serviceAccountName, kind: 'token', createdById },
      update: {},
    });
    const token = await tx.apiToken.create({
      data: {
        tenantId,
        serviceAccountId: account.id,
        name: tokenName,
        tokenHash: secret.hash,
        prefix: secret.displayPrefix,
        lastFour: secret.lastFour,
        createdById,
        expiresAt: expiresAt ?? null,
      },
    });
    await recordAuditEvent(tx, tenantId, {
      actor,
      action: 'token.create',
      target: { type: 'ApiToken', id: token.id },
      details: { serviceAccount: serviceAccountName, name: tokenName },
    });
    return token;
  });
  return { token: secret.token, record };
}
