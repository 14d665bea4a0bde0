import { isUuid, tenantDb } from '../db';
import { personName } from '../directory/person-name';
import { AppError } from '../errors';
import { notifyOwnerMade } from '../notifications/notify';
import { requireLivePage } from './live-page';

// Every page has an owner, the person to ask about it. When SCIM deactivates
// the owner (or deletes them, which clears the owner), the page reads as
// "owner left" and suggests the owner's manager; that is derived when the page
// is read, so it is right whatever changed the owner's status.

interface OwnerRow {
  id: string;
  active: boolean;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  userName: string;
  manager: { id: string; active: boolean; displayName: string | null; givenName: string | null; familyName: string | null; userName: string } | null;
}

export type OwnerStatus =
  | { kind: 'present'; id: string; name: string }
  | { kind: 'left'; former: { id: string; name: string } | null; suggestion: { id: string; name: string } | null };

/** Select for `ownerStatus`: the owner and their manager. */
export const OWNER_SELECT = {
  id: true,
  active: true,
  displayName: true,
  givenName: true,
  familyName: true,
  userName: true,
  manager: { select: { id: true, active: true, displayName: true, givenName: true, familyName: true, userName: true } },
} as const;

export function ownerStatus(owner: OwnerRow | null): OwnerStatus {
  if (owner?.active) return { kind: 'present', id: owner.id, name: personName(owner) };
  const manager = owner?.manager;
  return {
    kind: 'left',
    former: owner ? { id: owner.id, name: personName(owner) } : null,
    // A manager who has left too is no suggestion: the page then asks someone to choose.
    suggestion: manager?.active ? { id: manager.id, name: personName(manager) } : null,
  };
}

/** Makes the active person `key` (id, userName or work email) the owner of the page at `slug`; `actorId` chose them. */
export async function setPageOwner(tenantId: string, slug: string, key: string, actorId: string): Promise<{ name: string }> {
  const wanted = key.trim();
  if (!wanted) throw new AppError('invalid_input', 'Name the new owner by their work email or user name.');
  return tenantDb(tenantId).$transaction(async (tx) => {
    const page = await requireLivePage(tx, slug);
    const person = await tx.user.findFirst({
      where: { active: true, OR: [...(isUuid(wanted) ? [{ id: wanted }] : []), { userName: wanted }, { workEmail: wanted }] },
      select: { id: true, displayName: true, givenName: true, familyName: true, userName: true },
    });
    if (!person) throw new AppError('invalid_input', `Nobody active here has the email or user name "${wanted}".`);
    await tx.wikiPage.updateMany({ where: { id: page.id }, data: { ownerId: person.id } });
    if (page.ownerId !== person.id) await notifyOwnerMade(tx, tenantId, page.id, person.id, actorId);
    return { name: personName(person) };
  });
}
