import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAuditEvent } from '../audit/record-event';
import { isUuid, tenantDb, USER_BY_NAME } from '../db';
import { AppError } from '../errors';
import { personName } from './person-name';

// Teams are the tenant's SCIM groups: provisioning creates them and keeps
// their members; admins may describe them.

export interface TeamSummary {
  id: string;
  name: string;
  description: string | null;
  members: number;
}

export interface TeamMember {
  id: string;
  name: string;
  title: string | null;
  manager: { id: string; name: string } | null;
}

export const TEAM_MEMBERS_SHOWN = 500;

export async function listTeams(tenantId: string): Promise<TeamSummary[]> {
  const groups = await tenantDb(tenantId).group.findMany({
    orderBy: { displayName: 'asc' },
    select: { id: true, displayName: true, description: true, _count: { select: { members: true } } },
  });
  return groups.map((g) => ({ id: g.id, name: g.displayName, description: g.description, members: g._count.members }));
}

/** Every team's id and name, for choosing one (counting members reads every membership). */
export async function listTeamNames(tenantId: string): Promise<{ id: string; name: string }[]> {
  const groups = await tenantDb(tenantId).group.findMany({ orderBy: { displayName: 'asc' }, select: { id: true, displayName: true } });
  return groups.map((g) => ({ id: g.id, name: g.displayName }));
}

export async function findTeam(tenantId: string, id: string): Promise<(TeamSummary & { people: TeamMember[] }) | null> {
  if (!isUuid(id)) return null;
  const db = tenantDb(tenantId);
  const group = await db.group.findUnique({ where: { id }, select: { id: true, displayName: true, description: true, _count: { select: { members: true } } } });
  if (!group) return null;
  const rows = await db.groupMember.findMany({
    where: { groupId: id, user: { active: true } },
    take: TEAM_MEMBERS_SHOWN,
    orderBy: USER_BY_NAME.map((key) => ({ user: key })),
    select: {
      user: { select: { id: true, displayName: true, userName: true, title: true, manager: { select: { id: true, displayName: true, userName: true } } } },
    },
  });
  return {
    id: group.id,
    name: group.displayName,
    description: group.description,
    members: group._count.members,
    people: rows.map(({ user }) => ({
      id: user.id,
      name: personName(user),
      title: user.title,
      manager: user.manager ? { id: user.manager.id, name: personName(user.manager) } : null,
    })),
  };
}

const description = z.string().trim().max(2_000, 'A description is at most 2,000 characters.');

/** The one thing TheOrgWiki adds to a team: a description, written by an admin. */
export async function describeTeam(tenantId: string, actor: Actor, id: string, text: unknown): Promise<void> {
  const parsed = description.safeParse(text);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0].message);
  const db = tenantDb(tenantId);
  const group = isUuid(id) ? await db.group.findUnique({ where: { id }, select: { displayName: true } }) : null;
  if (!group) throw new AppError('not_found', 'No such team.');
  await db.$transaction(async (tx) => {
    await tx.group.updateMany({ where: { id }, data: { description: parsed.data || null } });
    await recordAuditEvent(tx, tenantId, { actor, action: 'team.describe', target: { type: 'Group', id }, details: { team: group.displayName } });
  });
}
