import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { platformDb, tenantDb, type Tenant } from '../../lib/db';
import { admit } from '../../lib/auth/admission';
import type { EntraIdentity } from '../../lib/auth/entra-provider';
import { signUpTenant } from '../../lib/auth/sign-up';
import { findSessionUser, issueSignInTicket, newBinding, redeemSignInTicket, signedOutByDeactivation } from '../../lib/auth/tenant-session';
import { createTenant } from '../../lib/tenancy/create-tenant';
import { withTestDatabase } from '../support/database';

withTestDatabase();

/** The binding cookie of the browser that signs in. */
const BROWSER = newBinding();

const person = (tid: string, userName: string): EntraIdentity => ({ tid, oid: randomUUID(), userName, email: userName, name: userName.split('@')[0] });

/** A tenant bound to a new directory; `signInPolicy` as an admin would have set it (the setting's page is the Admin Console's). */
async function boundTenant(subdomain: string, signInPolicy?: Tenant['signInPolicy']): Promise<{ tenant: Tenant; tid: string }> {
  const tid = randomUUID();
  const tenant = await createTenant({ subdomain, displayName: subdomain, entraTenantId: tid });
  return { tenant: signInPolicy ? { ...tenant, signInPolicy } : tenant, tid };
}

describe('admit', () => {
  it('matches a provisioned person by userName or work email, case-insensitively, then by the object id it records', async () => {
    const { tenant, tid } = await boundTenant('initech');
    const db = tenantDb(tenant.id);
    const pat = await db.user.create({ data: { tenantId: tenant.id, userName: 'Pat@Initech.example', provisioned: true } });
    const lou = await db.user.create({ data: { tenantId: tenant.id, userName: 'lou-upn', workEmail: 'Lou@Initech.example', provisioned: true } });

    const first = await admit(tenant, person(tid, 'pat@initech.example'));
    expect(first).toMatchObject({ admitted: true, user: { id: pat.id } });
    const oid = first.admitted ? first.user.entraObjectId : null;
    // Renamed in Entra: the object id still finds them.
    expect(await admit(tenant, { ...person(tid, 'patricia@initech.example'), oid: oid! })).toMatchObject({ admitted: true, user: { id: pat.id } });
    expect(await admit(tenant, { ...person(tid, 'someone-else'), email: 'lou@initech.example' })).toMatchObject({ admitted: true, user: { id: lou.id } });
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
    await db.user.create({ data: { tenantId: tenant.id, userName: 'off@hooli.example', active: false, provisioned: true } });
    expect(await admit(tenant, person(tid, 'off@hooli.example'))).toEqual({ admitted: false, reason: 'deactivated' });
    expect(await admit(tenant, person(tid, 'late@hooli.example'))).toEqual({ admitted: false, reason: 'not_provisioned' });
    // The early walk-in is held to today's policy too, at sign-in and on their very next request.
    expect(await admit(tenant, colleague)).toEqual({ admitted: false, reason: 'not_provisioned' });
    expect(await findSessionUser(tenant, session!.token)).toBeNull();
  });

  it('follows the tenant\'s policy: the whole directory, or provisioned people only', async () => {
    const open = await boundTenant('globex', 'directory');
    await tenantDb(open.tenant.id).user.create({ data: { tenantId: open.tenant.id, userName: 'p@globex.example', provisioned: true } });
    expect(await admit(open.tenant, person(open.tid, 'walk-in@globex.example'))).toMatchObject({ admitted: true });

    const closed = await boundTenant('umbrella', 'provisioned_only');
    expect(await admit(closed.tenant, person(closed.tid, 'walk-in@umbrella.example'))).toEqual({ admitted: false, reason: 'not_provisioned' });
  });
});

describe('sign-up', () => {
  it('binds the new tenant to the signer\'s directory, makes them its admin, and refuses a second tenant for the directory', async () => {
    const signer = person(randomUUID(), 'founder@vandelay.example');
    const tenant = await signUpTenant(signer, { displayName: 'Vandelay Industries', subdomain: 'Vandelay' });
    expect(tenant).toMatchObject({ subdomain: 'vandelay', entraTenantId: signer.tid });
    expect(await tenantDb(tenant.id).user.findMany({ select: { userName: true, role: true, entraObjectId: true } })).toEqual([
      { userName: 'founder@vandelay.example', role: 'admin', entraObjectId: signer.oid },
    ]);
    await expect(signUpTenant({ ...signer, oid: randomUUID() }, { displayName: 'Again', subdomain: 'vandelay2' })).rejects.toThrow(/already has TheOrgWiki at vandelay/);
    await expect(signUpTenant(person(randomUUID(), 'a@b.example'), { displayName: 'X', subdomain: 'www' })).rejects.toThrow(/reserved/);
    expect(await platformDb.findTenantBySubdomain('vandelay2')).toBeNull();
  });
});

describe('tenant sessions', () => {
  it('turn a ticket into a session once, on its own tenant only, and end when the person is deactivated', async () => {
    const { tenant } = await boundTenant('acme');
    const other = await boundTenant('soylent');
    const user = await tenantDb(tenant.id).user.create({ data: { tenantId: tenant.id, userName: 'pat@acme.example' } });
    const ticket = await issueSignInTicket(tenant.id, user.id, BROWSER);

    expect(await redeemSignInTicket(other.tenant.id, ticket, BROWSER)).toBeNull();
    // Another browser (a link sent to someone else) cannot use it.
    expect(await redeemSignInTicket(tenant.id, ticket, newBinding())).toBeNull();
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
