import { isUuid, tenantDb } from '../db';
import { AppError } from '../errors';

// The console's live steps after a token is made: waiting for Entra's Test
// Connection, then the first cycle's progress. Read from the token (its Test
// Connection and last use) and the provisioning log since the token was made.

export interface ConnectionProgress {
  /** Entra's Test Connection with this token, if it came. */
  testConnectionAt: Date | null;
  /** The token's last use (any request), written at most once a minute after the first. */
  lastRequestAt: Date | null;
  /** People and groups created with the token's service account since the token was made. */
  usersCreated: number;
  groupsCreated: number;
}

export async function connectionProgress(tenantId: string, tokenId: string): Promise<ConnectionProgress> {
  const db = tenantDb(tenantId);
  const token = isUuid(tokenId)
    ? await db.apiToken.findFirst({ where: { id: tokenId }, select: { serviceAccountId: true, createdAt: true, testConnectionAt: true, lastUsedAt: true } })
    : null;
  if (!token) throw new AppError('not_found', 'No such token.');
  const since = { actorId: token.serviceAccountId, at: { gte: token.createdAt } };
  const [usersCreated, groupsCreated] = await Promise.all([
    db.auditEvent.count({ where: { action: 'scim.user.create', ...since } }),
    db.auditEvent.count({ where: { action: 'scim.group.create', ...since } }),
  ]);
  return { testConnectionAt: token.testConnectionAt, lastRequestAt: token.lastUsedAt, usersCreated, groupsCreated };
}
