import { describe, expect, it } from 'vitest';
import { personName } from '../../lib/directory/person-name';

// One way to name a person, in the app and in SCIM's derived names (a group member's display).

describe('personName', () => {
  it('prefers displayName, then the formatted name, then given and family name, then userName', () => {
    const full = { displayName: 'Ada L.', nameFormatted: 'Ada King Lovelace', givenName: 'Ada', familyName: 'Lovelace', userName: 'ada@x.test' };
    expect(personName(full)).toBe('Ada L.');
    expect(personName({ ...full, displayName: null })).toBe('Ada King Lovelace');
    expect(personName({ ...full, displayName: null, nameFormatted: null })).toBe('Ada Lovelace');
    expect(personName({ ...full, displayName: null, nameFormatted: null, givenName: null })).toBe('Lovelace');
    expect(personName({ displayName: null, userName: 'ada@x.test' })).toBe('ada@x.test');
  });
});
