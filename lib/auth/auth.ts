import NextAuth from 'next-auth';
import { cookies } from 'next/headers';
import { getConfig } from '../config';
import { siteOrigin } from '../tenancy/host';
import { authLogger } from './auth-log';
import { entraProvider, identityOf, type EntraIdentity } from './entra-provider';
import { signInDirectory } from './sign-in-directory';

// Auth.js runs the OpenID Connect dance with Microsoft on the apex only, so
// Entra needs one redirect URI for it (https://<root>/api/auth/callback/microsoft-entra-id),
// whichever directory's authority the sign-in goes to (sign-in-directory.ts).
// Its session is short and lives on the apex: it only carries the signed-in
// identity to sign-up or to a tenant, which then opens a session of its own
// (lib/auth/tenant-session.ts). Settings come from the environment on each
// request, never from the build.

const APEX_SESSION_SECONDS = 10 * 60;

declare module 'next-auth' {
  interface Session {
    entra?: EntraIdentity;
  }
}

class AuthNotConfiguredError extends Error {}

/** Whether the settings sign-in needs are there (the login page says so rather than failing). */
export function isSignInConfigured(): boolean {
  const config = getConfig();
  return Boolean(config.AUTH_MICROSOFT_ENTRA_ID_ID && config.AUTH_MICROSOFT_ENTRA_ID_SECRET && config.AUTH_SECRET);
}

const nextAuth = NextAuth(async (request) => {
  const config = getConfig();
  const { AUTH_MICROSOFT_ENTRA_ID_ID: clientId, AUTH_MICROSOFT_ENTRA_ID_SECRET: clientSecret, AUTH_SECRET: secret } = config;
  if (!clientId || !clientSecret || !secret) {
    throw new AuthNotConfiguredError('Sign-in needs AUTH_MICROSOFT_ENTRA_ID_ID, AUTH_MICROSOFT_ENTRA_ID_SECRET and AUTH_SECRET.');
  }
  const apex = siteOrigin(config.ROOT_DOMAIN);
  return {
    secret,
    basePath: '/api/auth',
    // URLs come from AUTH_URL (set from ROOT_DOMAIN at start), never from the request's Host.
    trustHost: true,
    session: { strategy: 'jwt', maxAge: APEX_SESSION_SECONDS },
    // The request's cookies in route handlers; next/headers' in actions and pages, where Auth.js passes none.
    providers: [
      entraProvider({ clientId, clientSecret, issuerTemplate: config.AUTH_MICROSOFT_ENTRA_ID_ISSUER }, signInDirectory(request?.cookies ?? (await cookies()))),
    ],
    pages: { signIn: '/login', error: '/login' },
    // Never the claims Auth.js's own logger prints, and refusals as warnings (auth-log.ts).
    logger: authLogger(),
    callbacks: {
      jwt({ token, profile }) {
        const identity = profile ? identityOf(profile as Record<string, unknown>) : null;
        if (identity) token.entra = identity;
        return token;
      },
      session({ session, token }) {
        return { ...session, entra: token.entra as EntraIdentity | undefined };
      },
      // Only back to the apex itself: tenants are reached through /auth/continue.
      redirect({ url, baseUrl }) {
        if (url.startsWith('/') && !url.startsWith('//')) return `${apex}${url}`;
        return URL.canParse(url) && new URL(url).origin === new URL(baseUrl).origin ? url : apex;
      },
    },
  };
});

export const { handlers, signIn, signOut } = nextAuth;

/** The Microsoft identity signed in on the apex, if any. */
export async function signedInIdentity(): Promise<EntraIdentity | null> {
  const identity = (await nextAuth.auth())?.entra;
  // A session from before the identity carried its directory roles: sign in again.
  return identity && Array.isArray(identity.directoryRoles) ? identity : null;
}
