import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { createScimTenant, type ScimTenant } from '../support/scim-fixtures';
import { homeHeading } from '../support/sign-in';
import { tenantUrl } from '../support/sites';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

/**
 * A tenant bound to a directory of its own, with people provisioned over SCIM
 * as Entra's default mapping sends them: userName the UPN, the mail address
 * as the work email (which matches them at first sign-in: the directory
 * vouches for its domain), externalId not the object id.
 */
export async function provisionedTenant(...userNames: string[]): Promise<{ tenant: ScimTenant; tid: string; ids: Record<string, string> }> {
  const tid = randomUUID();
  const tenant = await createScimTenant(tid);
  const ids: Record<string, string> = {};
  for (const userName of userNames) {
    const created = await tenant.scim.post('/Users', {
      schemas: [CORE],
      userName,
      displayName: userName.split('@')[0],
      emails: [{ value: userName, type: 'work', primary: true }],
      active: true,
    });
    expect(created.status).toBe(201);
    ids[userName] = created.json.id;
  }
  return { tenant, tid, ids };
}

export async function expectHome(page: Page, subdomain: string) {
  await expect(page).toHaveURL(tenantUrl(subdomain, '/'));
  await expect(homeHeading(page)).toBeAttached();
}
