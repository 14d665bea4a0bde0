import { tenantDb, type User } from '../db';
import { LINK, link, teamAround, type PersonLink } from './profile';

// What the home page shows a signed-in person: who joined lately, which pages
// changed lately, and the people they work with.

export interface Home {
  recentlyJoined: (PersonLink & { department: string | null; joinedAt: Date })[];
  recentPages: { slug: string; title: string; updatedAt: Date }[];
  team: { manager: PersonLink | null; peers: PersonLink[]; reports: PersonLink[] };
}

const SHOWN = 6;

export async function loadHome(tenantId: string, user: User): Promise<Home> {
  const db = tenantDb(tenantId);
  const [joined, pages, manager, around] = await Promise.all([
    db.user.findMany({
      where: { active: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: SHOWN,
      select: { ...LINK, department: true, createdAt: true },
    }),
    db.wikiPage.findMany({ where: { deletedAt: null }, orderBy: { updatedAt: 'desc' }, take: SHOWN, select: { slug: true, title: true, updatedAt: true } }),
    user.managerId ? db.user.findFirst({ where: { id: user.managerId, active: true }, select: LINK }) : null,
    teamAround(tenantId, user, SHOWN * 2),
  ]);
  return {
    recentlyJoined: joined.map((p) => ({ ...link(p), department: p.department, joinedAt: p.createdAt })),
    recentPages: pages,
    team: { manager: manager ? link(manager) : null, ...around },
  };
}
