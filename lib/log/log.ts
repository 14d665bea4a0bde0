import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { getConfig } from '../config';
import { currentRequest } from './request-context';

// The one logger of the process: a JSON object per line on stdout, for the
// platform's log collector. Lines written while a request is served carry its
// id (request-context.ts).
//
// Secrets stay out by construction: nobody logs headers, cookies, query
// strings or bodies. In case someone logs an object that holds one anyway,
// keys that look like credentials are censored, at the top and inside the
// objects that usually carry them. Named places, not wildcards: pino's
// wildcard redaction costs about 100 µs a line, a third of a SCIM request.

const SECRET_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'set-cookie',
  'Set-Cookie',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'secret',
  'clientSecret',
  'client_secret',
  'password',
  'apiKey',
  'ticket',
];
const CARRIERS = ['headers', 'req.headers', 'res.headers', 'request.headers', 'response.headers', 'err.config.headers', 'body', 'query'];

const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => {
  const at = /^\w+$/.test(key) ? `.${key}` : `["${key}"]`;
  return [at.replace(/^\./, ''), ...CARRIERS.map((carrier) => carrier + at)];
});

export function createLogger(level: Level | 'silent', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    // Level names, not numbers: log collectors and people read them without a table.
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.requestId } : {};
    },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

// On globalThis: Next's bundle and the HTTP server load this module separately in one process.
const globalForLog = globalThis as unknown as { orgwikiLog?: Logger };

export const log: Logger = (globalForLog.orgwikiLog ??= createLogger(getConfig().LOG_LEVEL));
