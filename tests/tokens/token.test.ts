import { describe, expect, it } from 'vitest';
import { tenantDb } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { authenticateToken, forgetTokens } from '../../lib/tokens/authenticate-token';
import {
  createServiceAccountToken,
  createServiceAccountWithToken,
  createTokenForAccount,
  MAX_ACTIVE_TOKENS,
} from '../../lib/tokens/create-service-account-token';
import { generateToken, revokeToken } from '../../lib/tokens/service-accounts';
import { generateTokenSecret, hashToken, TOKEN_PREFIX } from '../../lib/tokens/token-secret';
import { withTestDatabase } from '../support/database';
import { columnsHolding } from '../support/find-secret';

const database = withTestDatabase();

describe('token secrets', () => {
  it('are prefixed, long and different every time', () => {
    const a = generateTokenSecret();
    const b = generateTokenSecret();
    expect(a.token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(a.token.length).toBeGreaterThanOrEqual(TOKEN_PREFIX.length + 43);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.token.endsWith(a.lastFour)).toBe(true);
  });
});

describe('createServiceAccountToken', () => {
  it('stores the hash and never the token, and records who minted it', async () => {
    const tenant = await createTenant({ subdomain: 'initech', displayName: 'Initech' });
    const actor = { type: 'system', label: 'test' } as const;
    const first = await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'first' }, actor);
    const second = await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'rotation' }, actor);

    const db = tenantDb(tenant.id);
    expect(await db.serviceAccount.count()).toBe(1);
    expect(first.record.serviceAccountId).toBe(second.record.serviceAccountId);
    expect(first.record.tokenHash).toBe(hashToken(first.token));
    expect(await db.auditEvent.count({ where: { action: 'token.create' } })).toBe(2);

    expect(await columnsHolding(database.url, first.token.slice(8))).toEqual([]);
  });
});

describe('authenticateToken', () => {
  it('answers for the token of its own tenant only, and stops answering once the token is revoked', async () => {
    const tenant = await createTenant({ subdomain: 'hooli', displayName: 'Hooli' });
    const other = await createTenant({ subdomain: 'piedpiper', displayName: 'Pied Piper' });
    const actor = { type: 'system', label: 'test' } as const;
    const { token, record } = await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'first' }, actor);

    expect(await authenticateToken(tenant.id, token)).toMatchObject({ tokenId: record.id, tokenName: 'first', serviceAccountName: 'Entra' });
    expect(await authenticateToken(other.id, token)).toBeNull();
    expect(await authenticateToken(tenant.id, `${token}x`)).toBeNull();

    // Revoked elsewhere (another instance, the CLI): refused within a second.
    await tenantDb(tenant.id).apiToken.updateMany({ where: { id: record.id }, data: { revokedAt: new Date() } });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await authenticateToken(tenant.id, token)).toBeNull();
  });

  it('refuses at once a token this process revoked and forgot, and an expired token', async () => {
    const tenant = await createTenant({ subdomain: 'vandelay', displayName: 'Vandelay' });
    const actor = { type: 'system', label: 'test' } as const;
    const { token, record } = await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'first' }, actor);
    expect(await authenticateToken(tenant.id, token)).not.toBeNull();
    await tenantDb(tenant.id).apiToken.updateMany({ where: { id: record.id }, data: { revokedAt: new Date() } });
    await forgetTokens(tenant.id);
    expect(await authenticateToken(tenant.id, token)).toBeNull();

    const second = await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'second' }, actor);
    await tenantDb(tenant.id).apiToken.updateMany({ where: { id: second.record.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await authenticateToken(tenant.id, second.token)).toBeNull();
  });
});

describe('service accounts in the Admin Console', () => {
  it('refuse a second account of the same name, and never bring a deleted account back with a new token', async () => {
    const tenant = await createTenant({ subdomain: 'wonka', displayName: 'Wonka' });
    const actor = { type: 'system', label: 'test' } as const;
    const first = await createServiceAccountWithToken(tenant.id, 'Entra', actor);
    await expect(createServiceAccountWithToken(tenant.id, 'Entra', actor)).rejects.toThrow(/already exists/);

    const db = tenantDb(tenant.id);
    const account = (await db.serviceAccount.findUnique({ where: { id: first.record.serviceAccountId } }))!;
    await db.serviceAccount.delete({ where: { id: account.id } });
    // A token generated for it a moment later (another admin deleted it meanwhile).
    await expect(createTokenForAccount(tenant.id, account, 'Late', undefined, actor)).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.serviceAccount.count()).toBe(0);
    expect(await db.apiToken.count()).toBe(0);
  });
});

describe('the cap on active tokens', () => {
  it('refuses a tenant its 21st active token with a plain AppError, counting neither revoked nor expired ones', async () => {
    const tenant = await createTenant({ subdomain: 'cyberdyne', displayName: 'Cyberdyne' });
    const actor = { type: 'system', label: 'test' } as const;
    const first = await createServiceAccountWithToken(tenant.id, 'Entra', actor);
    const minted = [first];
    for (let i = 2; i <= MAX_ACTIVE_TOKENS; i++)
      minted.push(await createServiceAccountToken(tenant.id, { serviceAccountName: i % 2 ? 'Entra' : 'Okta', tokenName: `t${i}` }, actor));
    const refused = createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'one too many' }, actor);
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/20 active tokens.*[Rr]evoke/) });
    // Every path that mints is held to it: a new account's first token, and a further one from the Admin Console.
    await expect(createServiceAccountWithToken(tenant.id, 'Another', actor)).rejects.toMatchObject({ code: 'conflict' });
    await expect(generateToken(tenant.id, actor, first.record.serviceAccountId, { name: 'late', expiresInDays: null })).rejects.toMatchObject({
      code: 'conflict',
    });
    const db = tenantDb(tenant.id);
    expect(await db.apiToken.count()).toBe(MAX_ACTIVE_TOKENS);
    expect(await db.serviceAccount.count()).toBe(2);

    await revokeToken(tenant.id, actor, minted[0].record.id);
    await db.apiToken.updateMany({ where: { id: minted[1].record.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'rotation' }, actor);
    await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'rotation 2' }, actor);
    await expect(createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: 'again too many' }, actor)).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('holds when admins mint at the same moment', async () => {
    const tenant = await createTenant({ subdomain: 'tyrell', displayName: 'Tyrell' });
    const actor = { type: 'system', label: 'test' } as const;
    for (let i = 0; i < MAX_ACTIVE_TOKENS - 2; i++) await createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: `t${i}` }, actor);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => createServiceAccountToken(tenant.id, { serviceAccountName: 'Entra', tokenName: `race ${i}` }, actor)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []))).toEqual(['conflict', 'conflict', 'conflict', 'conflict']);
    expect(await tenantDb(tenant.id).apiToken.count()).toBe(MAX_ACTIVE_TOKENS);
  });
});
