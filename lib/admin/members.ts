import type { Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-event';
import { isSerializationFailure, isUuid, tenantDb } from '../db';
import { personName } from '../directory/person-name';
import { AppError } from '../errors';

// The Members page: everyone in the tenant, and the admin role. A tenant
// always keeps at least one active admin.

export interface MemberSummary {
  id: string;
  name: string;
  userName: string;
  active: boolean;
  source: 'SCIM' | 'Sign-in';
  role: 'member' | 'admin';
  lastSignInAt: Date | null;
}

export const MEMBERS_PAGE_SIZE = 100;

export async function listMembers(tenantId: string, page: number): Promise<{ members: MemberSummary[]; total: number; pageCount: number; page: number }> {
  const db = tenantDb(tenantId);
  const total = await db.user.count();
  const pageCount = Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const users = await db.user.findMany({
    orderBy: [{ role: 'desc' }, { familyName: 'asc' }, { givenName: 'asc' }, { userName: 'asc' }],
    skip: (current - 1) * MEMBERS_PAGE_SIZE,
    take: MEMBERS_PAGE_SIZE,
    select: { id: true, displayName: true, userName: true, active: true, provisioned: true, role: true, lastSignInAt: true },
  });
  return {
    members: users.map((u) => ({
      id: u.id,
      name: personName(u),
      userName: u.userName,
      active: u.active,
      source: u.provisioned ? 'SCIM' : 'Sign-in',
      role: u.role,
      lastSignInAt: u.lastSignInAt,
    })),
    total,
    pageCount,
    page: current,
  };
}

export async function setRole(tenantId: string, actor: Actor, userId: string, role: unknown): Promise<void> {
  if (role !== 'admin' && role !== 'member') throw new AppError('invalid_input', 'A role is admin or member.');
  if (!isUuid(userId)) throw new AppError('not_found', 'No such person.');
  // PostgreSQL may refuse a serializable transaction whose reads only looked
  // like they overlapped (predicate locks cover index pages, which tenants
  // share). A retry reads afresh: a real race, such as two admins demoting
  // each other, then meets the last-admin check instead.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await changeRole(tenantId, actor, userId, role);
    } catch (error) {
      if (!isSerializationFailure(error)) throw error;
      if (attempt === ROLE_CHANGE_ATTEMPTS) throw new AppError('conflict', 'Someone changed roles at the same moment; look again and retry.');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

const ROLE_CHANGE_ATTEMPTS = 5;

function changeRole(tenantId: string, actor: Actor, userId: string, role: 'admin' | 'member') {
  return tenantDb(tenantId).$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId } });
      if (!user) throw new AppError('not_found', 'No such person.');
      if (user.role === role) return;
      if (role === 'admin' && !user.active) throw new AppError('invalid_input', `${personName(user)} is deactivated and cannot be an admin.`);
      if (role === 'member' && (await tx.user.count({ where: { role: 'admin', active: true, id: { not: userId } } })) === 0) {
        throw new AppError('conflict', 'The last admin cannot be demoted: make someone else an admin first.');
      }
      await tx.user.update({ where: { id: userId }, data: { role } });
      await recordAuditEvent(tx, tenantId, {
        actor,
        action: 'member.role',
        target: { type: 'User', id: userId },
        details: { person: user.userName, role: `${user.role} → ${role}` },
      });
      // Serializable: two admins demoting each other at once cannot both pass the last-admin check.
    },
    { isolationLevel: 'Serializable' },
  );
}
