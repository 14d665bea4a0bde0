import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { platformDb, tenantDb, type Tenant } from '../../lib/db';
import { signInMatching } from '../../lib/admin/sign-in-matching';
import { admit } from '../../lib/auth/admission';
import type { EntraIdentity } from '../../lib/auth/entra-provider';
import { DIRECTORY_MEMBER_ROLE, PERSONAL_ACCOUNTS_TID } from '../../lib/auth/entra-ids';
import { signUpTenant } from '../../lib/auth/sign-up';
import { takeOverTenant } from '../../lib/auth/take-over';
import { createServiceAccountWithToken } from '../../lib/tokens/create-service-account-token';
import { findSessionUser, issueSignInTicket, newBinding, redeemSignInTicket, signedOutByDeactivation } from '../../lib/auth/tenant-session';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { withTestDatabase } from '../support/database';

withTestDatabase();

/** The binding cookie of the browser that signs in. */
const BROWSER = newBinding();

/** A member of the directory with a mailbox at a domain the directory has verified (`xms_edov`). */
const person = (tid: string, userName: string): EntraIdentity => ({
  tid,
  oid: randomUUID(),
  userName,
  email: userName,
  emailVerified: true,
  directoryRoles: [DIRECTORY_MEMBER_ROLE],
  name: userName.split('@')[0],
});
const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';
const directoryAdmin = (tid: string, userName: string): EntraIdentity => ({ ...person(tid, userName), directoryRoles: [DIRECTORY_MEMBER_ROLE, GLOBAL_ADMIN] });

/** A tenant bound to a new directory; `signInPolicy` as an admin would have set it (the setting's page is the Admin Console's). */
async function boundTenant(subdomain: string, signInPolicy?: Tenant['signInPolicy']): Promise<{ tenant: Tenant; tid: string }> {
  const tid = randomUUID();
  const tenant = await createTenant({ subdomain, displayName: subdomain, entraTenantId: tid });
  return { tenant: signInPolicy ? { ...tenant, signInPolicy } : tenant, tid };
}

describe('admit', () => {
  it('matches a provisioned person by the object id as externalId, else by a verified work email, then by the object id it records', async () => {
    const { tenant, tid } = await boundTenant('initech');
    const db = tenantDb(tenant.id);
    const patOid = randomUUID();
    const pat = await db.user.create({ data: { tenantId: tenant.id, userName: 'pat@initech.example', externalId: patOid, provisioned: true } });
    const lou = await db.user.create({ data: { tenantId: tenant.id, userName: 'lou-upn', workEmail: 'Lou@Initech.example', provisioned: true } });

    expect(await admit(tenant, { ...person(tid, 'pat@initech.example'), oid: patOid })).toMatchObject({
      admitted: true,
      user: { id: pat.id, entraObjectId: patOid },
    });
    // Renamed in Entra: the object id still finds them.
    expect(await admit(tenant, { ...person(tid, 'patricia@initech.example'), oid: patOid })).toMatchObject({ admitted: true, user: { id: pat.id } });
    // An email the directory does not vouch for matches nobody; a verified one, case-insensitively, does.
    const louIdentity = { ...person(tid, 'someone-else@initech.example'), email: 'lou@initech.example' };
    expect(await admit(tenant, { ...louIdentity, emailVerified: false })).toEqual({ admitted: false, reason: 'not_provisioned' });
    const lou1 = await admit(tenant, louIdentity);
    expect(lou1).toMatchObject({ admitted: true, user: { id: lou.id, entraObjectId: louIdentity.oid } });
  });

  it('never matches on the user name: a reused or changed UPN re-points nothing', async () => {
    const { tenant, tid } = await boundTenant('initrode', 'provisioned_only');
    const db = tenantDb(tenant.id);
    const bob = await db.user.create({ data: { tenantId: tenant.id, userName: 'bob@initrode.example', provisioned: true } });
    const bobOid = randomUUID();
    await db.user.update({ where: { id: bob.id }, data: { entraObjectId: bobOid } });
    // Bob's UPN goes to a new hire; Bob's old row is not theirs.
    const newHire = { ...person(tid, 'bob@initrode.example'), email: null };
    expect(await admit(tenant, newHire)).toEqual({ admitted: false, reason: 'not_provisioned' });
    // Someone provisioned before anyone mapped the object id (externalId is the mail nickname): no immutable id, no match.
    await db.user.create({ data: { tenantId: tenant.id, userName: 'ann@initrode.example', externalId: 'ann', provisioned: true } });
    expect(await admit(tenant, { ...person(tid, 'ann@initrode.example'), email: null })).toEqual({ admitted: false, reason: 'not_provisioned' });
    // Bob renamed in Entra keeps his row.
    expect(await admit(tenant, { ...person(tid, 'robert@initrode.example'), oid: bobOid })).toMatchObject({ admitted: true, user: { id: bob.id } });
  });

  it('binds by email only one unbound, non-admin row whose externalId names no other object', async () => {
    const { tenant, tid } = await boundTenant('dunder', 'directory');
    const db = tenantDb(tenant.id);
    await db.user.create({
      data: { tenantId: tenant.id, userName: 'boss@dunder.example', workEmail: 'boss@dunder.example', role: 'admin', provisioned: true },
    });
    await db.user.create({ data: { tenantId: tenant.id, userName: 'twin1@dunder.example', workEmail: 'twin@dunder.example', provisioned: true } });
    await db.user.create({ data: { tenantId: tenant.id, userName: 'twin2@dunder.example', workEmail: 'twin@dunder.example', provisioned: true } });
    await db.user.create({
      data: { tenantId: tenant.id, userName: 'kim@dunder.example', workEmail: 'kim@dunder.example', externalId: randomUUID(), provisioned: true },
    });
    // A mail attribute set to the admin's address does not make its holder the admin.
    expect(await admit(tenant, { ...person(tid, 'mallory@dunder.example'), email: 'boss@dunder.example' })).toEqual({ admitted: false, reason: 'unmatched' });
    expect(await admit(tenant, { ...person(tid, 'mallory@dunder.example'), email: 'twin@dunder.example' })).toEqual({ admitted: false, reason: 'unmatched' });
    expect(await admit(tenant, { ...person(tid, 'mallory@dunder.example'), email: 'kim@dunder.example' })).toEqual({ admitted: false, reason: 'unmatched' });
    // A colleague bound already shares the address with an unbound profile: the address proves nothing.
    const bound = await db.user.create({
      data: { tenantId: tenant.id, userName: 'lee@dunder.example', workEmail: 'lee@dunder.example', entraObjectId: randomUUID(), provisioned: true },
    });
    await db.user.create({ data: { tenantId: tenant.id, userName: 'lee2@dunder.example', workEmail: 'lee@dunder.example', provisioned: true } });
    expect(await admit(tenant, { ...person(tid, 'mallory@dunder.example'), email: 'lee@dunder.example' })).toEqual({ admitted: false, reason: 'unmatched' });
    await db.user.delete({ where: { id: bound.id } });
    expect(await db.user.count({ where: { entraObjectId: { not: null } } })).toBe(0);
  });

  it('counts for the Admin Console who can be matched how, and names the mapping the data shows', async () => {
    const { tenant, tid } = await boundTenant('matching');
    const db = tenantDb(tenant.id);
    expect(await signInMatching(tenant.id)).toMatchObject({ mapping: 'none', bound: 0, unmatchable: 0 });
    const provisioned = (userName: string, more: object = {}) => db.user.create({ data: { tenantId: tenant.id, userName, provisioned: true, ...more } });
    await provisioned('a@m.example', { workEmail: 'a@m.example', externalId: 'a' });
    await provisioned('b@m.example', { externalId: 'b' });
    await provisioned('c@m.example', { workEmail: 'c@m.example', role: 'admin' });
    await provisioned('gone@m.example', { active: false });
    expect(await signInMatching(tenant.id)).toEqual({ mapping: 'other', bound: 0, byObjectId: 0, byEmail: 1, unmatchable: 2, objectIdAsExternalId: 0 });
    const oid = randomUUID();
    await provisioned('d@m.example', { externalId: oid.toUpperCase() });
    await admit(tenant, { ...person(tid, 'd@m.example'), oid });
    expect(await signInMatching(tenant.id)).toMatchObject({ mapping: 'objectId', bound: 1, byObjectId: 0 });
  });

  it('refuses personal Microsoft accounts whatever the tenant', async () => {
    const { tenant } = await boundTenant('contoso', 'directory');
    expect(await admit(tenant, person(PERSONAL_ACCOUNTS_TID, 'someone@outlook.example'))).toEqual({ admitted: false, reason: 'personal_account' });
    expect(await admit({ ...tenant, entraTenantId: PERSONAL_ACCOUNTS_TID }, person(PERSONAL_ACCOUNTS_TID, 'someone@outlook.example'))).toEqual({
      admitted: false,
      reason: 'personal_account',
    });
  });

  it('refuses another directory, a deactivated person, and the unprovisioned once SCIM has provisioned anyone', async () => {
    const { tenant, tid } = await boundTenant('hooli');
    const db = tenantDb(tenant.id);
    expect(await admit(tenant, person(randomUUID(), 'x@hooli.example'))).toEqual({ admitted: false, reason: 'wrong_directory' });
    // Nobody provisioned yet: a colleague from the directory gets a member account.
    const colleague = person(tid, 'early@hooli.example');
    const early = await admit(tenant, colleague);
    expect(early).toMatchObject({ admitted: true, user: { role: 'member', provisioned: false } });
    const session = await redeemSignInTicket(tenant.id, await issueSignInTicket(tenant.id, early.admitted ? early.user.id : '', BROWSER), BROWSER);
    expect(await findSessionUser(tenant, session!.token)).toMatchObject({ userName: 'early@hooli.example' });

    // SCIM provisions someone: from now on only provisioned people (and admins) get in.
    const off = person(tid, 'off@hooli.example');
    await db.user.create({ data: { tenantId: tenant.id, userName: 'off@hooli.example', externalId: off.oid, active: false, provisioned: true } });
    expect(await admit(tenant, off)).toEqual({ admitted: false, reason: 'deactivated' });
    expect(await admit(tenant, person(tid, 'late@hooli.example'))).toEqual({ admitted: false, reason: 'not_provisioned' });
    // The early walk-in is held to today's policy too, at sign-in and on their very next request.
    expect(await admit(tenant, colleague)).toEqual({ admitted: false, reason: 'not_provisioned' });
    expect(await findSessionUser(tenant, session!.token)).toBeNull();
  });

  it("follows the tenant's policy: the whole directory, or provisioned people only", async () => {
    const open = await boundTenant('globex', 'directory');
    await tenantDb(open.tenant.id).user.create({ data: { tenantId: open.tenant.id, userName: 'p@globex.example', provisioned: true } });
    expect(await admit(open.tenant, person(open.tid, 'walk-in@globex.example'))).toMatchObject({ admitted: true });

    const closed = await boundTenant('umbrella', 'provisioned_only');
    expect(await admit(closed.tenant, person(closed.tid, 'walk-in@umbrella.example'))).toEqual({ admitted: false, reason: 'not_provisioned' });
  });
});

describe('sign-up', () => {
  it("binds the new tenant to the signer's directory, makes them its admin, and refuses a second tenant for the directory", async () => {
    const signer = directoryAdmin(randomUUID(), 'founder@vandelay.example');
    const tenant = await signUpTenant(signer, { displayName: 'Vandelay Industries', subdomain: 'Vandelay' });
    expect(tenant).toMatchObject({ subdomain: 'vandelay', entraTenantId: signer.tid, claimedByDirectoryAdmin: true });
    expect(await tenantDb(tenant.id).user.findMany({ select: { userName: true, role: true, entraObjectId: true } })).toEqual([
      { userName: 'founder@vandelay.example', role: 'admin', entraObjectId: signer.oid },
    ]);
    await expect(signUpTenant({ ...signer, oid: randomUUID() }, { displayName: 'Again', subdomain: 'vandelay2' })).rejects.toThrow(
      /already has TheOrgWiki at vandelay/,
    );
    await expect(signUpTenant(directoryAdmin(randomUUID(), 'a@b.example'), { displayName: 'X', subdomain: 'www' })).rejects.toThrow(/reserved/);
    expect(await platformDb.findTenantBySubdomain('vandelay2')).toBeNull();
  });

  it('needs a directory admin: an ordinary employee or a personal account creates nothing', async () => {
    const tid = randomUUID();
    await expect(signUpTenant(person(tid, 'intern@pied.example'), { displayName: 'Pied Piper', subdomain: 'piedpiper' })).rejects.toThrow(
      /Only an administrator/,
    );
    await expect(signUpTenant({ ...directoryAdmin(PERSONAL_ACCOUNTS_TID, 'me@outlook.example') }, { displayName: 'Me', subdomain: 'me-me' })).rejects.toThrow(
      /Only an administrator/,
    );
    expect(await platformDb.findTenantByDirectory(tid)).toBeNull();
    expect(await platformDb.findTenantBySubdomain('piedpiper')).toBeNull();
  });

  it('lets a directory admin take over a tenant a non-admin claimed, once, audited, revoking its tokens', async () => {
    const { tenant, tid } = await boundTenant('hooli-xyz');
    const db = tenantDb(tenant.id);
    const claimer = await admit(tenant, person(tid, 'gavin@hooli.example'));
    await db.user.update({ where: { id: claimer.admitted ? claimer.user.id : '' }, data: { role: 'admin' } });
    const account = await db.serviceAccount.create({ data: { tenantId: tenant.id, name: 'Entra' } });
    await db.apiToken.create({ data: { tenantId: tenant.id, serviceAccountId: account.id, name: 't', tokenHash: 'h', prefix: 'p', lastFour: 'abcd' } });

    await expect(takeOverTenant(person(tid, 'richard@hooli.example'))).rejects.toThrow(/Only an administrator/);
    const admin = directoryAdmin(tid, 'laurie@hooli.example');
    expect(await takeOverTenant(admin)).toMatchObject({ id: tenant.id, claimedByDirectoryAdmin: true });
    expect(await db.user.findMany({ select: { userName: true, role: true }, orderBy: { userName: 'asc' } })).toEqual([
      { userName: 'gavin@hooli.example', role: 'member' },
      { userName: 'laurie@hooli.example', role: 'admin' },
    ]);
    expect(await db.apiToken.count({ where: { revokedAt: null } })).toBe(0);
    expect(await db.auditEvent.findFirst({ where: { action: 'tenant.takeover' } })).toMatchObject({
      actorLabel: 'laurie',
      details: { directoryRole: 'Global Administrator', adminsDemoted: 1, tokensRevoked: 1 },
    });
    // Claimed by a directory admin now: nobody takes it over again.
    await expect(takeOverTenant(directoryAdmin(tid, 'other@hooli.example'))).rejects.toThrow(/already has a directory admin/);
  });

  it('takes over past the rows a claimer left in the way, and opens again when no active admin is left', async () => {
    const { tenant, tid } = await boundTenant('bachmanity');
    const db = tenantDb(tenant.id);
    const admin = directoryAdmin(tid, 'monica@bachmanity.example');
    // With the SCIM tokens, the claimer made a deactivated row carrying the admin's object id, and one with their user name.
    await db.user.create({ data: { tenantId: tenant.id, userName: 'decoy@bachmanity.example', externalId: admin.oid, active: false, provisioned: true } });
    await db.user.create({ data: { tenantId: tenant.id, userName: 'monica@bachmanity.example', provisioned: true } });
    await takeOverTenant(admin);
    expect(await db.user.findFirst({ where: { entraObjectId: admin.oid } })).toMatchObject({
      userName: 'decoy@bachmanity.example',
      role: 'admin',
      active: true,
    });
    expect(await db.auditEvent.findFirst({ where: { action: 'tenant.takeover' } })).toMatchObject({ details: { matchedBy: 'externalId' } });
    await expect(takeOverTenant(directoryAdmin(tid, 'other@bachmanity.example'))).rejects.toThrow(/already has a directory admin/);

    // Entra deactivates the only admin: another directory admin may take over.
    await db.user.updateMany({ where: { role: 'admin' }, data: { active: false } });
    const next = directoryAdmin(tid, 'monica@bachmanity.example');
    await takeOverTenant(next);
    expect(await db.user.findFirst({ where: { entraObjectId: next.oid } })).toMatchObject({ userName: 'monica@bachmanity.example', role: 'admin' });
  });

  it("counts a tenant as a directory admin's once one of its admins signs in with a directory role", async () => {
    const { tenant, tid } = await boundTenant('raviga', 'directory');
    const db = tenantDb(tenant.id);
    const laurie = directoryAdmin(tid, 'laurie@raviga.example');
    await db.user.create({ data: { tenantId: tenant.id, userName: 'laurie@raviga.example', externalId: laurie.oid, role: 'admin', provisioned: true } });
    // An ordinary member who is an admin here proves nothing about the directory.
    expect((await admit(tenant, person(tid, 'x@raviga.example'))).admitted).toBe(true);
    expect((await platformDb.findTenantByDirectory(tid))!.claimedByDirectoryAdmin).toBe(false);
    expect((await admit(tenant, laurie)).admitted).toBe(true);
    expect((await platformDb.findTenantByDirectory(tid))!.claimedByDirectoryAdmin).toBe(true);
    await expect(takeOverTenant(directoryAdmin(tid, 'cloud.admin@raviga.example'))).rejects.toThrow(/already has a directory admin/);
  });

  it('lets nobody demoted mint a token, though they passed the admin check before', async () => {
    const { tenant } = await boundTenant('aviato');
    const db = tenantDb(tenant.id);
    const erlich = await db.user.create({ data: { tenantId: tenant.id, userName: 'erlich@aviato.example', role: 'member' } });
    await expect(createServiceAccountWithToken(tenant.id, 'Entra', { type: 'user', id: erlich.id, label: 'Erlich' })).rejects.toThrow(/Only an admin/);
    expect(await db.apiToken.count()).toBe(0);
  });
});

describe('tenant sessions', () => {
  it('turn a ticket into a session once, on its own tenant only, and end when the person is deactivated', async () => {
    const { tenant } = await boundTenant('acme');
    const other = await boundTenant('soylent');
    const user = await tenantDb(tenant.id).user.create({ data: { tenantId: tenant.id, userName: 'pat@acme.example' } });
    const ticket = await issueSignInTicket(tenant.id, user.id, BROWSER);

    expect(await redeemSignInTicket(other.tenant.id, ticket, BROWSER)).toBeNull();
    const session = await redeemSignInTicket(tenant.id, ticket, BROWSER);
    expect(session).not.toBeNull();
    expect(await redeemSignInTicket(tenant.id, ticket, BROWSER)).toBeNull();
    // The ticket itself is no session.
    expect(await findSessionUser(tenant, ticket)).toBeNull();

    expect(await findSessionUser(tenant, session!.token)).toMatchObject({ id: user.id });
    expect(await findSessionUser(other.tenant, session!.token)).toBeNull();
    await tenantDb(tenant.id).user.update({ where: { id: user.id }, data: { active: false } });
    expect(await findSessionUser(tenant, session!.token)).toBeNull();
  });

  it('burn a ticket that another browser tries to redeem', async () => {
    const { tenant } = await boundTenant('cyberdyne');
    const user = await tenantDb(tenant.id).user.create({ data: { tenantId: tenant.id, userName: 'miles@cyberdyne.example' } });
    const ticket = await issueSignInTicket(tenant.id, user.id, BROWSER);
    // A link sent to someone else: useless to them, and to its owner afterwards.
    expect(await redeemSignInTicket(tenant.id, ticket, newBinding())).toBeNull();
    expect(await redeemSignInTicket(tenant.id, ticket, BROWSER)).toBeNull();
    // A browser without any binding cookie burns it as well.
    const another = await issueSignInTicket(tenant.id, user.id, BROWSER);
    expect(await redeemSignInTicket(tenant.id, another, undefined)).toBeNull();
    expect(await redeemSignInTicket(tenant.id, another, BROWSER)).toBeNull();
  });

  it('end after the idle limit where SCIM is not connected, and not where it is', async () => {
    const { tenant } = await boundTenant('tyrell');
    const db = tenantDb(tenant.id);
    const user = await db.user.create({ data: { tenantId: tenant.id, userName: 'rachael@tyrell.example' } });
    const signIn = async () => (await redeemSignInTicket(tenant.id, await issueSignInTicket(tenant.id, user.id, BROWSER), BROWSER))!.token;
    const idle = async (token: string, minutes: number) => {
      const at = new Date(Date.now() - minutes * 60_000);
      await db.session.updateMany({ where: { userId: user.id, activatedAt: { not: null } }, data: { activatedAt: at, lastSeenAt: at } });
      return findSessionUser(tenant, token);
    };
    // The default limit is 8 hours (SESSION_IDLE_MINUTES_WITHOUT_SCIM).
    const first = await signIn();
    expect(await idle(first, 7 * 60)).toMatchObject({ id: user.id });
    // The request just now counted as activity.
    expect((await db.session.findFirst({ where: { userId: user.id } }))!.lastSeenAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await idle(first, 8 * 60 + 1)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    // Entra used a live token within the day: deactivation arrives over SCIM, so no idle limit.
    const account = await db.serviceAccount.create({ data: { tenantId: tenant.id, name: 'Entra' } });
    await db.apiToken.create({
      data: { tenantId: tenant.id, serviceAccountId: account.id, name: 't', tokenHash: 'h2', prefix: 'p', lastFour: 'abcd', lastUsedAt: new Date() },
    });
    const second = await signIn();
    expect(await idle(second, 3 * 24 * 60)).toMatchObject({ id: user.id });
  });

  it('tell the holder of a dead session that they were deactivated, and nobody else anything', async () => {
    const { tenant } = await boundTenant('stark');
    const db = tenantDb(tenant.id);
    const user = await db.user.create({ data: { tenantId: tenant.id, userName: 'hank@globex.example' } });
    const session = await redeemSignInTicket(tenant.id, await issueSignInTicket(tenant.id, user.id, BROWSER), BROWSER);
    expect(await signedOutByDeactivation(tenant.id, session!.token)).toBe(false);

    // As SCIM deactivates someone: the person inactive, their sessions gone.
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    await db.session.deleteMany({ where: { userId: user.id } });
    expect(await findSessionUser(tenant, session!.token)).toBeNull();
    expect(await signedOutByDeactivation(tenant.id, session!.token)).toBe(true);

    // Another tenant's person, an unknown id, and what is no token at all say nothing.
    const other = await boundTenant('wayne');
    expect(await signedOutByDeactivation(other.tenant.id, session!.token)).toBe(false);
    expect(await signedOutByDeactivation(tenant.id, `${randomUUID()}.x`)).toBe(false);
    for (const junk of ['', '.', 'A'.repeat(43), `${user.id.slice(0, -1)}'.x`]) expect(await signedOutByDeactivation(tenant.id, junk)).toBe(false);
  });
});
