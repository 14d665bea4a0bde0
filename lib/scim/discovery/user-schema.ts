import { SCIM_SCHEMAS } from '../limits';
import { attribute, displaySubAttribute, primarySubAttribute, type SchemaAttribute, type SchemaDefinition } from './attribute';

// The core User schema (RFC 7643 §4.1), descriptions in the wording of its
// representation in §8.7.1. Left out on purpose:
// - id, externalId, meta: common attributes, which §8.7.1 leaves out too (§3.1);
// - password: Entra never provisions one and people sign in with Microsoft;
// - ims, x509Certificates: nothing stores them;
// - entitlements: Entra does not support it (https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups);
// - groups: membership is managed on /Groups and users are not served with it.

const TYPE_WORK_HOME_OTHER = ['work', 'home', 'other'];

const name = attribute({
  name: 'name',
  type: 'complex',
  description:
    "The components of the user's real name. Providers MAY return just the full name as a single string in the formatted sub-attribute, or they MAY return just the individual component attributes using the other sub-attributes, or they MAY return both. If both variants are returned, they SHOULD be describing the same name, with the formatted name indicating how the component attributes should be combined.",
  subAttributes: [
    attribute({
      name: 'formatted',
      type: 'string',
      description: "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display (e.g., 'Ms. Barbara J Jensen, III').",
    }),
    attribute({
      name: 'familyName',
      type: 'string',
      description: "The family name of the User, or last name in most Western languages (e.g., 'Jensen' given the full name 'Ms. Barbara J Jensen, III').",
    }),
    attribute({
      name: 'givenName',
      type: 'string',
      description: "The given name of the User, or first name in most Western languages (e.g., 'Barbara' given the full name 'Ms. Barbara J Jensen, III').",
    }),
    attribute({
      name: 'middleName',
      type: 'string',
      description: "The middle name(s) of the User (e.g., 'Jane' given the full name 'Ms. Barbara J Jensen, III').",
    }),
    attribute({
      name: 'honorificPrefix',
      type: 'string',
      description: "The honorific prefix(es) of the User, or title in most Western languages (e.g., 'Ms.' given the full name 'Ms. Barbara J Jensen, III').",
    }),
    attribute({
      name: 'honorificSuffix',
      type: 'string',
      description: "The honorific suffix(es) of the User, or suffix in most Western languages (e.g., 'III' given the full name 'Ms. Barbara J Jensen, III').",
    }),
  ],
});

const EMAILS_DESCRIPTION =
  "Email addresses for the user. The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.";

const emails = attribute({
  name: 'emails',
  type: 'complex',
  multiValued: true,
  description: EMAILS_DESCRIPTION,
  subAttributes: [
    // §8.7.1 repeats the parent's description for `value`.
    attribute({ name: 'value', type: 'string', description: EMAILS_DESCRIPTION }),
    displaySubAttribute(),
    attribute({
      name: 'type',
      type: 'string',
      description: "A label indicating the attribute's function, e.g., 'work' or 'home'.",
      canonicalValues: TYPE_WORK_HOME_OTHER,
    }),
    primarySubAttribute('the preferred mailing address or primary email address'),
  ],
});

const phoneNumbers = attribute({
  name: 'phoneNumbers',
  type: 'complex',
  multiValued: true,
  description:
    "Phone numbers for the User. The value SHOULD be canonicalized by the service provider according to the format specified in RFC 3966, e.g., 'tel:+1-201-555-0123'. Canonical type values of 'work', 'home', 'mobile', 'fax', 'pager', and 'other'.",
  subAttributes: [
    attribute({ name: 'value', type: 'string', description: 'Phone number of the User.' }),
    displaySubAttribute(),
    attribute({
      name: 'type',
      type: 'string',
      description: "A label indicating the attribute's function, e.g., 'work', 'home', 'mobile'.",
      canonicalValues: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
    }),
    primarySubAttribute('the preferred phone number or primary phone number'),
  ],
});

const photos = attribute({
  name: 'photos',
  type: 'complex',
  multiValued: true,
  description: 'URLs of photos of the User.',
  subAttributes: [
    attribute({ name: 'value', type: 'reference', referenceTypes: ['external'], description: 'URL of a photo of the User.' }),
    displaySubAttribute(),
    attribute({
      name: 'type',
      type: 'string',
      description: "A label indicating the attribute's function, i.e., 'photo' or 'thumbnail'.",
      canonicalValues: ['photo', 'thumbnail'],
    }),
    primarySubAttribute('the preferred photo or thumbnail'),
  ],
});

const addresses = attribute({
  name: 'addresses',
  type: 'complex',
  multiValued: true,
  description:
    "A physical mailing address for this User. Canonical type values of 'work', 'home', and 'other'. This attribute is a complex type with the following sub-attributes.",
  subAttributes: [
    attribute({
      name: 'formatted',
      type: 'string',
      description: 'The full mailing address, formatted for display or use with a mailing label. This attribute MAY contain newlines.',
    }),
    attribute({
      name: 'streetAddress',
      type: 'string',
      description:
        'The full street address component, which may include house number, street name, P.O. box, and multi-line extended street address information. This attribute MAY contain newlines.',
    }),
    attribute({ name: 'locality', type: 'string', description: 'The city or locality component.' }),
    attribute({ name: 'region', type: 'string', description: 'The state or region component.' }),
    attribute({ name: 'postalCode', type: 'string', description: 'The zip code or postal code component.' }),
    attribute({ name: 'country', type: 'string', description: 'The country name component.' }),
    attribute({
      name: 'type',
      type: 'string',
      description: "A label indicating the attribute's function, e.g., 'work' or 'home'.",
      canonicalValues: TYPE_WORK_HOME_OTHER,
    }),
    // §8.7.1 lists no `primary` here, but §2.4 and the §8.2 example use it, and it is stored as sent.
    primarySubAttribute('the preferred mailing address'),
  ],
});

const roles = attribute({
  name: 'roles',
  type: 'complex',
  multiValued: true,
  description: "A list of roles for the User that collectively represent who the User is, e.g., 'Student', 'Faculty'.",
  subAttributes: [
    attribute({ name: 'value', type: 'string', description: 'The value of a role.' }),
    displaySubAttribute(),
    // §8.7.1 gives an empty canonicalValues list; an empty list says nothing, so it is left out.
    attribute({ name: 'type', type: 'string', description: "A label indicating the attribute's function." }),
    primarySubAttribute(),
  ],
});

const attributes: readonly SchemaAttribute[] = [
  attribute({
    name: 'userName',
    type: 'string',
    description:
      "Unique identifier for the User, typically used by the user to directly authenticate to the service provider. Each User MUST include a non-empty userName value. This identifier MUST be unique across the service provider's entire set of Users. REQUIRED.",
    required: true,
    uniqueness: 'server',
  }),
  name,
  attribute({
    name: 'displayName',
    type: 'string',
    description: 'The name of the User, suitable for display to end-users. The name SHOULD be the full name of the User being described, if known.',
  }),
  attribute({
    name: 'nickName',
    type: 'string',
    description:
      "The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead of 'Robert'. This attribute SHOULD NOT be used to represent a User's username (e.g., 'bjensen' or 'mpepperidge').",
  }),
  attribute({
    name: 'profileUrl',
    type: 'reference',
    referenceTypes: ['external'],
    description: "A fully qualified URL pointing to a page representing the User's online profile.",
  }),
  attribute({ name: 'title', type: 'string', description: 'The user\'s title, such as "Vice President."' }),
  attribute({
    name: 'userType',
    type: 'string',
    description:
      "Used to identify the relationship between the organization and the user. Typical values used might be 'Contractor', 'Employee', 'Intern', 'Temp', 'External', and 'Unknown', but any value may be used.",
  }),
  attribute({
    name: 'preferredLanguage',
    type: 'string',
    description:
      "Indicates the User's preferred written or spoken language. Generally used for selecting a localized user interface; e.g., 'en_US' specifies the language English and country US.",
  }),
  attribute({
    name: 'locale',
    type: 'string',
    description:
      "Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations.",
  }),
  attribute({
    name: 'timezone',
    type: 'string',
    description: "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'.",
  }),
  attribute({ name: 'active', type: 'boolean', description: "A Boolean value indicating the User's administrative status." }),
  emails,
  phoneNumbers,
  addresses,
  photos,
  roles,
];

export const USER_SCHEMA: SchemaDefinition = {
  id: SCIM_SCHEMAS.user,
  name: 'User',
  description: 'User Account',
  attributes,
};
