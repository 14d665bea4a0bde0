import { columnsOf, SCIM_USER_TABLE, type PluralValue, type ScimUserColumn, type ScimUserValues } from '../../db';
import { ScimError } from '../errors';
import { checkValueCount } from '../limits';
import { USER_RESOURCE, type UserAttribute } from '../schema';

// A canonical User document (see canonicalUser) as the columns of the User
// table, as the registry maps each attribute (lib/scim/schema). Values are
// stored as sent; the only conversions are the ones Entra needs: "True"/"False"
// strings to booleans and the manager's string, object or array forms to one
// id (Microsoft's SCIM tutorial and known issues:
// https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups,
// https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility).

export type UserColumns = ScimUserValues;

const invalid = (detail: string) => new ScimError(400, detail, 'invalidValue');

function text(value: unknown, attribute: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid(`${attribute} must be a string, not ${JSON.stringify(value)}.`);
  return value;
}

/** true/false, or the strings Entra sends without the aadOptscim062020 flag. */
function toBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw invalid(`${attribute} must be true or false, not ${JSON.stringify(value)}.`);
}

function plural(value: unknown, attribute: string): PluralValue[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  checkValueCount(list.length, attribute);
  return list.map((element, index) => {
    if (!element || typeof element !== 'object' || Array.isArray(element)) {
      throw invalid(`${attribute}[${index}] must be an object such as {"value": "…", "type": "work"}.`);
    }
    const out: PluralValue = {};
    for (const [key, sub] of Object.entries(element as Record<string, unknown>)) {
      if (key === 'primary') out.primary = toBoolean(sub, `${attribute}[${index}].primary`);
      else if (typeof sub === 'string') out[key] = sub;
      else throw invalid(`${attribute}[${index}].${key} must be a string.`);
    }
    return out;
  });
}

/** The value of the first element of this type, e.g. the work email. */
function typedValueOf(elements: PluralValue[], type: string): string | null {
  const element = elements.find((e) => typeof e.type === 'string' && e.type.toLowerCase() === type);
  return typeof element?.value === 'string' ? element.value : null;
}

/** A complex attribute's value as an object (absent: empty). */
function objectOf(value: unknown, attribute: string): Record<string, unknown> {
  const object = value ?? {};
  if (typeof object !== 'object' || Array.isArray(object)) throw invalid(`${attribute} must be an object.`);
  return object as Record<string, unknown>;
}

type Doc = Record<string, unknown>;
/** Sets some of the columns from a canonical document. */
type Step = (doc: Doc, out: Record<string, unknown>, activeWhenAbsent: boolean) => void;

const COLUMNS = columnsOf(SCIM_USER_TABLE);

function tableColumn(column: string): ScimUserColumn {
  if (!Object.hasOwn(SCIM_USER_TABLE, column)) throw new Error(`The registry maps a written attribute to ${column}, which SCIM does not write.`);
  return column as ScimUserColumn;
}

/**
 * Every written attribute's steps, in the order they check what was sent:
 * what is required (userName), then the shape of complex attributes (name),
 * then the lists other columns derive from (emails → workEmail), then every
 * other column in statement order, then the manager. This is the order the
 * hand-written mapping always had, so a body with several wrong values still
 * gets the same 400.
 */
const PHASE = { required: 0, shape: 1, derivedFrom: 2, column: 3, code: 4 } as const;

function steps(): Step[] {
  const planned: { phase: number; position: number; columns: readonly ScimUserColumn[]; step: Step }[] = [];
  const position = (column: ScimUserColumn) => COLUMNS.indexOf(column);
  const { common, schema, extensions } = USER_RESOURCE;
  const written: { attribute: UserAttribute; urn: string | null }[] = [
    ...[common.externalId, ...schema.attributes].map((attribute) => ({ attribute, urn: null })),
    ...extensions.flatMap((extension) => extension.attributes.map((attribute) => ({ attribute, urn: extension.id }))),
  ];
  for (const { attribute, urn } of written) {
    const { name, storage } = attribute;
    // Extension attributes are named without their URN in errors, as Entra's admins know them.
    const sent = (doc: Doc) => (urn ? ((doc[urn] ?? {}) as Doc)[name] : doc[name]);
    switch (storage.kind) {
      case 'column': {
        const column = tableColumn(storage.column);
        if (SCIM_USER_TABLE[column] === 'boolean') {
          // `activeWhenAbsent`: a PATCH that removes `active` or a PUT that leaves it out never turns on a person Entra turned off.
          planned.push({
            phase: PHASE.column,
            position: position(column),
            columns: [column],
            step: (doc, out, whenAbsent) => {
              const value = sent(doc);
              out[column] = value === undefined ? whenAbsent : toBoolean(value, name);
            },
          });
        } else if (attribute.characteristics.required) {
          planned.push({
            phase: PHASE.required,
            position: position(column),
            columns: [column],
            step: (doc, out) => {
              const value = text(sent(doc), name);
              if (!value || !value.trim()) throw invalid(`${name} is required.`);
              out[column] = value;
            },
          });
        } else {
          planned.push({ phase: PHASE.column, position: position(column), columns: [column], step: (doc, out) => void (out[column] = text(sent(doc), name)) });
        }
        break;
      }
      case 'columns':
        planned.push({ phase: PHASE.shape, position: 0, columns: [], step: (doc) => void objectOf(sent(doc), name) });
        for (const sub of attribute.subAttributes ?? []) {
          if (!sub.column) continue;
          const column = tableColumn(sub.column);
          const label = `${name}.${sub.name}`;
          planned.push({
            phase: PHASE.column,
            position: position(column),
            columns: [column],
            step: (doc, out) => void (out[column] = text(objectOf(sent(doc), name)[sub.name], label)),
          });
        }
        break;
      case 'json': {
        const column = tableColumn(storage.column);
        const typed = storage.typed && { type: storage.typed.type, column: tableColumn(storage.typed.column) };
        planned.push({
          phase: typed ? PHASE.derivedFrom : PHASE.column,
          position: position(column),
          columns: typed ? [column, typed.column] : [column],
          step: (doc, out) => {
            const elements = plural(sent(doc), name);
            out[column] = elements;
            if (typed) out[typed.column] = typedValueOf(elements, typed.type);
          },
        });
        break;
      }
      case 'code': {
        const { write } = attribute;
        if (write) planned.push({ phase: PHASE.code, position: 0, columns: [], step: (doc, out) => void Object.assign(out, write(sent(doc))) });
        break;
      }
    }
  }
  const unwritten = COLUMNS.filter((column) => !planned.some(({ columns }) => columns.includes(column)));
  if (unwritten.length > 0) throw new Error(`No attribute of the registry writes ${unwritten.join(', ')}.`);
  // Array.prototype.sort is stable: within a phase without positions, registry order.
  return planned.sort((a, b) => a.phase - b.phase || a.position - b.position).map(({ step }) => step);
}

const STEPS = steps();

/**
 * `activeWhenAbsent` is the user's current state when the document updates a
 * user: a PATCH that removes `active` or a PUT that leaves it out never turns
 * on a person Entra turned off (see docs/scim.md); a new user is active.
 */
export function userColumns(doc: Record<string, unknown>, activeWhenAbsent = true): UserColumns {
  // Every column first, in statement order, so that the result lists them in that order whatever order they are checked in.
  const out: Record<string, unknown> = Object.fromEntries(COLUMNS.map((column) => [column, null]));
  for (const step of STEPS) step(doc, out, activeWhenAbsent);
  return out as UserColumns;
}
