import { randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { scimClient, type ScimClient } from '../../support/scim-client';
import { useTestDatabase } from '../../support/scim-fixtures';

// The tenants the isolation matrix attacks, made in this process with the
// functions the operator CLI and the sign-in flow call (the CLI costs 2-5 s a
// tenant): a target tenant with people, a team, wiki pages, live, revoked and
// expired tokens and signed-in sessions, and another tenant whose own valid
// token and session are used against it.

const SYSTEM = { type: 'system', label: 'isolation matrix' } as const;
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** Tenants set up at once, each running one transaction at a time (Prisma gives up on one that waits 2 s for a connection). */
export const SETUP_LANES = 3;

/** The app's functions, on the tests' server's database (a connection for each tenant set up at once, and one spare). */
async function lib() {
  useTestDatabase();
  const [tenancy, tokens, accounts, members, session, wiki, trash, photos, files, comments, templates, db] = await Promise.all([
    import('../../../lib/tenancy/create-tenant'),
    import('../../../lib/tokens/create-service-account-token'),
    import('../../../lib/tokens/service-accounts'),
    import('../../../lib/admin/members'),
    import('../../../lib/auth/tenant-session'),
    import('../../../lib/wiki/create-page'),
    import('../../../lib/wiki/trash'),
    import('../../../lib/photos/store-photo'),
    import('../../../lib/wiki/files/wiki-files'),
    import('../../../lib/wiki/comments/write-comment'),
    import('../../../lib/wiki/templates/templates'),
    import('../../../lib/db'),
  ]);
  return {
    ...tenancy,
    ...tokens,
    ...accounts,
    ...members,
    ...session,
    ...wiki,
    ...trash,
    ...photos,
    ...files,
    ...comments,
    ...templates,
    setUploadedPhoto: db.setUploadedPhoto,
  };
}

export interface ScimTokens {
  valid: string;
  /** Revoked through the Admin Console's function. */
  revoked: string;
  /** Minted with an expiry a minute ago. */
  expired: string;
}

export interface Tenant {
  id: string;
  subdomain: string;
  tokens: ScimTokens;
  scim: ScimClient;
}

export interface TargetTenant extends Tenant {
  adminId: string;
  memberId: string;
  memberUserName: string;
  teamId: string;
  pageSlug: string;
  /** A page in the wiki's trash, for restoring. */
  trashedPageId: string;
  /** The admin's photo (their own upload): a file only members of the target may fetch. */
  photoKey: string;
  /** An attachment of the wiki, by id: also for members of the target only. */
  wikiFileId: string;
  /** The member's comment on the page. */
  commentId: string;
  /** One of the tenant's page templates (the defaults, given when first listed). */
  templateId: string;
  serviceAccountId: string;
  liveTokenId: string;
  sessions: { admin: string; member: string };
}

export interface OtherTenant extends Tenant {
  memberId: string;
  sessions: { admin: string; member: string };
}

/** A tenant with one provisioned user and group, for the SCIM table (scim-table.ts). */
export interface ScimTarget extends Tenant {
  userId: string;
  groupId: string;
}

export interface World {
  target: TargetTenant;
  other: OtherTenant;
}

export async function tenantWithTokens(): Promise<Tenant & { serviceAccountId: string; liveTokenId: string }> {
  const app = await lib();
  const subdomain = `iso-${randomBytes(4).toString('hex')}`;
  const tenant = await app.createTenant({ subdomain, displayName: `Isolation ${subdomain}`, entraTenantId: randomUUID() });
  const account = { serviceAccountName: 'Microsoft Entra provisioning' };
  // One transaction at a time per tenant: callers set up as many tenants at once as there are connections.
  const valid = await app.createServiceAccountToken(tenant.id, { ...account, tokenName: 'live' }, SYSTEM);
  const revoked = await app.createServiceAccountToken(tenant.id, { ...account, tokenName: 'revoked' }, SYSTEM);
  await app.revokeToken(tenant.id, SYSTEM, revoked.record.id);
  const expired = await app.createServiceAccountToken(tenant.id, { ...account, tokenName: 'expired', expiresAt: new Date(Date.now() - 60_000) }, SYSTEM);
  return {
    id: tenant.id,
    subdomain,
    tokens: { valid: valid.token, revoked: revoked.token, expired: expired.token },
    scim: scimClient(subdomain, valid.token),
    serviceAccountId: valid.record.serviceAccountId,
    liveTokenId: valid.record.id,
  };
}

async function provision(scim: ScimClient, path: string, body: object): Promise<string> {
  const created = await scim.post(path, body);
  if (created.status !== 201) throw new Error(`Setting up the matrix: POST ${path} answered ${created.status}: ${created.text}`);
  return created.json.id as string;
}

const person = (scim: ScimClient, userName: string) =>
  provision(scim, '/Users', { schemas: [CORE], userName, displayName: userName.split('@')[0], active: true });

/** A live session of `userId`, as signing in makes one: a ticket issued on the apex, redeemed on the tenant's host. */
async function sessionOf(tenantId: string, userId: string): Promise<string> {
  const app = await lib();
  const binding = app.newBinding();
  const redeemed = await app.redeemSignInTicket(tenantId, await app.issueSignInTicket(tenantId, userId, binding), binding);
  if (!redeemed) throw new Error('Setting up the matrix: a fresh sign-in ticket was not redeemed');
  return redeemed.token;
}

/** People, with an admin, and their sessions. */
async function staffed(tenant: Tenant) {
  const app = await lib();
  const memberUserName = `member@${tenant.subdomain}.example`;
  const [adminId, memberId] = await Promise.all([person(tenant.scim, `admin@${tenant.subdomain}.example`), person(tenant.scim, memberUserName)]);
  const [admin, member] = await Promise.all([sessionOf(tenant.id, adminId), sessionOf(tenant.id, memberId), app.setRole(tenant.id, SYSTEM, adminId, 'admin')]);
  return { adminId, memberId, memberUserName, sessions: { admin, member } };
}

/** A tenant for SCIM cells: tokens, a person and a group that a refused request could change. */
export async function scimTarget(): Promise<ScimTarget> {
  const tenant = await tenantWithTokens();
  const userId = await person(tenant.scim, `someone@${tenant.subdomain}.example`);
  const groupId = await provision(tenant.scim, '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: 'Engineering',
    members: [{ value: userId }],
  });
  return { ...tenant, userId, groupId };
}

export async function buildWorld(): Promise<World> {
  const app = await lib();
  const [target, other] = await Promise.all([tenantWithTokens(), tenantWithTokens()]);
  const [staff, otherStaff] = await Promise.all([staffed(target), staffed(other)]);
  const [teamId, { slug: pageSlug }, { slug: trashedSlug }] = await Promise.all([
    provision(target.scim, '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Engineering',
      members: [{ value: staff.memberId }],
    }),
    app.createPage(target.id, staff.memberId, { title: 'Onboarding', body: 'Welcome aboard.', parentSlug: '' }),
    app.createPage(target.id, staff.memberId, { title: 'Old plans', body: 'Gone soon.', parentSlug: '' }),
  ]);
  await app.deletePage(target.id, trashedSlug);
  const trashedPageId = await trashedPage(target.id, trashedSlug);
  const photo = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#36a' } })
    .png()
    .toBuffer();
  const photoKey = await app.storePhoto(target.id, photo);
  await app.setUploadedPhoto(target.id, staff.adminId, photoKey);
  const { id: wikiFileId } = await app.uploadWikiFile(target.id, staff.memberId, 'plan.txt', Buffer.from('The plan.\n'));
  const { id: commentId } = await app.addComment(target.id, staff.memberId, { slug: pageSlug, body: 'Looks good.', threadId: '' });
  const [{ id: templateId }] = await app.listTemplates({ id: target.id, templatesSeededAt: null });
  return {
    target: { ...target, ...staff, teamId, pageSlug, trashedPageId, photoKey, wikiFileId, commentId, templateId },
    other: { ...other, memberId: otherStaff.memberId, sessions: otherStaff.sessions },
  };
}

/** The id of a trashed page (the trash lists ids, not slugs). */
async function trashedPage(tenantId: string, slug: string): Promise<string> {
  const { tenantDb } = await import('../../../lib/db');
  const page = await tenantDb(tenantId).wikiPage.findFirst({ where: { slug, deletedAt: { not: null } }, select: { id: true } });
  if (!page) throw new Error('Setting up the matrix: the trashed page is not in the trash');
  return page.id;
}
