import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

/** A self-signed certificate for localhost: MSAL (the app's Graph calls) only talks to an https authority. */
export async function localhostCertificate(): Promise<{ key: string; cert: string }> {
  const tls = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
  } as Parameters<typeof generate>[1]);
  return { key: tls.private, cert: tls.cert };
}

export interface LocalCertificate {
  tls: { key: string; cert: string };
  /** The certificate as a file, for NODE_EXTRA_CA_CERTS: the app trusts the local stand-ins (identity provider, mail) and nothing else changes. */
  caFile: string;
}

/** One certificate for the local stand-ins of a run, written under `dataDir`. */
export async function localCertificate(dataDir: string, name = 'local-cert.pem'): Promise<LocalCertificate> {
  const tls = await localhostCertificate();
  fs.mkdirSync(dataDir, { recursive: true });
  const caFile = path.join(dataDir, name);
  fs.writeFileSync(caFile, tls.cert);
  return { tls, caFile };
}
