import { etag } from '../http';
import { characteristics } from './characteristics';
import { sub } from './define';
import type { CommonAttribute } from './types';

// RFC 7643 §3.1's common attributes: id, externalId and meta, in every
// resource of either type. No schema document lists them (§8.7.1 leaves them
// out too), so their characteristics are never served; they are here because
// reads, writes and filters need them like any other attribute. Descriptions
// in the wording of §3.1.

/** id, externalId and meta of a resource type served at `endpoint` (e.g. "/Users"). */
export function commonAttributes(resourceType: 'User' | 'Group', endpoint: string) {
  const id: CommonAttribute = {
    name: 'id',
    characteristics: characteristics({
      type: 'string',
      description: 'A unique identifier for a SCIM resource as defined by the service provider.',
      caseExact: true,
      mutability: 'readOnly',
      returned: 'always',
      uniqueness: 'server',
    }),
    storage: { kind: 'column', column: 'id' },
  };

  const externalId: CommonAttribute = {
    name: 'externalId',
    characteristics: characteristics({
      type: 'string',
      description: 'A String that is an identifier for the resource as defined by the provisioning client.',
      caseExact: true,
    }),
    storage: { kind: 'column', column: 'externalId' },
  };

  const meta: CommonAttribute = {
    name: 'meta',
    characteristics: characteristics({ type: 'complex', description: 'A complex attribute containing resource metadata.', mutability: 'readOnly' }),
    subAttributes: [
      // A constant per resource type: `meta.resourceType eq "User"` is true of every user, and compares exactly.
      sub(
        'resourceType',
        { type: 'string', description: 'The name of the resource type of the resource.', caseExact: true, mutability: 'readOnly' },
        { filter: { operand: { sql: `'${resourceType}'::text`, type: 'text', caseExact: true } } },
      ),
      sub(
        'created',
        { type: 'dateTime', description: 'The "DateTime" that the resource was added to the service provider.', mutability: 'readOnly' },
        { column: 'createdAt' },
      ),
      sub(
        'lastModified',
        {
          type: 'dateTime',
          description: 'The most recent DateTime that the details of this resource were updated at the service provider.',
          mutability: 'readOnly',
        },
        { column: 'updatedAt' },
      ),
      sub(
        'location',
        { type: 'reference', referenceTypes: ['uri'], description: 'The URI of the resource being returned.', mutability: 'readOnly' },
        { filter: false },
      ),
      sub(
        'version',
        { type: 'string', description: 'The version of the resource being returned.', caseExact: true, mutability: 'readOnly' },
        { filter: false },
      ),
    ],
    storage: { kind: 'code' },
    read: (row, { baseUrl }) => ({
      resourceType,
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}${endpoint}/${row.id}`,
      version: etag(row.version),
    }),
  };

  return { id, externalId, meta };
}
