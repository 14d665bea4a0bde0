import { SCIM_SCHEMAS } from '../limits';
import { canonicalValue, findAttribute } from '../patch/document-schema';
import { USER_DOCUMENT } from '../schema';

// A User body in the canonical form the column mapping reads (user-columns.ts):
// the attributes a client writes (lib/scim/schema), by their canonical names.

export const ENTERPRISE = SCIM_SCHEMAS.enterpriseUser;

const ENTERPRISE_ATTRIBUTES = USER_DOCUMENT.extensions[ENTERPRISE];

/**
 * A SCIM User body with canonical attribute names, unknown attributes and
 * read-only ones (id, meta, schemas, groups) dropped, and the enterprise
 * extension under its URN key.
 */
export function canonicalUser(body: Record<string, unknown>): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  const enterprise: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    if (key.toLowerCase() === ENTERPRISE.toLowerCase() && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const spec = findAttribute(ENTERPRISE_ATTRIBUTES, k);
        if (spec && v !== null) enterprise[spec.name] = canonicalValue(spec, v);
      }
      continue;
    }
    const spec = findAttribute(USER_DOCUMENT.core, key);
    if (spec) doc[spec.name] = canonicalValue(spec, value);
  }
  if (Object.keys(enterprise).length > 0) doc[ENTERPRISE] = enterprise;
  return doc;
}
