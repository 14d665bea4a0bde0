import { checkValueCount } from '../limits';
import { canonicalSubAttribute, canonicalValue, findAttribute, type AttributeSpec, type DocumentSchema } from './document-schema';
import { elementMatcher, equalityFields, invalidPath, parsePath, type ParsedPath, type PatchOperation } from './patch-request';

// Applies PATCH operations (RFC 7644 §3.5.2) to a canonical resource document,
// in memory; the caller validates the result and stores it in one transaction,
// so a request applies all of its operations or none. Unknown attributes are
// ignored, as Entra expects of attributes an app does not keep. What a
// document holds comes from the attribute registry (lib/scim/schema/patch-models.ts).

type Doc = Record<string, unknown>;
const isObject = (v: unknown): v is Doc => !!v && typeof v === 'object' && !Array.isArray(v);

function asObject(value: unknown): Doc {
  if (isObject(value)) return { ...value };
  return value === undefined || value === null ? {} : { value };
}

function sameElement(a: Doc, b: Doc): boolean {
  const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
  return a.value !== undefined && norm(a.value) === norm(b.value) && norm(a.type) === norm(b.type);
}

/** A new primary element demotes the others (RFC 7643 §2.4: at most one primary). */
function keepOnePrimary(list: Doc[], chosen: Doc): void {
  if (chosen.primary === true || (typeof chosen.primary === 'string' && chosen.primary.toLowerCase() === 'true')) {
    for (const element of list) if (element !== chosen && element.primary !== undefined) element.primary = false;
  }
}

function applyMulti(container: Doc, spec: AttributeSpec, path: ParsedPath, op: PatchOperation['op'], raw: unknown): void {
  const list: Doc[] = Array.isArray(container[spec.name]) ? (container[spec.name] as Doc[]).map((e) => ({ ...e })) : [];
  const sub = path.subAttribute ? canonicalSubAttribute(spec, path.subAttribute) : null;
  if (path.subAttribute && !sub) return;
  const value = sub ? raw : canonicalValue(spec, raw);
  const elements = (Array.isArray(value) ? value : [value]).filter(isObject);
  // Merging is quadratic in the elements: bound them before, not after (userColumns checks the result too).
  checkValueCount(elements.length, spec.name);

  if (path.filter) {
    const matches = elementMatcher(path.filter);
    const hit = list.filter(matches);
    if (op === 'remove') {
      const drop = new Set(sub && sub !== 'value' ? [] : hit);
      if (sub && sub !== 'value') for (const element of hit) delete element[sub];
      container[spec.name] = list.filter((element) => !drop.has(element));
      return;
    }
    if (hit.length === 0) {
      const created = sub ? { ...equalityFields(path.filter), [sub]: value } : { ...equalityFields(path.filter), ...elements[0] };
      list.push(created);
      keepOnePrimary(list, created);
    } else {
      for (const element of hit) {
        if (sub) element[sub] = value;
        else if (elements[0]) Object.assign(element, op === 'replace' ? { ...equalityFields(path.filter), ...elements[0] } : elements[0]);
        keepOnePrimary(list, element);
      }
    }
    container[spec.name] = list;
    return;
  }

  if (sub) {
    if (op === 'remove') for (const element of list) delete element[sub];
    else if (list.length === 0) list.push({ [sub]: value });
    else for (const element of list) element[sub] = value;
    container[spec.name] = list;
    return;
  }

  if (op === 'remove') {
    // Entra's default member removal: {"op":"Remove","path":"members","value":[{"value":"id"}]} removes those only.
    // Only a bare remove (no value) clears the attribute; a value that names nothing removes nothing.
    container[spec.name] =
      raw === undefined || raw === null ? [] : list.filter((e) => !elements.some((gone) => sameElement(e, { ...gone, type: gone.type ?? e.type })));
    return;
  }
  if (op === 'replace') {
    container[spec.name] = elements;
    return;
  }
  for (const element of elements) {
    const existing = list.find((e) => sameElement(e, element));
    if (existing) Object.assign(existing, element);
    else list.push(element);
    keepOnePrimary(list, existing ?? element);
  }
  container[spec.name] = list;
}

function applyComplex(container: Doc, spec: AttributeSpec, path: ParsedPath, op: PatchOperation['op'], value: unknown): void {
  if (path.filter && !elementMatcher(path.filter)(asObject(container[spec.name]))) return;
  const sub = path.subAttribute ? canonicalSubAttribute(spec, path.subAttribute) : null;
  if (path.subAttribute && !sub) return;
  if (sub) {
    const current = asObject(container[spec.name]);
    if (op === 'remove') delete current[sub];
    else current[sub] = value;
    container[spec.name] = current;
    if (Object.keys(current).length === 0) delete container[spec.name];
    return;
  }
  if (op === 'remove' || value === null) delete container[spec.name];
  // RFC 7644 §3.5.2.1/§3.5.2.3: add and replace of a complex attribute leave the sub-attributes they do not name unchanged.
  else if (isObject(value) && isObject(container[spec.name]))
    container[spec.name] = { ...(container[spec.name] as Doc), ...(canonicalValue(spec, value) as Doc) };
  else container[spec.name] = canonicalValue(spec, value);
}

function applyOne(doc: Doc, schema: DocumentSchema, given: ParsedPath, op: PatchOperation['op'], value: unknown): void {
  let path = given;
  // An unknown schema URI (see parsePath) names no attribute we keep.
  let spec = findAttribute(path.urn ? (Object.hasOwn(schema.extensions, path.urn) ? schema.extensions[path.urn] : []) : schema.core, path.attribute);
  if (!spec && !path.urn) {
    // Entra writes some extension attributes without their URN, e.g. `manager[value eq "…"]` (Microsoft's SCIM tutorial, https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups).
    for (const [urn, specs] of Object.entries(schema.extensions)) {
      spec = findAttribute(specs, path.attribute);
      if (spec) {
        path = { ...path, urn };
        break;
      }
    }
  }
  if (!spec) return;
  const container = path.urn ? ((doc[path.urn] as Doc | undefined) ?? ((doc[path.urn] = {}) as Doc)) : doc;
  if (spec.kind === 'multi') return applyMulti(container, spec, path, op, value);
  if (spec.kind === 'complex') return applyComplex(container, spec, path, op, value);
  if (path.filter || path.subAttribute) throw invalidPath(`${spec.name} has no sub-attributes to filter or select.`);
  if (op === 'remove' || value === null) delete container[spec.name];
  else container[spec.name] = value;
}

/** Returns the document with every operation applied; `doc` itself is not changed. */
export function applyPatch(doc: Doc, operations: readonly PatchOperation[], schema: DocumentSchema): Doc {
  const next: Doc = structuredClone(doc);
  const urns = Object.keys(schema.extensions);
  for (const { op, path, value } of operations) {
    if (path) {
      applyOne(next, schema, parsePath(path, urns), op, value);
      continue;
    }
    // No path: each key of the value is a path (RFC), including Entra's dotted and URN-prefixed keys.
    if (!isObject(value)) throw invalidPath(`A ${op} without a path needs an object value.`);
    for (const [key, v] of Object.entries(value)) {
      const urn = urns.find((u) => u.toLowerCase() === key.toLowerCase());
      if (urn && isObject(v)) {
        for (const [k, inner] of Object.entries(v)) applyOne(next, schema, { urn, attribute: k, filter: null, subAttribute: null }, op, inner);
      } else {
        applyOne(next, schema, parsePath(key, urns), op, v);
      }
    }
  }
  return next;
}
