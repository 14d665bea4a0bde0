import { filter as compileElementFilter, type Filter } from 'scim2-parse-filter';
import { ScimError } from '../errors';
import { parseScimFilter } from '../filter/parse-filter';
import { MAX_PATCH_OPERATIONS, SCIM_SCHEMAS } from '../limits';

// RFC 7644 §3.5.2 PATCH requests, read leniently where Entra deviates
// (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility): `op` in any case, paths with `URN:attr` or `URN.attr`.

type PatchOpName = 'add' | 'replace' | 'remove';

export interface PatchOperation {
  op: PatchOpName;
  path: string | null;
  value: unknown;
}

export interface ParsedPath {
  /** The extension URN the path names, or null for core attributes. */
  urn: string | null;
  attribute: string;
  filter: Filter | null;
  subAttribute: string | null;
}

const invalidSyntax = (detail: string) => new ScimError(400, detail, 'invalidSyntax');
export const invalidPath = (detail: string) => new ScimError(400, detail, 'invalidPath');

export function readPatchRequest(body: Record<string, unknown>): PatchOperation[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidSyntax('A PATCH body is a JSON object.');
  const schemas = body.schemas;
  if (Array.isArray(schemas) && !schemas.includes(SCIM_SCHEMAS.patchOp)) {
    throw invalidSyntax(`A PATCH body names the schema ${SCIM_SCHEMAS.patchOp}.`);
  }
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) throw invalidSyntax('A PATCH body needs a non-empty "Operations" array.');
  if (operations.length > MAX_PATCH_OPERATIONS) {
    throw new ScimError(
      413,
      `A PATCH may carry at most ${MAX_PATCH_OPERATIONS} operations; this one has ${operations.length}. Split it into several requests.`,
    );
  }
  return operations.map((raw, index) => {
    if (!raw || typeof raw !== 'object') throw invalidSyntax(`Operations[${index}] must be an object.`);
    const { op, path: rawPath, value } = raw as Record<string, unknown>;
    const name = typeof op === 'string' ? op.toLowerCase() : '';
    if (name !== 'add' && name !== 'replace' && name !== 'remove') {
      throw invalidSyntax(`Operations[${index}].op must be add, replace or remove, not ${JSON.stringify(op)}.`);
    }
    if (rawPath !== undefined && rawPath !== null && typeof rawPath !== 'string') throw invalidPath(`Operations[${index}].path must be a string.`);
    const path = typeof rawPath === 'string' ? rawPath.trim() : '';
    if (name !== 'remove' && value === undefined) throw invalidSyntax(`Operations[${index}] (${name}) needs a value.`);
    if (!path && name === 'remove') throw new ScimError(400, `Operations[${index}]: remove needs a path.`, 'noTarget');
    return { op: name, path: path || null, value };
  });
}

const PATH = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/s;

/** Splits `urn:…:User:manager`, `emails[type eq "work"].value`, `name.givenName` into their parts. */
export function parsePath(path: string, extensions: readonly string[]): ParsedPath {
  let rest = path;
  let urn: string | null = null;
  for (const candidate of extensions) {
    if (rest.toLowerCase().startsWith(candidate.toLowerCase()) && /^[:.]/.test(rest.slice(candidate.length))) {
      urn = candidate;
      rest = rest.slice(candidate.length + 1);
      break;
    }
  }
  const core = /^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i.exec(rest);
  if (core) rest = rest.slice(core[0].length);
  else if (!urn) {
    // Another schema's URI (RFC 7644 attrPath = [URI ":"] ATTRNAME, e.g. a custom
    // extension an admin mapped): kept as the path's urn, so the attribute is
    // ignored as unknown rather than refused.
    const head = rest.split('[', 1)[0];
    const colon = head.lastIndexOf(':');
    if (colon > 0) {
      urn = rest.slice(0, colon);
      rest = rest.slice(colon + 1);
    }
  }
  const match = PATH.exec(rest);
  if (!match) throw invalidPath(`Cannot read the path ${JSON.stringify(path)}.`);
  let filter: Filter | null = null;
  if (match[2]) {
    // The list filter's reader, not the library's parse(): that one backtracks
    // exponentially on an unterminated string (a hung request) and mangles
    // escapes; this one refuses both, and over-deep filters, with a 400.
    try {
      filter = parseScimFilter(match[2]);
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      throw invalidPath(`Cannot read the filter in ${JSON.stringify(path)}: ${error.detail}`);
    }
  }
  return { urn, attribute: match[1], filter, subAttribute: match[3] ?? null };
}

function lowerValues(value: unknown): unknown {
  if (typeof value === 'string') return value.toLowerCase();
  if (Array.isArray(value)) return value.map(lowerValues);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'attrPath' || k === 'op' ? v : lowerValues(v)]));
  }
  return value;
}

/** `primary eq "True"` (Entra's roles[primary eq "True"]) compares as the boolean the element holds. */
function booleanPrimary(filter: unknown): unknown {
  if (Array.isArray(filter)) return filter.map(booleanPrimary);
  if (!filter || typeof filter !== 'object') return filter;
  const node = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, booleanPrimary(v)]));
  if (
    typeof node.attrPath === 'string' &&
    /(^|\.)primary$/i.test(node.attrPath) &&
    typeof node.compValue === 'string' &&
    /^(true|false)$/i.test(node.compValue)
  ) {
    node.compValue = node.compValue.toLowerCase() === 'true';
  }
  return node;
}

/** A value filter over the elements of a multi-valued attribute; string comparisons ignore case. */
export function elementMatcher(filter: Filter): (element: Record<string, unknown>) => boolean {
  const test = compileElementFilter(booleanPrimary(lowerValues(filter)) as Filter);
  return (element) => {
    const normalized = Object.fromEntries(
      Object.entries(element).map(([k, v]) => [k, k === 'primary' && typeof v === 'string' ? v.toLowerCase() === 'true' : lowerValues(v)]),
    );
    try {
      return test(normalized);
    } catch {
      // The library calls toString() on values and compares objects; a value
      // such as {"toString": 1} makes that throw. Such an element matches nothing.
      return false;
    }
  };
}

/** The `attr eq value` conditions of a filter, used to create the element a filtered add/replace names. */
export function equalityFields(filter: Filter): Record<string, unknown> {
  if (filter.op === 'eq') return { [filter.attrPath]: filter.compValue };
  if (filter.op === 'and') return Object.assign({}, ...filter.filters.map(equalityFields));
  return {};
}
