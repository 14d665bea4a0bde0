// How a person is named and drawn everywhere in the app (never in SCIM,
// which returns values as provisioned).

export interface Nameable {
  displayName: string | null;
  givenName?: string | null;
  familyName?: string | null;
  userName: string;
}

/** displayName, else given and family name, else userName. */
export function personName(person: Nameable): string {
  return person.displayName ?? ([person.givenName, person.familyName].filter(Boolean).join(' ') || person.userName);
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
