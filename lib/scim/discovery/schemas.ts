import { SCIM_SCHEMAS } from '../limits';
import { GROUP_RESOURCE, USER_RESOURCE, type SchemaDef } from '../schema';
import { schemaAttribute, type SchemaAttribute, type SchemaDefinition } from './attribute';
import { discoveryMeta, type DiscoveryMeta } from './location';

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

function definitionOf({ id, name, description, attributes }: SchemaDef<Parameters<typeof schemaAttribute>[0]>): SchemaDefinition {
  return { id, name, description, attributes: attributes.map(schemaAttribute) };
}

/** Each resource type's core schema, then its extensions: core User, Enterprise User, core Group (lib/scim/schema). */
const DEFINITIONS: readonly SchemaDefinition[] = [USER_RESOURCE, GROUP_RESOURCE].flatMap((resource) =>
  [resource.schema, ...resource.extensions].map(definitionOf),
);

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
