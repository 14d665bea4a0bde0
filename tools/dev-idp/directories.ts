import { DIRECTORY_ADMIN_ROLES, PERSONAL_ACCOUNTS_TID } from '../../lib/auth/entra-ids';

// The people the development identity provider can sign in: Microsoft Entra
// directories (tenants, by their `tid`) and their users. Object ids are the
// provider's to give (accounts.ts), unless a person was provisioned with one.

export interface DevPerson {
  /** Entra object id (`oid`), when the person is known by it (provisioned with it). */
  oid?: string;
  userName: string;
  name: string;
  /** The mailbox address, or null for an account without a mailbox. */
  email: string | null;
  /** Directory role template ids beyond the member role. */
  directoryRoles: string[];
  /** For a B2B guest: the directory they come from. */
  homeTid?: string;
}

export interface DevDirectory {
  tid: string;
  name: string;
  people: DevPerson[];
  /**
   * Whether the app may sign people in without an admin's consent: a
   * company already using it (its admin consented at sign-up), or a
   * directory whose settings let users consent for themselves. Elsewhere a
   * directory admin must consent first, as Microsoft's default for apps of
   * unverified publishers has it.
   */
  consented?: boolean;
}

export const GLOBAL_ADMINISTRATOR = Object.keys(DIRECTORY_ADMIN_ROLES).find((id) => DIRECTORY_ADMIN_ROLES[id] === 'Global Administrator')!;

/** Someone with a mailbox at their user name, and no directory role. */
const devPerson = (userName: string, name: string, directoryRoles: string[] = []): DevPerson => ({ userName, name, email: userName, directoryRoles });

/** Directories with no TheOrgWiki tenant yet: for signing up a new company, and for strangers. */
export const STATIC_DIRECTORIES: DevDirectory[] = [
  {
    tid: 'c0ffee00-0000-4000-8000-000000000001',
    name: 'Contoso',
    people: [
      devPerson('megan.bowen@contoso.example', 'Megan Bowen', [GLOBAL_ADMINISTRATOR]),
      devPerson('alex.wilber@contoso.example', 'Alex Wilber'),
      { userName: 'scanner@contoso.example', name: 'Office Scanner', email: null, directoryRoles: [] },
    ],
  },
  {
    tid: 'c0ffee00-0000-4000-8000-000000000002',
    name: 'Fabrikam',
    people: [devPerson('diego.siciliani@fabrikam.example', 'Diego Siciliani', [GLOBAL_ADMINISTRATOR])],
    // Fabrikam lets its users consent to apps themselves.
    consented: true,
  },
];

/** Personal Microsoft accounts: offered only at the `common` and `consumers` authorities, as Microsoft does. */
export const PERSONAL_ACCOUNTS: DevDirectory = {
  tid: PERSONAL_ACCOUNTS_TID,
  name: 'Personal Microsoft accounts',
  people: [devPerson('sam@outlook.example', 'Sam Personal')],
  consented: true,
};
