import { SCIM_SCHEMAS } from '../limits';
import type { SchemaAttribute, SchemaDefinition } from './attribute';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user-schema';
import { GROUP_SCHEMA } from './group-schema';
import { discoveryMeta, type DiscoveryMeta } from './location';
import { USER_SCHEMA } from './user-schema';

// The /Schemas resources (RFC 7643 §7, RFC 7644 §4). Entra reads them when an
// admin saves or edits provisioning, and wants a ListResponse of them (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups).

export interface SchemaDocument {
  readonly schemas: readonly string[];
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly SchemaAttribute[];
  readonly meta: DiscoveryMeta;
}

const DEFINITIONS: readonly SchemaDefinition[] = [USER_SCHEMA, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA];

function documentOf(baseUrl: string, definition: SchemaDefinition): SchemaDocument {
  return {
    schemas: [SCIM_SCHEMAS.schema],
    id: definition.id,
    name: definition.name,
    description: definition.description,
    attributes: definition.attributes,
    meta: discoveryMeta(baseUrl, 'Schema', `/Schemas/${definition.id}`),
  };
}

/** Every schema this server serves: core User, Enterprise User, core Group. */
export function schemaDocuments(baseUrl: string): SchemaDocument[] {
  return DEFINITIONS.map((definition) => documentOf(baseUrl, definition));
}

/** The schema with this URN, compared case-insensitively as SCIM compares schema URIs; null when unknown. */
export function findSchema(baseUrl: string, id: string): SchemaDocument | null {
  const wanted = id.toLowerCase();
  const definition = DEFINITIONS.find((candidate) => candidate.id.toLowerCase() === wanted);
  return definition ? documentOf(baseUrl, definition) : null;
}
