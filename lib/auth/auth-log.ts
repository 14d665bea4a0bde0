import { errors as jose } from 'jose';
import * as oauth from 'oauth4webapi';
import type { Logger } from 'pino';
import { log as processLog } from '../log/log';

// What Auth.js reports, in our log. Its own logger writes every refused
// sign-in at error level and, after it, what its checks compared
// ("[auth][details]"): the identity provider's answer, with the ID token's
// claims (names, email addresses, object ids). Ours writes the kind of
// refusal and the check that failed, never a compared value; and a request
// the checks refused (a stale or tampered callback, a sign-in cookie that
// expired, an unknown action) is the client's doing, so it is a warning. Only
// what is ours to fix (the identity provider unreachable, a setting missing)
// is an error.

/** Refusals of the request itself: nothing on our side failed. */
const REFUSED_REQUESTS = new Set([
  'AccessDenied',
  'InvalidCallbackUrl',
  'InvalidCheck',
  'InvalidProvider',
  'JWTSessionError',
  'MissingCSRF',
  'OAuthCallbackError',
  'UnknownAction',
]);

/**
 * The provider's error codes for a request the user or the client got wrong:
 * consent declined, a code used twice or too late. Others (invalid_client, a
 * misregistered redirect) are ours to fix.
 */
const REFUSED_BY_PROVIDER = new Set(['access_denied', 'consent_required', 'interaction_required', 'login_required', 'invalid_grant']);

/**
 * oauth4webapi's codes for an answer that failed a check: a state, nonce or
 * issuer not the one expected, a token expired or signed by another key.
 * Others (the provider's metadata missing, a response that is not JSON) are ours.
 */
const REFUSED_CHECKS = new Set([
  oauth.INVALID_RESPONSE,
  oauth.JWT_CLAIM_COMPARISON,
  oauth.JWT_TIMESTAMP_CHECK,
  oauth.JSON_ATTRIBUTE_COMPARISON,
  oauth.KEY_SELECTION,
]);

/**
 * Our own ID-token check (lib/auth/id-token.ts) refusing a token: a signature
 * by a key the directory does not publish, another algorithm, issuer or
 * audience. The directory's keys out of reach (a timeout, a network error) is ours.
 */
const REFUSED_TOKENS = [
  jose.JWSSignatureVerificationFailed,
  jose.JWTClaimValidationFailed,
  jose.JOSEAlgNotAllowed,
  jose.JWKSNoMatchingKey,
  jose.JWSInvalid,
  jose.JWTInvalid,
];

/** The OAuth error code the provider answered with ("invalid_grant"), if that is the cause. Classes, not names: a build minifies names. */
function providerCode(cause: unknown): string | undefined {
  return cause instanceof oauth.AuthorizationResponseError || cause instanceof oauth.ResponseBodyError ? cause.error : undefined;
}

/** Whether `cause` means the callback was refused: by a check, or by the provider for a bad request. */
function refusedAnswer(cause: unknown): boolean {
  if (cause instanceof oauth.OperationProcessingError) return cause.code !== undefined && REFUSED_CHECKS.has(cause.code);
  const provider = providerCode(cause);
  return provider !== undefined && REFUSED_BY_PROVIDER.has(provider);
}

interface Cause {
  err?: unknown;
  claim?: unknown;
}

function causeOf(error: Error): Cause {
  return error.cause && typeof error.cause === 'object' ? (error.cause as Cause) : {};
}

/** The Auth.js type of an error ("CallbackRouteError"), or its name. */
const typeOf = (error: Error) => ('type' in error && typeof error.type === 'string' ? error.type : error.name);

function refusedRequest(type: string, cause: unknown): boolean {
  if (type === 'OAuthProfileParseError') return REFUSED_TOKENS.some((kind) => cause instanceof kind);
  return REFUSED_REQUESTS.has(type) || (type === 'CallbackRouteError' && refusedAnswer(cause));
}

/** The `logger` option of Auth.js, writing to `log`. */
export function authLogger(log: Logger = processLog) {
  return {
    error(error: Error) {
      const type = typeOf(error);
      const { err: cause, claim } = causeOf(error);
      const code = cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
      const providerError = providerCode(cause);
      const fields = {
        authError: type,
        // Auth.js's and oauth4webapi's messages name the check, never the values compared.
        reason: cause instanceof Error ? cause.message : error.message,
        ...(code ? { code } : {}),
        ...(typeof claim === 'string' ? { claim } : {}),
        ...(providerError ? { providerError } : {}),
      };
      if (refusedRequest(type, cause)) {
        log.warn(fields, 'sign-in: refused a request');
      } else {
        const stack = (cause instanceof Error ? cause : error).stack;
        log.error({ ...fields, stack }, 'sign-in: failed');
      }
    },
    warn(code: string) {
      log.warn({ authWarning: code }, 'sign-in: Auth.js warning');
    },
    debug() {},
  };
}
