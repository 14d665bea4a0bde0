import { SCIM_SCHEMAS } from '../limits';
import { discoveryMeta, type DiscoveryMeta } from './location';

// The /ResourceTypes resources (RFC 7643 §6, example in §8.6).

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

const DEFINITIONS: readonly ResourceTypeDefinition[] = [
  {
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'User Account',
    schema: SCIM_SCHEMAS.user,
    schemaExtensions: [{ schema: SCIM_SCHEMAS.enterpriseUser, required: false }],
  },
  {
    id: 'Group',
    name: 'Group',
    endpoint: '/Groups',
    description: 'Group',
    schema: SCIM_SCHEMAS.group,
  },
];

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
