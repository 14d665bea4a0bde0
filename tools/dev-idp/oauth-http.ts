import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

// The development identity provider's plumbing: its signing keys, and the
// HTTP of an OAuth server (forms, answers, client authentication).

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

export async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
}

export const sha256url = (value: string) => createHash('sha256').update(value).digest('base64url');

export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

export async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 64_000) throw new Error('body too large');
  }
  return new URLSearchParams(body);
}

export function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Entra's error body: `error`, `error_description` with an AADSTS code. */
export const oauthError = (res: http.ServerResponse, status: number, error: string, description: string) =>
  send(res, status, { error, error_description: description });

/** The client's id and secret, from HTTP Basic or the form (client_secret_basic, client_secret_post). */
export function clientFrom(req: http.IncomingMessage, form: URLSearchParams): { id: string; secret: string } | null {
  const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], 'base64')
      .toString()
      .split(':')
      .map((p) => decodeURIComponent(p.replace(/\+/g, ' ')));
    return { id, secret: secret ?? '' };
  }
  const id = form.get('client_id');
  return id ? { id, secret: form.get('client_secret') ?? '' } : null;
}
