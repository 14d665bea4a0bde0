import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';
import { siteOrigin } from '../tenancy/host';
import { directoriesFromDatabase } from './app-directories';
import { startDevIdp, type DevIdp } from './server';

// Starts the development identity provider beside the demo and the browser
// tests, and answers the settings that point the app at it: the same
// variables that point it at Microsoft in production.

export interface LaunchedIdp {
  idp: DevIdp;
  env: Record<string, string>;
}

export async function launchDevIdp(rootDomain: string, appPort: number, dataDir: string): Promise<LaunchedIdp> {
  const clientId = 'theorgwiki-dev';
  const clientSecret = randomBytes(24).toString('base64url');
  // MSAL (the app's Graph calls) only talks to an https authority.
  const tls = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
  } as Parameters<typeof generate>[1]);
  fs.mkdirSync(dataDir, { recursive: true });
  const caFile = path.join(dataDir, 'dev-idp-cert.pem');
  fs.writeFileSync(caFile, tls.cert);
  const idp = await startDevIdp({
    port: appPort + 1,
    https: { port: appPort + 2, key: tls.private, cert: tls.cert },
    clientId,
    clientSecret,
    redirectUris: [`${siteOrigin(rootDomain)}/api/auth/callback/microsoft-entra-id`],
    directories: directoriesFromDatabase,
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
