import type { ActionArgs } from './next-action';
import type { World } from './world';

// The isolation matrix's table: for every page, route handler method and
// server action the app has (found in the files, support/app-routes.ts), who
// may use it and what everyone else gets. The spec fails on anything the app
// has that this table does not name, and on anything it names that the app no
// longer has. The answers are the designs the code implements:
//  - pages of a tenant: requireMember sends strangers to /login (307);
//    requireAdmin answers members 403 (app/tenant/[subdomain]/forbidden.tsx);
//  - JSON routes of a tenant: memberForApi, 401;
//  - actions: requireMemberAction/requireAdminAction, the same redirect (as
//    Next tells its router: x-action-redirect) or 403.
// Rows that name the target's people, teams, pages or tokens are also tried
// by the other tenant's own admin or member on their own host ("foreign
// ids"): ids are looked up within the host's tenant, so they name nothing there.

/** Who knocks: nobody, a person signed in to another tenant (their cookie sent here), a member of this tenant. */
export type Intruder = 'anonymous' | 'otherTenant' | 'member';

export type Refusal =
  /** 307 to the tenant's sign-in page. */
  | { kind: 'sign-in' }
  | { kind: 'status'; status: 401 | 403 | 404 }
  /** The action did not run: Next's router is told to go to the sign-in page. */
  | { kind: 'action-sign-in' }
  /** The action ran its own check and answered this error in its result. */
  | { kind: 'action-error'; error: string }
  /** The action ran and refused: the id it was given names nothing in the caller's tenant. */
  | { kind: 'action-refused' };

export const SIGN_IN: Refusal = { kind: 'sign-in' };
export const ACTION_SIGN_IN: Refusal = { kind: 'action-sign-in' };
const ACTION_REFUSED: Refusal = { kind: 'action-refused' };
const status = (code: 401 | 403 | 404): Refusal => ({ kind: 'status', status: code });

interface Public {
  access: 'public';
  reason: string;
}

export interface GuardedPage {
  access: 'member' | 'admin';
  /** The URL to ask for, on the target tenant's host. */
  path: (w: World) => string;
  /** What the right person gets (proves the URL names something real). */
  allowed: number;
  refused: Partial<Record<Intruder, Refusal>>;
  /** For URLs naming the target's rows: the other tenant's own people, on their own host, get this. */
  foreignIds?: Refusal;
}

export interface GuardedAction {
  access: 'member' | 'admin' | 'apex-identity';
  args: (w: World) => ActionArgs;
  refused: Partial<Record<Intruder, Refusal>>;
  /** Sign-up's subdomain: a refused call leaves it free. */
  claims?: string;
  /** For arguments naming the target's rows: the other tenant's own people, on their own host, get this. */
  foreignIds?: Refusal;
}

export type PageRule = Public | GuardedPage;
export type ActionRule = Public | GuardedAction;

const memberPage = (path: GuardedPage['path'], allowed = 200): GuardedPage => ({
  access: 'member',
  path,
  allowed,
  refused: { anonymous: SIGN_IN, otherTenant: SIGN_IN },
});
const adminPage = (path: GuardedPage['path'], allowed = 200): GuardedPage => ({
  access: 'admin',
  path,
  allowed,
  refused: { anonymous: SIGN_IN, otherTenant: SIGN_IN, member: status(403) },
});
const memberApi = (path: GuardedPage['path']): GuardedPage => ({
  access: 'member',
  path,
  allowed: 200,
  refused: { anonymous: status(401), otherTenant: status(401) },
});
const adminApi = (path: GuardedPage['path']): GuardedPage => ({
  access: 'admin',
  path,
  allowed: 200,
  refused: { anonymous: status(401), otherTenant: status(401), member: status(403) },
});
const memberAction = (args: GuardedAction['args']): GuardedAction => ({
  access: 'member',
  args,
  refused: { anonymous: ACTION_SIGN_IN, otherTenant: ACTION_SIGN_IN },
});
const adminAction = (args: GuardedAction['args']): GuardedAction => ({
  access: 'admin',
  args,
  refused: { anonymous: ACTION_SIGN_IN, otherTenant: ACTION_SIGN_IN, member: status(403) },
});

/** The row names something of the target tenant: the other tenant's own site must not find it. */
const naming = <T extends GuardedPage | GuardedAction>(rule: T): T => ({ ...rule, foreignIds: 'path' in rule ? status(404) : ACTION_REFUSED });

const SIGN_IN_FLOW = 'part of signing in, which starts signed out';

/** Pages, by site and URL pattern (route groups left out). */
export const PAGES: Record<string, PageRule> = {
  'apex /': { access: 'public', reason: 'the landing page' },
  'apex /login': { access: 'public', reason: SIGN_IN_FLOW },
  'apex /signup': { access: 'public', reason: 'sign-up of a new company; creating one needs a Microsoft sign-in (createCompany)' },
  'apex /signed-out': { access: 'public', reason: "where Microsoft's sign-out comes back to; shows nothing of anyone" },
  'tenant /login': { access: 'public', reason: SIGN_IN_FLOW },
  'tenant /[...missing]': {
    access: 'public',
    reason: "addresses no other route matches: the 404 page inside the tenant's header, which names only the company",
  },
  'tenant /': memberPage(() => '/'),
  'tenant /admin': adminPage(() => '/admin', 307),
  'tenant /admin/audit': adminPage(() => '/admin/audit'),
  'tenant /admin/members': adminPage(() => '/admin/members'),
  'tenant /admin/provisioning': adminPage(() => '/admin/provisioning'),
  'tenant /admin/settings': adminPage(() => '/admin/settings'),
  'tenant /admin/settings/service-accounts': adminPage(() => '/admin/settings/service-accounts'),
  'tenant /admin/settings/alerts': adminPage(() => '/admin/settings/alerts'),
  'tenant /admin/settings/templates': adminPage(() => '/admin/settings/templates'),
  'tenant /org': memberPage(() => '/org'),
  'tenant /people': memberPage(() => '/people'),
  'tenant /people/[key]': naming(memberPage((w) => `/people/${w.target.memberId}`)),
  'tenant /search': memberPage(() => '/search?q=onboarding'),
  'tenant /teams': memberPage(() => '/teams'),
  'tenant /teams/[id]': naming(memberPage((w) => `/teams/${w.target.teamId}`)),
  'tenant /wiki': memberPage(() => '/wiki'),
  'tenant /wiki/[slug]': naming(memberPage((w) => `/wiki/${w.target.pageSlug}`)),
  'tenant /wiki/[slug]/edit': naming(memberPage((w) => `/wiki/${w.target.pageSlug}/edit`)),
  'tenant /wiki/[slug]/history': naming(memberPage((w) => `/wiki/${w.target.pageSlug}/history`)),
  'tenant /wiki/[slug]/history/[n]': naming(memberPage((w) => `/wiki/${w.target.pageSlug}/history/1`)),
  'tenant /wiki/new': memberPage(() => '/wiki/new'),
};

/** Route handlers, by method, site and URL pattern. */
export const HANDLERS: Record<string, PageRule> = {
  'GET apex /api/auth/[...nextauth]': { access: 'public', reason: 'Auth.js: the Microsoft sign-in on the apex' },
  'POST apex /api/auth/[...nextauth]': { access: 'public', reason: 'Auth.js: the Microsoft sign-in on the apex' },
  'GET apex /api/subdomain-availability': { access: 'public', reason: "sign-up's live check whether a subdomain is free" },
  'GET apex /auth/microsoft': { access: 'public', reason: `${SIGN_IN_FLOW}: from a tenant's Login straight on to Microsoft; writes nothing` },
  'GET apex /auth/continue': { access: 'public', reason: `${SIGN_IN_FLOW}; without a Microsoft sign-in it sends to /login` },
  'GET tenant /auth/start': { access: 'public', reason: `${SIGN_IN_FLOW}: binds the browser, then to the apex` },
  'GET tenant /auth/enter': { access: 'public', reason: `${SIGN_IN_FLOW}: redeems a one-time ticket bound to the browser` },
  'POST tenant /logout': { access: 'public', reason: "signing out ends only the session whose cookie is sent, on this tenant's host" },
  'GET tenant /admin/provisioning/export': adminPage(() => '/admin/provisioning/export'),
  'GET tenant /people/export': adminPage(() => '/people/export?q=member'),
  'GET tenant /api/connection/[token]': naming(adminApi((w) => `/api/connection/${w.target.liveTokenId}`)),
  'GET tenant /api/org/[id]/reports': naming(memberApi((w) => `/api/org/${w.target.adminId}/reports`)),
  'GET tenant /api/search': memberApi(() => '/api/search?q=onboarding'),
  'GET tenant /api/notifications': memberApi(() => '/api/notifications'),
  'GET tenant /api/photos/[file]': naming(memberApi((w) => `/api/photos/${w.target.photoKey}-64.webp`)),
  'GET tenant /api/files/[id]/[name]': naming(memberApi((w) => `/api/files/${w.target.wikiFileId}/plan.txt`)),
  // Sent without a body: past the guard, the upload is refused for being empty (400), and changes nothing.
  'POST tenant /api/files': { ...memberApi(() => '/api/files?name=planted.txt'), allowed: 400 },
};

// Each action's arguments are ones that would change the target tenant if the action ran.
const wiki = 'app/tenant/[subdomain]/wiki/actions.ts';
const admin = 'app/tenant/[subdomain]/admin/actions.ts';
const bell = 'app/tenant/[subdomain]/notification-actions.ts';

/** Server actions, by `file#export`. */
export const ACTIONS: Record<string, ActionRule> = {
  'app/login/actions.ts#signInWithMicrosoft': { access: 'public', reason: `${SIGN_IN_FLOW}: off to Microsoft; writes nothing` },
  'app/signup/actions.ts#createCompany': {
    access: 'apex-identity',
    args: () => ({ form: { displayName: 'Intruder Inc', subdomain: 'iso-intruder' } }),
    claims: 'iso-intruder',
    refused: {
      anonymous: { kind: 'action-error', error: 'Your Microsoft sign-in has expired. Sign in again to continue.' },
      otherTenant: { kind: 'action-error', error: 'Your Microsoft sign-in has expired. Sign in again to continue.' },
    },
  },
  'app/signup/actions.ts#takeOverCompany': {
    access: 'apex-identity',
    args: () => ({ form: {} }),
    refused: {
      anonymous: { kind: 'action-error', error: 'Your Microsoft sign-in has expired. Sign in again to continue.' },
      otherTenant: { kind: 'action-error', error: 'Your Microsoft sign-in has expired. Sign in again to continue.' },
    },
  },
  [`${bell}#markAllReadAction`]: memberAction(() => ({ values: [] })),
  [`${bell}#setDigestAction`]: memberAction(() => ({ values: [true] })),
  [`${admin}#saveSettings`]: adminAction(() => ({ form: { displayName: 'Taken over', signInPolicy: 'directory' } })),
  [`${admin}#saveAlertSettings`]: adminAction(() => ({ form: { silenceHours: '72', failurePercent: '39' } })),
  [`${admin}#addServiceAccount`]: adminAction(() => ({ form: { name: 'backdoor', kind: 'token' } })),
  [`${admin}#addToken`]: naming(adminAction((w) => ({ form: { accountId: w.target.serviceAccountId, name: 'backdoor', expiresInDays: 'never' } }))),
  [`${admin}#revokeTokenAction`]: naming(adminAction((w) => ({ values: [w.target.liveTokenId] }))),
  [`${admin}#deleteServiceAccountAction`]: naming(adminAction((w) => ({ values: [w.target.serviceAccountId] }))),
  [`${admin}#setRoleAction`]: naming(adminAction((w) => ({ values: [w.target.memberId, 'admin'] }))),
  'app/tenant/[subdomain]/people/[key]/actions.ts#saveOwnProfile': memberAction(() => ({ form: { aboutMe: 'Defaced', skills: 'intrusion' } })),
  'app/tenant/[subdomain]/people/[key]/actions.ts#saveOwnPhoto': memberAction(() => ({ form: { intent: 'remove' } })),
  [`${admin}#syncPhotos`]: adminAction(() => ({ form: {} })),
  [`${admin}#saveTemplateAction`]: naming(adminAction((w) => ({ form: { id: w.target.templateId, name: 'Defaced', description: '', body: 'Defaced' } }))),
  [`${admin}#deleteTemplateAction`]: naming(adminAction((w) => ({ form: { id: w.target.templateId } }))),
  'app/tenant/[subdomain]/teams/[id]/actions.ts#saveTeamDescription': naming(
    adminAction((w) => ({ form: { teamId: w.target.teamId, description: 'Defaced' } })),
  ),
  [`${wiki}#createPageAction`]: memberAction(() => ({ form: { title: 'Planted', body: 'Planted', parentSlug: '' } })),
  [`${wiki}#savePageAction`]: naming(
    memberAction((w) => ({
      form: { currentSlug: w.target.pageSlug, title: 'Defaced', slug: w.target.pageSlug, body: 'Defaced', parentSlug: '', version: '1' },
    })),
  ),
  [`${wiki}#deletePageAction`]: naming(memberAction((w) => ({ form: { slug: w.target.pageSlug } }))),
  [`${wiki}#restorePageAction`]: naming(memberAction((w) => ({ form: { id: w.target.trashedPageId } }))),
  [`${wiki}#restoreRevisionAction`]: naming(memberAction((w) => ({ form: { slug: w.target.pageSlug, number: '1', version: '1' } }))),
  [`${wiki}#setOwnerAction`]: naming(memberAction((w) => ({ form: { slug: w.target.pageSlug, owner: w.target.adminId } }))),
  [`${wiki}#addCommentAction`]: naming(memberAction((w) => ({ form: { slug: w.target.pageSlug, body: 'Planted', threadId: w.target.commentId } }))),
  [`${wiki}#editCommentAction`]: naming(memberAction((w) => ({ form: { id: w.target.commentId, body: 'Defaced' } }))),
  [`${wiki}#deleteCommentAction`]: naming(memberAction((w) => ({ form: { id: w.target.commentId } }))),
  [`${wiki}#resolveThreadAction`]: naming(memberAction((w) => ({ form: { id: w.target.commentId, resolved: 'yes' } }))),
};
