import { createHash, randomBytes } from 'node:crypto';

// Bearer tokens: 32 random bytes behind a recognisable prefix (so secret
// scanners and people can tell what a leaked string is). Only the SHA-256 hash
// is stored; a token has enough entropy that a slow hash would add nothing.

export const TOKEN_PREFIX = 'owk_';

export interface TokenSecret {
  /** Shown once, never stored. */
  token: string;
  hash: string;
  /** What an admin sees afterwards: the start and the last four characters. */
  displayPrefix: string;
  lastFour: string;
}

export function generateTokenSecret(): TokenSecret {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return {
    token,
    hash: hashToken(token),
    displayPrefix: token.slice(0, TOKEN_PREFIX.length + 4),
    lastFour: token.slice(-4),
  };
}

/** SHA-256 of a token, as stored (hex). */
export function hashToken(token: string): string {
  return tokenDigest(token).toString('hex');
}

/** SHA-256 of a token, as bytes, for comparing in constant time. */
export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
