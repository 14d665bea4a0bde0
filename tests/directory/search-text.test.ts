import { describe, expect, it } from 'vitest';
import { tenantDb } from '../../lib/db';
import { updateOwnProfile } from '../../lib/directory/profile';
import { searchPeople } from '../../lib/directory/search-people';
import type { ScimContext } from '../../lib/scim/scim-context';
import { createUser, deleteUser, patchUser } from '../../lib/scim/users/user-service';
import { withTestDatabase } from '../support/database';
import { scimContext } from '../support/scim-context';

withTestDatabase();

// What the directory searches is kept beside the user, in "UserSearchText",
// by triggers (prisma/migrations/20261206000000_search_text_apart, with skills and
// About me since 20261209000000_search_about_and_skills): every
// change a search can see shows at once, and a change to a searched field
// updates the User row in place (HOT) instead of adding to each of its indexes.

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const replace = (path: string, value: unknown) => ({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path, value }] });

async function found(ctx: ScimContext, q: string): Promise<string[]> {
  const page = await searchPeople(ctx.tenant.id, { q, status: 'all', page: 1 });
  return page.people.map((p) => p.name);
}

describe('the directory search text', () => {
  it('follows every change to a searched field, and goes with the person', async () => {
    const ctx = await scimContext('search-text');
    const { id } = (
      await createUser(ctx, {
        userName: 'ada@acme.test',
        displayName: 'Ada Lovelace',
        title: 'Analyst',
        phoneNumbers: [{ type: 'work', value: '+44 20 7946 0123' }],
        addresses: [{ type: 'work', formatted: 'London' }],
      })
    ).resource as { id: string };
    expect(await found(ctx, 'analyst')).toEqual(['Ada Lovelace']);
    expect(await found(ctx, '2079460123')).toEqual(['Ada Lovelace']);
    expect(await found(ctx, 'london')).toEqual(['Ada Lovelace']);

    await patchUser(ctx, id, replace('title', 'Countess'));
    await patchUser(ctx, id, replace('addresses[type eq "work"].formatted', 'Paris'));
    await patchUser(ctx, id, replace('displayName', 'Augusta King'));
    expect(await found(ctx, 'analyst')).toEqual([]);
    expect(await found(ctx, 'countess')).toEqual(['Augusta King']);
    expect(await found(ctx, 'london')).toEqual([]);
    expect(await found(ctx, 'paris')).toEqual(['Augusta King']);
    expect(await found(ctx, 'augsta')).toEqual(['Augusta King']); // misspelt: the names' text

    // What the person writes about themselves counts too.
    expect(await found(ctx, 'kubernetes')).toEqual([]);
    await updateOwnProfile(ctx.tenant.id, id, { aboutMe: 'I wrote the first program for the Analytical Engine.', skills: 'Kubernetes, Mathematics' });
    expect(await found(ctx, 'kubernetes')).toEqual(['Augusta King']);
    expect(await found(ctx, 'analytical engine')).toEqual(['Augusta King']);
    await updateOwnProfile(ctx.tenant.id, id, { aboutMe: '', skills: 'Mathematics' });
    expect(await found(ctx, 'kubernetes')).toEqual([]);
    expect(await found(ctx, 'analytical')).toEqual([]);

    await deleteUser(ctx, id);
    expect(await found(ctx, 'countess')).toEqual([]);
    expect(await tenantDb(ctx.tenant.id).userSearchText.count()).toBe(0);
  });

  it('changes a title without adding to the indexes of User (a HOT update)', async () => {
    const ctx = await scimContext('hot-update');
    const { id } = (await createUser(ctx, { userName: 'ada@acme.test', displayName: 'Ada Lovelace', title: 'Analyst' })).resource as { id: string };
    // The counters also hold this connection's earlier transactions until they are reported: compare.
    const COUNTERS = `SELECT pg_stat_get_xact_tuples_updated('"User"'::regclass)::int AS updated, pg_stat_get_xact_tuples_hot_updated('"User"'::regclass)::int AS hot, $1::uuid AS tenant`;
    const counts = await ctx.sql.transaction(async (tx) => {
      const [before] = await tx.rows<{ updated: number; hot: number }>(COUNTERS);
      await patchUser({ ...ctx, sql: tx }, id, replace('title', 'Countess'));
      const [after] = await tx.rows<{ updated: number; hot: number }>(COUNTERS);
      return { updated: after.updated - before.updated, hot: after.hot - before.hot };
    });
    expect(counts).toEqual({ updated: 1, hot: 1 });
  });
});
