import { randomUUID } from 'node:crypto';
import { expect, type Locator, type Page } from '@playwright/test';
import { untilHydrated } from '../support/hydration';
import { createScimTenant, type ScimTenant } from '../support/scim-fixtures';
import { signIn } from '../support/sign-in';
import { tenantUrl } from '../support/sites';

// A small company of its own for each wiki test, provisioned over SCIM:
// ceo ← lead ← dev, and dev's colleague pat (also under lead).
// The wiki specs work every button and link with the keyboard (Enter), so they
// also show that the wiki needs no mouse.

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export interface WikiCompany {
  tenant: ScimTenant;
  tid: string;
  ids: Record<'ceo' | 'lead' | 'dev' | 'pat', string>;
  /** Signs `page` in as `who` and opens `path` on the company's site. */
  enter(page: Page, who: keyof WikiCompany['ids'], path?: string): Promise<void>;
  url(path: string): string;
}

export async function wikiCompany(): Promise<WikiCompany> {
  const tid = randomUUID();
  // A short company name: a long one makes the shared site header wider than a phone.
  const tenant = await createScimTenant(tid, 'Initech');
  const ids = {} as WikiCompany['ids'];
  for (const [handle, manager] of [
    ['ceo', null],
    ['lead', 'ceo'],
    ['dev', 'lead'],
    ['pat', 'lead'],
  ] as const) {
    const created = await tenant.scim.post('/Users', {
      schemas: [CORE, ENTERPRISE],
      userName: `${handle}@e2e.example`,
      externalId: randomUUID(),
      displayName: `${handle.toUpperCase()} Person`,
      title: 'Staff',
      [ENTERPRISE]: manager ? { manager: { value: ids[manager] } } : {},
    });
    expect(created.status).toBe(201);
    ids[handle] = created.json.id;
  }
  const url = (path: string) => tenantUrl(tenant.subdomain, path);
  return {
    tenant,
    tid,
    ids,
    url,
    async enter(page, who, path = '/wiki') {
      await signIn(page, tenant.subdomain, { tid, userName: `${who}@e2e.example` });
      await expect(page).toHaveURL(url('/'));
      await page.goto(url(path));
    },
  };
}

/** Through /wiki/new: writes a page and lands on it. */
/** The rich editor's text, once the editor has loaded (it is built in the browser only). */
export async function richText(page: Page): Promise<Locator> {
  const text = page.getByRole('textbox', { name: 'Text', exact: true });
  await expect(text).toBeEditable({ timeout: 15_000 });
  return text;
}

/** Switches the editor to markdown (as one imports a page written elsewhere) and answers the markdown's field. */
export async function markdownMode(page: Page): Promise<Locator> {
  await richText(page);
  const source = page.getByRole('textbox', { name: 'Markdown', exact: true });
  await page.getByRole('button', { name: 'Markdown', exact: true }).click();
  await expect(source).toBeVisible();
  await untilHydrated(source);
  return source;
}

/** Creates a page whose text is `body`, written as markdown. */
export async function writePage(page: Page, company: WikiCompany, title: string, body: string, parent?: string): Promise<void> {
  await page.goto(company.url(parent ? `/wiki/new?parent=${parent}` : '/wiki/new'));
  const source = await markdownMode(page);
  await page.getByLabel('Title').fill(title);
  await source.fill(body);
  await page.getByRole('button', { name: 'Create page' }).press('Enter');
  // The page itself, not the editor's preview (which may show the same heading).
  await expect(page.getByRole('region', { name: 'Page text' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}
