import { SCIM_SCHEMAS } from '../limits';
import { GROUP_RESOURCE, USER_RESOURCE } from '../schema';
import { discoveryMeta, type DiscoveryMeta } from './location';

// The /ResourceTypes resources (RFC 7643 §6, example in §8.6), from the registry's resource types (lib/scim/schema).

export interface ResourceTypeDocument {
  readonly schemas: readonly string[];
  readonly id: string;
  readonly name: string;
  readonly endpoint: string;
  readonly description: string;
  readonly schema: string;
  readonly schemaExtensions?: readonly { readonly schema: string; readonly required: boolean }[];
  readonly meta: DiscoveryMeta;
}

type ResourceTypeDefinition = Omit<ResourceTypeDocument, 'schemas' | 'meta'>;

const DEFINITIONS: readonly ResourceTypeDefinition[] = [USER_RESOURCE, GROUP_RESOURCE].map((resource) => ({
  id: resource.name,
  name: resource.name,
  endpoint: resource.endpoint,
  description: resource.description,
  schema: resource.schema.id,
  ...(resource.extensions.length > 0
    ? { schemaExtensions: resource.extensions.map((extension) => ({ schema: extension.id, required: extension.required })) }
    : {}),
}));

function documentOf(baseUrl: string, definition: ResourceTypeDefinition): ResourceTypeDocument {
  return {
    schemas: [SCIM_SCHEMAS.resourceType],
    ...definition,
    meta: discoveryMeta(baseUrl, 'ResourceType', `/ResourceTypes/${definition.id}`),
  };
}

/** Every resource type this server serves: User (with the Enterprise extension) and Group. */
export function resourceTypes(baseUrl: string): ResourceTypeDocument[] {
  return DEFINITIONS.map((definition) => documentOf(baseUrl, definition));
}

/** The resource type with this id or name, case-insensitively (`/ResourceTypes/user` works); null when unknown. */
export function findResourceType(baseUrl: string, name: string): ResourceTypeDocument | null {
  const wanted = name.toLowerCase();
  const definition = DEFINITIONS.find((candidate) => candidate.id.toLowerCase() === wanted || candidate.name.toLowerCase() === wanted);
  return definition ? documentOf(baseUrl, definition) : null;
}
