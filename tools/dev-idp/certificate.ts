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
