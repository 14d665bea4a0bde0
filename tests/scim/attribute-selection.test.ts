import { describe, expect, it } from 'vitest';
import { wantsMembers } from '../../lib/scim/groups/list-groups';
import { readListQuery } from '../../lib/scim/list-query';
import { projectAttributes } from '../../lib/scim/project-attributes';

// `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5) with a value
// filter in the name, as Microsoft's reference collection sends them: the
// filter is dropped and the attribute it names is selected whole.

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const user = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: 'u1',
  userName: 'ada',
  emails: [
    { value: 'ada@work.example', type: 'work', primary: true },
    { value: 'ada@home.example', type: 'home' },
  ],
  meta: { resourceType: 'User' },
};
const query = (search: string) => readListQuery(new URL(`http://scim.internal/Users?${search}`));
const project = (search: string) => {
  const { attributes, excludedAttributes } = query(search);
  return projectAttributes(user, attributes, excludedAttributes, [ENTERPRISE]);
};

describe('attribute names with a value filter', () => {
  it('select the attribute they name', () => {
    expect(query('attributes=emails%5Btype+eq+%22work%22%5D').attributes).toEqual(['emails']);
    expect(project('attributes=emails%5Btype+eq+%22work%22%5D')).toEqual({ schemas: user.schemas, id: 'u1', emails: user.emails, meta: user.meta });
    expect(project('attributes=emails[value eq "ada@work.example"]').emails).toEqual(user.emails);
    expect(project('attributes=userName,emails[type eq "work"].value')).toMatchObject({
      userName: 'ada',
      emails: [{ value: 'ada@work.example' }, { value: 'ada@home.example' }],
    });
  });

  it('keep quoted brackets and commas inside the filter', () => {
    expect(query('attributes=emails[value eq "a],b"],userName').attributes).toEqual(['emails', 'userName']);
  });

  it('exclude the attribute they name', () => {
    expect(project('excludedAttributes=emails[type eq "work"]')).not.toHaveProperty('emails');
    const groups = readListQuery(new URL('http://scim.internal/Groups?excludedAttributes=members[value eq "x"]'));
    expect(wantsMembers(groups)).toBe(false);
  });
});
