import type { ScimUserRow } from '../../db';
import { ScimError } from '../errors';
import { characteristics } from './characteristics';
import { sub } from './define';
import { USERS_ENDPOINT } from './endpoints';
import type { FilterOperand, UserAttribute } from './types';

// The Enterprise User's manager (RFC 7643 §4.3), all of it in one place: the
// manager is kept as an id (two columns: "managerId" when it names a user of
// the tenant, "unresolvedManagerId" as sent when it does not, or not yet:
// docs/scim.md), read back as the RFC object, written from any of Entra's
// forms, and filtered by the id as sent.

/** The manager's id as the client sent it: linked to a user of the tenant, or kept unresolved (docs/scim.md). */
export function managerReference(row: Pick<ScimUserRow, 'managerId' | 'unresolvedManagerId'>): string | null {
  return row.managerId ?? row.unresolvedManagerId;
}

/** The manager's id from "id", {"value": "id"} or [{"value": "id"}]; null clears it. */
function managerIdOf(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? null : managerIdOf(value[0]);
  if (typeof value === 'object') return managerIdOf((value as Record<string, unknown>).value ?? null);
  throw new ScimError(400, 'manager must be a user id, {"value": "<id>"} or [{"value": "<id>"}].', 'invalidValue');
}

/**
 * Entra reads the manager back as the RFC object, a bare string fails its
 * cycle, and a value other than the one it sent makes it send it again: an
 * unresolved id is read back as sent, with no $ref or displayName (no user has them).
 */
function readManager(row: ScimUserRow, { baseUrl }: { readonly baseUrl: string }): unknown {
  const reference = managerReference(row);
  if (!reference) return undefined;
  if (!row.managerId) return { value: reference };
  const displayName = row.manager?.displayName ?? row.manager?.userName;
  return { value: reference, $ref: `${baseUrl}${USERS_ENDPOINT}/${reference}`, ...(displayName != null ? { displayName } : {}) };
}

/**
 * The id as it was sent, linked to a user or not, as reads return it: Entra
 * checks its last write with `id eq "…" and manager eq "…"`, where the id's
 * index does the work.
 */
const MANAGER_SENT: FilterOperand = { sql: 'COALESCE(r."managerId"::text, r."unresolvedManagerId")', type: 'text', caseExact: true };

export const MANAGER: UserAttribute = {
  name: 'manager',
  characteristics: characteristics({
    type: 'complex',
    description:
      "The User's manager. A complex type that optionally allows service providers to represent organizational hierarchy by referencing the 'id' attribute of another User.",
  }),
  subAttributes: [
    // "REQUIRED" in the wording, yet required=false in §8.7.1: Entra sends the
    // manager as a bare id, never with $ref (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups).
    // Filters compare it exactly, as sent (§8.7.1 says caseExact false).
    sub(
      'value',
      { type: 'string', description: "The id of the SCIM resource representing the User's manager. REQUIRED." },
      { filter: { operand: MANAGER_SENT } },
    ),
    sub(
      '$ref',
      { type: 'reference', referenceTypes: ['User'], description: "The URI of the SCIM resource representing the User's manager. REQUIRED." },
      { filter: false },
    ),
    sub(
      'displayName',
      { type: 'string', description: "The displayName of the User's manager. OPTIONAL and READ-ONLY.", mutability: 'readOnly' },
      { filter: false },
    ),
  ],
  storage: { kind: 'code' },
  read: readManager,
  write: (value) => ({ managerId: managerIdOf(value) }),
  // `manager eq "…"` means manager.value, as Entra sends it.
  filter: { operand: MANAGER_SENT },
};
