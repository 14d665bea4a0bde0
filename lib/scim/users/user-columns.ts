import { ScimError } from '../errors';
import { checkValueCount } from '../limits';
import { ENTERPRISE } from './user-attributes';

// A canonical User document (see canonicalUser) as the columns of the User
// table. Values are stored as sent; the only conversions are the ones Entra
// needs: "True"/"False" strings to booleans and the manager's string, object or
// array forms to one id (Microsoft's SCIM tutorial and known issues:
// https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups,
// https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility).

/** One element of a multi-valued attribute, e.g. {"value": "…", "type": "work", "primary": true}. */
type PluralValue = Record<string, string | boolean>;

export interface UserColumns {
  userName: string;
  externalId: string | null;
  active: boolean;
  displayName: string | null;
  nickName: string | null;
  profileUrl: string | null;
  title: string | null;
  userType: string | null;
  preferredLanguage: string | null;
  locale: string | null;
  timezone: string | null;
  nameFormatted: string | null;
  givenName: string | null;
  familyName: string | null;
  middleName: string | null;
  honorificPrefix: string | null;
  honorificSuffix: string | null;
  emails: PluralValue[];
  phoneNumbers: PluralValue[];
  addresses: PluralValue[];
  photos: PluralValue[];
  roles: PluralValue[];
  workEmail: string | null;
  employeeNumber: string | null;
  costCenter: string | null;
  organization: string | null;
  division: string | null;
  department: string | null;
  managerId: string | null;
}

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

/** The manager's id from "id", {"value": "id"} or [{"value": "id"}]; null clears it. */
function managerIdOf(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? null : managerIdOf(value[0]);
  if (typeof value === 'object') return managerIdOf((value as Record<string, unknown>).value ?? null);
  throw invalid('manager must be a user id, {"value": "<id>"} or [{"value": "<id>"}].');
}

function workEmailOf(emails: PluralValue[]): string | null {
  const work = emails.find((e) => typeof e.type === 'string' && e.type.toLowerCase() === 'work');
  return typeof work?.value === 'string' ? work.value : null;
}

/**
 * `activeWhenAbsent` is the user's current state when the document updates a
 * user: a PATCH that removes `active` or a PUT that leaves it out never turns
 * on a person Entra turned off (see docs/scim.md); a new user is active.
 */
export function userColumns(doc: Record<string, unknown>, activeWhenAbsent = true): UserColumns {
  const userName = text(doc.userName, 'userName');
  if (!userName || !userName.trim()) throw invalid('userName is required.');
  const name = (doc.name ?? {}) as Record<string, unknown>;
  if (typeof name !== 'object' || Array.isArray(name)) throw invalid('name must be an object.');
  const ext = (doc[ENTERPRISE] ?? {}) as Record<string, unknown>;
  const emails = plural(doc.emails, 'emails');
  return {
    userName,
    externalId: text(doc.externalId, 'externalId'),
    active: doc.active === undefined ? activeWhenAbsent : toBoolean(doc.active, 'active'),
    displayName: text(doc.displayName, 'displayName'),
    nickName: text(doc.nickName, 'nickName'),
    profileUrl: text(doc.profileUrl, 'profileUrl'),
    title: text(doc.title, 'title'),
    userType: text(doc.userType, 'userType'),
    preferredLanguage: text(doc.preferredLanguage, 'preferredLanguage'),
    locale: text(doc.locale, 'locale'),
    timezone: text(doc.timezone, 'timezone'),
    nameFormatted: text(name.formatted, 'name.formatted'),
    givenName: text(name.givenName, 'name.givenName'),
    familyName: text(name.familyName, 'name.familyName'),
    middleName: text(name.middleName, 'name.middleName'),
    honorificPrefix: text(name.honorificPrefix, 'name.honorificPrefix'),
    honorificSuffix: text(name.honorificSuffix, 'name.honorificSuffix'),
    emails,
    phoneNumbers: plural(doc.phoneNumbers, 'phoneNumbers'),
    addresses: plural(doc.addresses, 'addresses'),
    photos: plural(doc.photos, 'photos'),
    roles: plural(doc.roles, 'roles'),
    workEmail: workEmailOf(emails),
    employeeNumber: text(ext.employeeNumber, 'employeeNumber'),
    costCenter: text(ext.costCenter, 'costCenter'),
    organization: text(ext.organization, 'organization'),
    division: text(ext.division, 'division'),
    department: text(ext.department, 'department'),
    managerId: managerIdOf(ext.manager),
  };
}
