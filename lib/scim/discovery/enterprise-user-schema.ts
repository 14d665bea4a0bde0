import { SCIM_SCHEMAS } from '../limits';
import { attribute, type SchemaDefinition } from './attribute';

// The Enterprise User extension (RFC 7643 §4.3), descriptions in the wording of
// its representation in §8.7.1. Entra maps employeeId, department and manager
// here by default (https://learn.microsoft.com/entra/identity/app-provisioning/customize-application-attributes).

function text(name: string, description: string) {
  return attribute({ name, type: 'string', description });
}

export const ENTERPRISE_USER_SCHEMA: SchemaDefinition = {
  id: SCIM_SCHEMAS.enterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    text('employeeNumber', 'Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization.'),
    text('costCenter', 'Identifies the name of a cost center.'),
    text('organization', 'Identifies the name of an organization.'),
    text('division', 'Identifies the name of a division.'),
    text('department', 'Identifies the name of a department.'),
    attribute({
      name: 'manager',
      type: 'complex',
      description:
        "The User's manager. A complex type that optionally allows service providers to represent organizational hierarchy by referencing the 'id' attribute of another User.",
      subAttributes: [
        // "REQUIRED" in the wording, yet required=false in §8.7.1: Entra sends the
        // manager as a bare id, never with $ref (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups).
        text('value', "The id of the SCIM resource representing the User's manager. REQUIRED."),
        attribute({
          name: '$ref',
          type: 'reference',
          referenceTypes: ['User'],
          description: "The URI of the SCIM resource representing the User's manager. REQUIRED.",
        }),
        attribute({
          name: 'displayName',
          type: 'string',
          description: "The displayName of the User's manager. OPTIONAL and READ-ONLY.",
          mutability: 'readOnly',
        }),
      ],
    }),
  ],
};
