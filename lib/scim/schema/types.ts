import type { ScimGroupColumn, ScimGroupRow, ScimGroupValues, ScimMemberRow, ScimRowColumn, ScimUserColumn, ScimUserRow, ScimUserValues } from '../../db';
import type { Characteristics } from './characteristics';

// The entries of the attribute registry: what RFC 7643 says about an
// attribute (its characteristics, served by /Schemas) and how this product
// keeps it (its storage), which is all the rest of lib/scim needs to read it
// into a resource, write it from a body or a PATCH, and filter and sort by it.

/** How a filter compares a value: citext columns ignore case natively and keep their index for `eq`. */
type FilterValueType = 'text' | 'citext' | 'uuid' | 'boolean' | 'timestamp';

/** An SQL expression of one value per row (alias r), never built from client input. */
export interface FilterOperand {
  sql: string;
  type: FilterValueType;
  caseExact: boolean;
}

/** How a filter or sortBy reaches an attribute, where its storage alone does not say. */
export type FilterRule =
  /** Neither filterable nor sortable. */
  | false
  /** Its column, compared with another case rule than /Schemas advertises (docs/scim.md#known-inconsistencies). */
  | { readonly caseExact: boolean }
  /** An expression of its own. */
  | { readonly operand: FilterOperand }
  /** Group members: the group's GroupMember rows (filter/compile-filter.ts). */
  | 'membership';

/** A sub-attribute (RFC 7643 §2.3.8: never complex itself). */
export interface SubAttributeDef<Column extends string = string> {
  readonly name: string;
  readonly characteristics: Characteristics;
  /** Its column, when its parent is a single-valued complex attribute kept in columns (name.givenName → "givenName"). */
  readonly column?: Column;
  readonly filter?: FilterRule;
}

/** Where an attribute's value lives. */
type Storage<Column extends string> =
  /** One column. */
  | { readonly kind: 'column'; readonly column: Column }
  /** A single-valued complex attribute whose sub-attributes each have a column. */
  | { readonly kind: 'columns' }
  /**
   * A multi-valued attribute: a JSON array of its elements, stored as sent.
   * `typed`: the value of the element of that type is kept in a column of its
   * own as well, where an index can find it (Entra's lookup by work email).
   */
  | { readonly kind: 'json'; readonly column: Column; readonly typed?: { readonly type: string; readonly column: Column } }
  /** Read and written by the entry's own `read` and `write` (manager, meta, members). */
  | { readonly kind: 'code' };

/** What a resource type's entries are typed over. */
export interface ResourceShape {
  column: string;
  row: object;
  context: object;
  values: object;
}

/**
 * One attribute. Typed over its resource's columns, rows, read context and
 * written values one by one (not over a ResourceShape), so that TypeScript
 * sees each one's variance and the common attributes fit either resource.
 */
interface AttributeDef<Column extends string, Row, Context, Values> {
  readonly name: string;
  readonly characteristics: Characteristics;
  /** Present exactly when the type is complex. */
  readonly subAttributes?: readonly SubAttributeDef<Column>[];
  readonly storage: Storage<Column>;
  readonly filter?: FilterRule;
  /** Its value in the resource, where storage does not say how; undefined leaves it out. */
  readonly read?: (row: Row, context: Context) => unknown;
  /** The columns it sets from the value a client sent, for storage 'code'; none: written elsewhere (members) or never. */
  readonly write?: (value: unknown) => Partial<Values>;
}

/** An attribute of the resource type whose types `S` bundles. */
export type AttributeOf<S extends ResourceShape> = AttributeDef<S['column'], S['row'], S['context'], S['values']>;

/** What id, externalId and meta need of a row; every SCIM table has it. */
interface CommonRow {
  id: string;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

interface CommonShape {
  column: ScimRowColumn | 'externalId';
  row: CommonRow;
  context: { readonly baseUrl: string };
  values: { externalId: string | null };
}

export interface UserShape {
  column: ScimUserColumn | ScimRowColumn;
  row: ScimUserRow;
  context: { readonly baseUrl: string };
  values: ScimUserValues;
}

/** A group member as the resource shows it. */
export type MemberRow = Pick<ScimMemberRow, 'userId' | 'user'>;

export interface GroupShape {
  column: ScimGroupColumn | ScimRowColumn;
  row: ScimGroupRow;
  /** `members` null leaves them out (excludedAttributes=members): then no membership row was read. */
  context: { readonly baseUrl: string; readonly members: readonly MemberRow[] | null };
  values: ScimGroupValues;
}

export type CommonAttribute = AttributeOf<CommonShape>;
export type UserAttribute = AttributeOf<UserShape>;
export type GroupAttribute = AttributeOf<GroupShape>;

/** A schema as /Schemas serves it (RFC 7643 §7), with the entries it lists in order. */
export interface SchemaDef<A> {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly A[];
}

/**
 * A resource type (RFC 7643 §6). Its resources list, in this order:
 * schemas, id, externalId, the core schema's attributes, each extension's
 * under its URN, then meta (as RFC 7643 §8 does).
 */
export interface ResourceDef<S extends ResourceShape> {
  /** Its id and name in /ResourceTypes, and meta.resourceType. */
  readonly name: 'User' | 'Group';
  readonly endpoint: string;
  readonly description: string;
  /** RFC 7643 §3.1 common attributes: in every resource, in no schema document. */
  readonly common: { readonly id: AttributeOf<S>; readonly externalId: AttributeOf<S>; readonly meta: AttributeOf<S> };
  readonly schema: SchemaDef<AttributeOf<S>>;
  readonly extensions: readonly (SchemaDef<AttributeOf<S>> & { readonly required: boolean })[];
}
