import { beforeAll, describe, expect, it } from 'vitest';
import { tenantDb, type Tenant } from '../../lib/db';
import { searchPeople, type DirectorySearch } from '../../lib/directory/search-people';
import { searchEverything } from '../../lib/search/search-everything';
import { plainSnippet } from '../../lib/search/plain-snippet';
import { searchWords } from '../../lib/directory/search-words';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { withTestDatabase } from '../support/database';

withTestDatabase();

let acme: Tenant;
let globex: Tenant;
let ada: string;
let grace: string;
let team: string;

const office = (formatted: string, type = 'work') => [{ type, formatted, locality: 'somewhere else' }];
const names = async (search: Partial<DirectorySearch>, tenant = acme) =>
  (await searchPeople(tenant.id, { q: '', status: 'active', page: 1, ...search })).people.map((p) => p.name);

beforeAll(async () => {
  acme = await createTenant({ subdomain: 'acme', displayName: 'Acme' });
  globex = await createTenant({ subdomain: 'globex', displayName: 'Globex' });
  const db = tenantDb(acme.id);
  const person = (userName: string, data: Record<string, unknown>) => db.user.create({ data: { tenantId: acme.id, userName, ...data } });
  ada = (
    await person('ada@acme.example', {
      displayName: 'Ada Lovelace',
      givenName: 'Ada',
      familyName: 'Lovelace',
      title: 'Analyst',
      department: 'Engineering',
      workEmail: 'ada@acme.example',
      addresses: office('London'),
      phoneNumbers: [{ type: 'work', value: '+44 20 7946 0001' }],
    })
  ).id;
  grace = (
    await person('grace@acme.example', {
      displayName: 'Grace Hopper',
      givenName: 'Grace',
      familyName: 'Hopper',
      title: 'Rear Admiral',
      department: 'Engineering',
      addresses: office('New York', 'other'),
      managerId: ada,
    })
  ).id;
  await person('alan@acme.example', {
    displayName: 'Alan Turing',
    givenName: 'Alan',
    familyName: 'Turing',
    department: 'Research',
    addresses: office('London'),
    managerId: ada,
  });
  await person('gone@acme.example', { displayName: 'Former Person', familyName: 'Person', department: 'Engineering', active: false });
  await tenantDb(globex.id).user.create({
    data: { tenantId: globex.id, userName: 'ada@globex.example', displayName: 'Ada Globex', department: 'Engineering' },
  });
  team = (await db.group.create({ data: { tenantId: acme.id, displayName: 'Compiler Guild' } })).id;
  await db.groupMember.create({ data: { tenantId: acme.id, groupId: team, userId: grace } });
  await db.wikiPage.create({
    data: { tenantId: acme.id, slug: 'expenses', title: 'Expense policy', body: 'Receipts go to the finance team within thirty days.' },
  });
  await db.wikiPage.create({ data: { tenantId: acme.id, slug: 'old', title: 'Expense policy (old)', body: 'Obsolete.', deletedAt: new Date() } });
});

describe('the people directory', () => {
  it('finds a person by a typo, a prefix, a part of the email and the phone digits', async () => {
    expect(await names({ q: 'Lovelase' })).toEqual(['Ada Lovelace']);
    expect(await names({ q: 'ada lovleace' })).toEqual(['Ada Lovelace']); // two letters swapped
    expect(await names({ q: 'Hpoper' })).toEqual([]); // too far: the first two swapped in six letters
    expect(await names({ q: 'hop' })).toEqual(['Grace Hopper']);
    expect(await names({ q: 'grace@acme' })).toEqual(['Grace Hopper']);
    expect(await names({ q: '79460001' })).toEqual(['Ada Lovelace']);
    expect(await names({ q: 'rear admiral' })).toEqual(['Grace Hopper']);
  });

  it('matches close names only when nothing matches as typed, and says so', async () => {
    const typo = await searchPeople(acme.id, { q: 'lovelase', status: 'active', page: 1 });
    expect([typo.fuzzy, typo.total]).toEqual([true, 1]);
    // "hopper" matches as typed, so "Hooper"-like neighbours are not mixed in.
    const exact = await searchPeople(acme.id, { q: 'hopper', status: 'active', page: 1 });
    expect([exact.fuzzy, exact.people.map((p) => p.name)]).toEqual([false, ['Grace Hopper']]);
  });

  it('needs every word to match and ranks names that start with the query first', async () => {
    expect(await names({ q: 'ada engineering' })).toEqual(['Ada Lovelace']);
    expect(await names({ q: 'ada research' })).toEqual([]);
    // Only Alan's name starts with "al"; Ada's title (analyst) and Grace's (admiral) hold it too.
    expect(await names({ q: 'al' })).toEqual(['Alan Turing', expect.any(String), expect.any(String)]);
  });

  it('takes the office from the work address, else any address, and filters on it and the department', async () => {
    expect(await names({ office: 'London' })).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(await names({ office: 'New York' })).toEqual(['Grace Hopper']);
    expect(await names({ department: 'Engineering' })).toEqual(['Grace Hopper', 'Ada Lovelace']);
  });

  it('filters on a manager and a group', async () => {
    expect(await names({ manager: ada })).toEqual(['Grace Hopper', 'Alan Turing']);
    expect(await names({ group: team })).toEqual(['Grace Hopper']);
  });

  it('keeps the office current when SCIM changes the address', async () => {
    await tenantDb(acme.id).user.update({ where: { id: grace }, data: { addresses: office('Berlin') } });
    expect(await names({ office: 'Berlin' })).toEqual(['Grace Hopper']);
    await tenantDb(acme.id).user.update({ where: { id: grace }, data: { addresses: office('New York', 'other') } });
  });

  it('hides former people unless asked for, and marks them', async () => {
    expect(await names({ q: 'former' })).toEqual([]);
    const former = await searchPeople(acme.id, { q: '', status: 'former', page: 1 });
    expect(former.people.map((p) => [p.name, p.former])).toEqual([['Former Person', true]]);
    expect(await names({ status: 'all', department: 'Engineering' })).toHaveLength(3);
  });

  it('pages, and shows the last page for one past the end', async () => {
    const page = await searchPeople(acme.id, { q: '', status: 'active', page: 9 }, 2);
    expect({ page: page.page, pageCount: page.pageCount, total: page.total, names: page.people.map((p) => p.name) }).toEqual({
      page: 2,
      pageCount: 2,
      total: 3,
      names: ['Alan Turing'],
    });
  });

  it('never shows another tenant’s people', async () => {
    expect(await names({ q: 'ada' })).toEqual(['Ada Lovelace']);
    expect(await names({ q: 'ada' }, globex)).toEqual(['Ada Globex']);
  });

  it('treats LIKE wildcards as plain characters', async () => {
    expect(await names({ q: 'a%a' })).toEqual([]);
    expect(await names({ q: 'a_a' })).toEqual([]);
  });
});

describe('the search box', () => {
  it('groups people, teams and live pages, with typos forgiven and a plain-text snippet', async () => {
    const results = await searchEverything(acme.id, 'compiler', { limit: 5 });
    expect(results.teams).toEqual([{ id: team, name: 'Compiler Guild', memberCount: 1, href: `/teams/${team}` }]);
    const pages = await searchEverything(acme.id, 'expens', { limit: 5 });
    expect(pages.pages.map((p) => p.href)).toEqual(['/wiki/expenses']);
    const byBody = await searchEverything(acme.id, 'receipts', { limit: 5 });
    expect(byBody.pages).toHaveLength(1);
    expect(byBody.pages[0].snippet).toContain('Receipts go to the finance team');
    expect(byBody.pages[0].snippet).not.toMatch(/[<>]/);
    const typo = await searchEverything(acme.id, 'gracce', { kinds: ['people'], limit: 5 });
    expect(typo).toEqual({ people: [expect.objectContaining({ name: 'Grace Hopper', href: `/people/${grace}` })], teams: [], pages: [] });
  });

  it('answers nothing for an empty box', async () => {
    expect(await searchEverything(acme.id, '  ', { limit: 5 })).toEqual({ people: [], teams: [], pages: [] });
  });
});

describe('searchWords', () => {
  it('lower-cases, splits and trims punctuation around words, keeping + and @', () => {
    expect(searchWords('  Ada, LOVELACE!  +44 @ada ')).toEqual(['ada', 'lovelace', '+44', '@ada']);
    expect(searchWords('a '.repeat(20))).toHaveLength(8);
  });
});

describe('plainSnippet', () => {
  it('keeps the words of links and drops markdown markup', () => {
    expect(plainSnippet('## Who leads\n- **Engineering**: [Rafael Wang](/people/a7bf) and ![logo](x.png) `code`')).toBe(
      'Who leads Engineering: Rafael Wang and logo code',
    );
  });
});
