import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN_CONSENTED_PATH, SIGNED_OUT_PATH } from '../../lib/auth/microsoft-urls';
import { siteOrigin } from '../../lib/tenancy/host';
import { directoriesFromDatabase, findPersonInDatabase } from './app-directories';
import { localCertificate, type LocalCertificate } from './certificate';
import { startDevIdp, type DevIdp } from './server';

// Starts the development identity provider beside the demo and the browser
// tests, and answers the settings that point the app at it: the same
// variables that point it at Microsoft in production.

export interface LaunchedIdp {
  idp: DevIdp;
  env: Record<string, string>;
}

export async function launchDevIdp(
  rootDomain: string,
  appPort: number,
  dataDir: string,
  accountsFile = path.join(dataDir, 'dev-idp-accounts.json'),
  local?: LocalCertificate,
): Promise<LaunchedIdp> {
  const clientId = 'theorgwiki-dev';
  const clientSecret = randomBytes(24).toString('base64url');
  const { tls, caFile } = local ?? (await localCertificate(dataDir, 'dev-idp-cert.pem'));
  const idp = await startDevIdp({
    port: appPort + 1,
    https: { port: appPort + 2, ...tls },
    clientId,
    clientSecret,
    // As the app registration lists them (README, Configuration).
    redirectUris: [
      `${siteOrigin(rootDomain)}/api/auth/callback/microsoft-entra-id`,
      `${siteOrigin(rootDomain)}${SIGNED_OUT_PATH}`,
      `${siteOrigin(rootDomain)}${ADMIN_CONSENTED_PATH}`,
    ],
    directories: directoriesFromDatabase,
    findPerson: findPersonInDatabase,
    accountsFile,
    favicon: fs.readFileSync(new URL('../../public/favicon.ico', import.meta.url)),
  });
  return {
    idp,
    env: {
      AUTH_MICROSOFT_ENTRA_ID_ID: clientId,
      AUTH_MICROSOFT_ENTRA_ID_SECRET: clientSecret,
      AUTH_MICROSOFT_ENTRA_ID_ISSUER: idp.issuerTemplate,
      GRAPH_AUTHORITY: idp.authorityTemplate!,
      GRAPH_URL: idp.graphUrl,
      // The server trusts the provider's self-signed certificate, and nothing else changes.
      NODE_EXTRA_CA_CERTS: caFile,
    },
  };
}

/**
 * The provider in this very process, standing in for Graph for the app's
 * Graph calls made here too (the photo tests, bench:photos): its people are
 * the database's, and the settings that point the app at Microsoft point it
 * here. MSAL must trust `tls.cert` from the process's start (NODE_EXTRA_CA_CERTS).
 */
export async function startInProcessGraph(options: { tls: { key: string; cert: string }; clientId: string; graphPerSecond: number }): Promise<DevIdp> {
  const clientSecret = `${options.clientId}-secret`;
  const idp = await startDevIdp({
    port: 0,
    https: { port: 0, ...options.tls },
    clientId: options.clientId,
    clientSecret,
    redirectUris: ['http://localhost:9/signup'],
    directories: directoriesFromDatabase,
    findPerson: findPersonInDatabase,
    graphPerSecond: options.graphPerSecond,
  });
  Object.assign(process.env, {
    AUTH_MICROSOFT_ENTRA_ID_ID: options.clientId,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: clientSecret,
    GRAPH_AUTHORITY: idp.authorityTemplate!,
    GRAPH_URL: idp.graphUrl,
  });
  return idp;
}
