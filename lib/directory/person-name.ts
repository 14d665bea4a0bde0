// How a person is named and drawn everywhere in the app, and in SCIM where a
// name is derived rather than provisioned: a group member's `display`, "a
// human-readable name, primarily used for display purposes" (RFC 7643 §2.4).

export interface Nameable {
  displayName: string | null;
  nameFormatted?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  userName: string;
}

/** The columns personName reads, for a query's select. */
export const NAME_COLUMNS = { displayName: true, nameFormatted: true, givenName: true, familyName: true, userName: true } as const;

/** displayName, else the formatted name, else given and family name, else userName. */
export function personName(person: Nameable): string {
  return person.displayName ?? person.nameFormatted ?? ([person.givenName, person.familyName].filter(Boolean).join(' ') || person.userName);
}

/** Up to two letters for an avatar, e.g. "Ada Lovelace" → "AL", "ada.lovelace@x" → "AL". */
export function initials(name: string): string {
  return name
    .split(/[\s.@_-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** Where mail to a person goes: their work email, else a userName that is an address (a UPN usually is), else nowhere. */
export function mailAddress(person: { workEmail: string | null; userName: string }): string | null {
  return person.workEmail ?? (person.userName.includes('@') ? person.userName : null);
}
