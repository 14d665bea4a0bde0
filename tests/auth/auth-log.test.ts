import { CallbackRouteError, InvalidCheck, MissingSecret, OAuthProfileParseError, UnknownAction } from '@auth/core/errors';
import { errors as jose } from 'jose';
import { OperationProcessingError, ResponseBodyError } from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { authLogger } from '../../lib/auth/auth-log';
import { captureLog } from '../support/capture-log';

// Auth.js errors as Auth.js builds them (a failed check's cause carries what
// was compared, the ID token's claims among it), through our logger.

function capture() {
  const { log, text, entries } = captureLog();
  return { logger: authLogger(log), text, entries };
}

/** As Auth.js's callback wraps whatever failed (@auth/core lib/actions/callback), which its types do not admit. */
const callbackError = (cause: Error) => new CallbackRouteError(cause as unknown as string, { provider: 'microsoft-entra-id' } as ErrorOptions);

const CLAIMS = {
  oid: '5f0c6c0e-7e43-4b59-9a43-0e1f3b3c1a11',
  email: 'ada.lovelace@contoso.example',
  name: 'Ada Lovelace',
  preferred_username: 'ada@contoso.example',
};

/** What oauth4webapi throws when an ID token's nonce is not the one sent, and Auth.js wraps it in. */
function nonceRefused(): CallbackRouteError {
  const check = new OperationProcessingError('unexpected ID Token "nonce" claim value', {
    code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
    cause: { claim: 'nonce', expected: 'n-1', claims: CLAIMS },
  });
  return callbackError(check);
}

describe('the sign-in log', () => {
  it('writes a refused callback as a warning naming the failed check, and none of the claims compared', () => {
    const { logger, entries, text } = capture();
    logger.error(nonceRefused());
    expect(entries()).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'sign-in: refused a request',
        authError: 'CallbackRouteError',
        reason: 'unexpected ID Token "nonce" claim value',
        code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
        claim: 'nonce',
      }),
    ]);
    for (const value of Object.values(CLAIMS)) expect(text()).not.toContain(value);
  });

  it('tells checks that refuse the answer from failures of ours by code', () => {
    const { logger, entries } = capture();
    const metadata = new OperationProcessingError('"response" is not a conform Authorization Server Metadata response', {
      code: 'OAUTH_MISSING_SERVER_METADATA',
    });
    logger.error(callbackError(metadata));
    expect(entries()).toEqual([expect.objectContaining({ level: 'error', code: 'OAUTH_MISSING_SERVER_METADATA' })]);
  });

  it('writes refusals of the request itself as warnings', () => {
    const { logger, entries } = capture();
    logger.error(new UnknownAction('Unsupported action'));
    logger.error(new InvalidCheck('state value could not be parsed.'));
    expect(entries().map((entry) => [entry.level, entry.authError])).toEqual([
      ['warn', 'UnknownAction'],
      ['warn', 'InvalidCheck'],
    ]);
  });

  it('writes as errors what is ours to fix: a provider that refuses our client, a missing setting, an unreachable provider', () => {
    const { logger, entries, text } = capture();
    const response = new Response(JSON.stringify({ error: 'invalid_client' }), { status: 401 });
    const refusedClient = new ResponseBodyError('server responded with an error in the response body', {
      cause: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' },
      response,
    });
    logger.error(callbackError(refusedClient));
    logger.error(new MissingSecret('Please define a `secret`'));
    logger.error(callbackError(new TypeError('fetch failed')));
    expect(entries().map((entry) => [entry.level, entry.authError, entry.providerError])).toEqual([
      ['error', 'CallbackRouteError', 'invalid_client'],
      ['error', 'MissingSecret', undefined],
      ['error', 'CallbackRouteError', undefined],
    ]);
    expect(entries()[2]).toMatchObject({ reason: 'fetch failed', stack: expect.stringContaining('TypeError: fetch failed') });
    expect(text()).not.toContain('AADSTS7000215');
  });

  it("writes an ID token our signature check refuses as a refusal, and the directory's keys out of reach as ours", () => {
    const { logger, entries } = capture();
    // As Auth.js wraps what profile() throws (@auth/core lib/actions/callback/oauth/callback).
    const profileError = (cause: Error) => new OAuthProfileParseError(cause as unknown as string, { provider: 'microsoft-entra-id' } as ErrorOptions);
    logger.error(profileError(new jose.JWSSignatureVerificationFailed()));
    logger.error(profileError(new jose.JOSEAlgNotAllowed('"alg" (Algorithm) Header Parameter value not allowed')));
    logger.error(profileError(new jose.JWKSTimeout()));
    expect(entries().map((entry) => [entry.level, entry.authError, entry.code])).toEqual([
      ['warn', 'OAuthProfileParseError', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'],
      ['warn', 'OAuthProfileParseError', 'ERR_JOSE_ALG_NOT_ALLOWED'],
      ['error', 'OAuthProfileParseError', 'ERR_JWKS_TIMEOUT'],
    ]);
  });

  it('writes a code used twice as a refusal', () => {
    const { logger, entries } = capture();
    const response = new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 400 });
    const replayed = new ResponseBodyError('server responded with an error in the response body', { cause: { error: 'invalid_grant' }, response });
    logger.error(callbackError(replayed));
    expect(entries()).toEqual([expect.objectContaining({ level: 'warn', providerError: 'invalid_grant' })]);
  });
});
