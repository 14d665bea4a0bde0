import type { User } from '../db';

// How a profile shows the ways to reach someone, decided here once rather
// than by each page: emails and phones as Entra sent them (JSONB arrays of
// SCIM plural values), and the office the database already derived from the
// addresses for the directory and search (the "office" column: the work
// address, else the primary, formatted else locality).

interface ContactValue {
  value: string;
  /** SCIM's type ("work", "mobile", …), when Entra sent one. */
  type: string | null;
}

export interface Contact {
  emails: ContactValue[];
  phones: (ContactValue & { href: string })[];
  office: string | null;
}

type Plural = { value?: unknown; type?: unknown };

/** The values of a JSONB plural that carry a string value; anything else Entra could not have meant. */
function values(plural: unknown): ContactValue[] {
  if (!Array.isArray(plural)) return [];
  return (plural as Plural[])
    .filter((item): item is { value: string; type?: unknown } => typeof item?.value === 'string' && item.value !== '')
    .map((item) => ({ value: item.value, type: typeof item.type === 'string' && item.type ? item.type : null }));
}

/** Only ordinary phone characters reach a tel: link. */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export function contactOf(person: Pick<User, 'emails' | 'phoneNumbers' | 'office'>): Contact {
  return {
    emails: values(person.emails),
    phones: values(person.phoneNumbers).map((phone) => ({ ...phone, href: telHref(phone.value) })),
    office: person.office,
  };
}
