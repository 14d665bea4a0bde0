import { v5 as uuidv5 } from 'uuid';

// The people the development identity provider can sign in: Microsoft Entra
// directories (tenants, by their `tid`) and their users.

export interface DevPerson {
  /** Entra object id (`oid`): stable per directory and user name. */
  oid: string;
  userName: string;
  name: string;
  email: string;
}

export interface DevDirectory {
  tid: string;
  name: string;
  people: DevPerson[];
}

const OID_NAMESPACE = '6f1c1f5e-3c55-4a4e-9a55-0b1d1f1e7c10';

/** The object id a directory gives a user name (the same every time, as in Entra). */
export function objectId(tid: string, userName: string): string {
  return uuidv5(`${tid}:${userName.toLowerCase()}`, OID_NAMESPACE);
}

export function devPerson(tid: string, userName: string, name: string): DevPerson {
  return { oid: objectId(tid, userName), userName, name, email: userName };
}

/** Directories with no TheOrgWiki tenant yet: for signing up a new company, and for strangers. */
export const STATIC_DIRECTORIES: DevDirectory[] = [
  {
    tid: 'c0ffee00-0000-4000-8000-000000000001',
    name: 'Contoso',
    people: [
      devPerson('c0ffee00-0000-4000-8000-000000000001', 'megan.bowen@contoso.example', 'Megan Bowen'),
      devPerson('c0ffee00-0000-4000-8000-000000000001', 'alex.wilber@contoso.example', 'Alex Wilber'),
    ],
  },
  {
    tid: 'c0ffee00-0000-4000-8000-000000000002',
    name: 'Fabrikam',
    people: [devPerson('c0ffee00-0000-4000-8000-000000000002', 'diego.siciliani@fabrikam.example', 'Diego Siciliani')],
  },
];
