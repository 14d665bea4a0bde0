import type { ScimUserColumn } from '../../db';
import { characteristics } from './characteristics';
import { MANAGER } from './manager';
import type { UserAttribute } from './types';

// The Enterprise User extension (RFC 7643 §4.3), descriptions in the wording of
// its representation in §8.7.1. Entra maps employeeId, department and manager
// here by default (https://learn.microsoft.com/entra/identity/app-provisioning/customize-application-attributes).
// Each is kept in the User column of its own name; the manager in manager.ts.

function text(name: ScimUserColumn, description: string): UserAttribute {
  return { name, characteristics: characteristics({ type: 'string', description }), storage: { kind: 'column', column: name } };
}

export const ENTERPRISE_USER_ATTRIBUTES: readonly UserAttribute[] = [
  text('employeeNumber', 'Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization.'),
  text('costCenter', 'Identifies the name of a cost center.'),
  text('organization', 'Identifies the name of an organization.'),
  text('division', 'Identifies the name of a division.'),
  text('department', 'Identifies the name of a department.'),
  MANAGER,
];
