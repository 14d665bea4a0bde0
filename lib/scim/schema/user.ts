import type { ScimUserColumn } from '../../db';
import { characteristics, type CharacteristicsSpec } from './characteristics';
import { pluralSubs, primarySub, sub } from './define';
import type { SubAttributeDef, UserAttribute, UserShape } from './types';

// The core User schema (RFC 7643 §4.1), in the order /Schemas lists it and
// resources show it; descriptions in the wording of its representation in
// §8.7.1. Left out on purpose:
// - id, externalId, meta: common attributes (common.ts), which §8.7.1 leaves out too (§3.1);
// - password: Entra never provisions one and people sign in with Microsoft;
// - ims, x509Certificates: nothing stores them;
// - entitlements: Entra does not support it (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups);
// - groups: membership is managed on /Groups and users are not served with it.
// Each attribute is kept in the User column of its own name unless it says
// otherwise; lib/db/scim/tables.ts lists the columns.

type Column = UserShape['column'];

/** A single-valued attribute kept in the column of its own name. */
function scalar(name: ScimUserColumn, spec: CharacteristicsSpec): UserAttribute {
  return { name, characteristics: characteristics(spec), storage: { kind: 'column', column: name } };
}

/** A multi-valued attribute kept as sent, a JSON array in the column of its own name. */
function plural(
  name: ScimUserColumn,
  description: string,
  subAttributes: readonly SubAttributeDef<Column>[],
  typed?: { type: string; column: ScimUserColumn },
): UserAttribute {
  return {
    name,
    characteristics: characteristics({ type: 'complex', multiValued: true, description }),
    subAttributes,
    storage: { kind: 'json', column: name, ...(typed ? { typed } : {}) },
  };
}

const TYPE_WORK_HOME_OTHER = ['work', 'home', 'other'];

const name: UserAttribute = {
  name: 'name',
  characteristics: characteristics({
    type: 'complex',
    description:
      "The components of the user's real name. Providers MAY return just the full name as a single string in the formatted sub-attribute, or they MAY return just the individual component attributes using the other sub-attributes, or they MAY return both. If both variants are returned, they SHOULD be describing the same name, with the formatted name indicating how the component attributes should be combined.",
  }),
  subAttributes: [
    sub(
      'formatted',
      {
        type: 'string',
        description:
          "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display (e.g., 'Ms. Barbara J Jensen, III').",
      },
      { column: 'nameFormatted' },
    ),
    sub(
      'familyName',
      {
        type: 'string',
        description: "The family name of the User, or last name in most Western languages (e.g., 'Jensen' given the full name 'Ms. Barbara J Jensen, III').",
      },
      { column: 'familyName' },
    ),
    sub(
      'givenName',
      {
        type: 'string',
        description: "The given name of the User, or first name in most Western languages (e.g., 'Barbara' given the full name 'Ms. Barbara J Jensen, III').",
      },
      { column: 'givenName' },
    ),
    sub(
      'middleName',
      { type: 'string', description: "The middle name(s) of the User (e.g., 'Jane' given the full name 'Ms. Barbara J Jensen, III')." },
      { column: 'middleName' },
    ),
    sub(
      'honorificPrefix',
      {
        type: 'string',
        description: "The honorific prefix(es) of the User, or title in most Western languages (e.g., 'Ms.' given the full name 'Ms. Barbara J Jensen, III').",
      },
      { column: 'honorificPrefix' },
    ),
    sub(
      'honorificSuffix',
      {
        type: 'string',
        description: "The honorific suffix(es) of the User, or suffix in most Western languages (e.g., 'III' given the full name 'Ms. Barbara J Jensen, III').",
      },
      { column: 'honorificSuffix' },
    ),
  ],
  storage: { kind: 'columns' },
};

const EMAILS_DESCRIPTION =
  "Email addresses for the user. The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.";

const emails = plural(
  'emails',
  EMAILS_DESCRIPTION,
  pluralSubs(
    // §8.7.1 repeats the parent's description for `value`.
    sub('value', { type: 'string', description: EMAILS_DESCRIPTION }),
    sub('type', {
      type: 'string',
      description: "A label indicating the attribute's function, e.g., 'work' or 'home'.",
      canonicalValues: TYPE_WORK_HOME_OTHER,
    }),
    'the preferred mailing address or primary email address',
  ),
  // Entra looks users up by `emails[type eq "work"].value eq "…"` (Microsoft's SCIM tutorial,
  // https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups):
  // the row keeps that address in the indexed citext column "workEmail".
  { type: 'work', column: 'workEmail' },
);

const phoneNumbers = plural(
  'phoneNumbers',
  "Phone numbers for the User. The value SHOULD be canonicalized by the service provider according to the format specified in RFC 3966, e.g., 'tel:+1-201-555-0123'. Canonical type values of 'work', 'home', 'mobile', 'fax', 'pager', and 'other'.",
  pluralSubs(
    sub('value', { type: 'string', description: 'Phone number of the User.' }),
    sub('type', {
      type: 'string',
      description: "A label indicating the attribute's function, e.g., 'work', 'home', 'mobile'.",
      canonicalValues: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
    }),
    'the preferred phone number or primary phone number',
  ),
);

const photos = plural(
  'photos',
  'URLs of photos of the User.',
  pluralSubs(
    // RFC 7643 §4.1.2: a photo's value is a URI, so filters match it exactly (though §8.7.1 says caseExact false).
    sub('value', { type: 'reference', referenceTypes: ['external'], description: 'URL of a photo of the User.' }, { filter: { caseExact: true } }),
    sub('type', {
      type: 'string',
      description: "A label indicating the attribute's function, i.e., 'photo' or 'thumbnail'.",
      canonicalValues: ['photo', 'thumbnail'],
    }),
    'the preferred photo or thumbnail',
  ),
);

const addresses = plural(
  'addresses',
  "A physical mailing address for this User. Canonical type values of 'work', 'home', and 'other'. This attribute is a complex type with the following sub-attributes.",
  [
    sub('formatted', {
      type: 'string',
      description: 'The full mailing address, formatted for display or use with a mailing label. This attribute MAY contain newlines.',
    }),
    sub('streetAddress', {
      type: 'string',
      description:
        'The full street address component, which may include house number, street name, P.O. box, and multi-line extended street address information. This attribute MAY contain newlines.',
    }),
    sub('locality', { type: 'string', description: 'The city or locality component.' }),
    sub('region', { type: 'string', description: 'The state or region component.' }),
    sub('postalCode', { type: 'string', description: 'The zip code or postal code component.' }),
    sub('country', { type: 'string', description: 'The country name component.' }),
    sub('type', {
      type: 'string',
      description: "A label indicating the attribute's function, e.g., 'work' or 'home'.",
      canonicalValues: TYPE_WORK_HOME_OTHER,
    }),
    // §8.7.1 lists no `primary` here, but §2.4 and the §8.2 example use it, and it is stored as sent.
    primarySub('the preferred mailing address'),
  ],
);

const roles = plural(
  'roles',
  "A list of roles for the User that collectively represent who the User is, e.g., 'Student', 'Faculty'.",
  pluralSubs(
    // Role values are matched exactly by filters, like photos' (§8.7.1 says caseExact false).
    sub('value', { type: 'string', description: 'The value of a role.' }, { filter: { caseExact: true } }),
    // §8.7.1 gives an empty canonicalValues list; an empty list says nothing, so it is left out.
    sub('type', { type: 'string', description: "A label indicating the attribute's function." }),
  ),
);

export const USER_ATTRIBUTES: readonly UserAttribute[] = [
  scalar('userName', {
    type: 'string',
    description:
      "Unique identifier for the User, typically used by the user to directly authenticate to the service provider. Each User MUST include a non-empty userName value. This identifier MUST be unique across the service provider's entire set of Users. REQUIRED.",
    required: true,
    uniqueness: 'server',
  }),
  name,
  scalar('displayName', {
    type: 'string',
    description: 'The name of the User, suitable for display to end-users. The name SHOULD be the full name of the User being described, if known.',
  }),
  scalar('nickName', {
    type: 'string',
    description:
      "The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead of 'Robert'. This attribute SHOULD NOT be used to represent a User's username (e.g., 'bjensen' or 'mpepperidge').",
  }),
  scalar('profileUrl', {
    type: 'reference',
    referenceTypes: ['external'],
    description: "A fully qualified URL pointing to a page representing the User's online profile.",
  }),
  scalar('title', { type: 'string', description: 'The user\'s title, such as "Vice President."' }),
  scalar('userType', {
    type: 'string',
    description:
      "Used to identify the relationship between the organization and the user. Typical values used might be 'Contractor', 'Employee', 'Intern', 'Temp', 'External', and 'Unknown', but any value may be used.",
  }),
  scalar('preferredLanguage', {
    type: 'string',
    description:
      "Indicates the User's preferred written or spoken language. Generally used for selecting a localized user interface; e.g., 'en_US' specifies the language English and country US.",
  }),
  scalar('locale', {
    type: 'string',
    description:
      "Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations.",
  }),
  scalar('timezone', { type: 'string', description: "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'." }),
  // A body or PATCH without `active` keeps the current value: never turns on a person Entra turned off (users/user-columns.ts).
  scalar('active', { type: 'boolean', description: "A Boolean value indicating the User's administrative status." }),
  emails,
  phoneNumbers,
  addresses,
  photos,
  roles,
];
