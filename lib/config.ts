import { z } from 'zod';

// Every setting the product reads from the environment, parsed once. README's
// Configuration table and .env.example name each of them
// (tests/config/settings-docs.test.ts checks).
const schema = z.object({
  ROOT_DOMAIN: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+(:\d{1,5})?$/, 'ROOT_DOMAIN must be a host name with an optional :port')
    .default('localhost:3000'),
  DATABASE_URL: z.string().url().optional(),
  /** At least 2: a job holds one connection for its lock (whileLocked) while its work takes others. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  EMBEDDED_DB_DIR: z.string().default('.data/postgres'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  REDIS_URL: z.string().url().optional(),
  /** How many proxies of ours (load balancer, nginx) stand before the app; their X-Forwarded-For entries name the client. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Per tenant; Entra needs 25 a second, a runaway client is stopped well above that. */
  SCIM_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).default(200),
  /** Sign-in with Microsoft: the app registration's client id and secret. */
  AUTH_MICROSOFT_ENTRA_ID_ID: z.string().min(1).optional(),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().min(1).optional(),
  /** The issuer of a directory's tokens, {tid} standing for the directory id; `organizations` in its place gives the sign-in authority. */
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: z
    .string()
    .regex(/^https?:\/\/[^/]+\/.*\{tid\}/, 'AUTH_MICROSOFT_ENTRA_ID_ISSUER must be a URL containing {tid}')
    .default('https://login.microsoftonline.com/{tid}/v2.0'),
  /** Encrypts the sign-in state cookies; 32+ random bytes. */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  /** Where Auth.js lives: the apex, e.g. https://theorgwiki.com/api/auth. Default: from ROOT_DOMAIN. */
  AUTH_URL: z.string().url().optional(),
  /** MSAL authority for the app's own Graph calls, {tid} standing for the directory id. */
  GRAPH_AUTHORITY: z
    .string()
    .regex(/^https:\/\/[^/]+\/.*\{tid\}/, 'GRAPH_AUTHORITY must be an https URL containing {tid}')
    .default('https://login.microsoftonline.com/{tid}'),
  GRAPH_URL: z.string().url().default('https://graph.microsoft.com'),
  /** The scope of the app's Graph token: Graph's resource id + /.default (national clouds have their own, e.g. https://graph.microsoft.us/.default). */
  GRAPH_SCOPE: z.string().url().default('https://graph.microsoft.com/.default'),
  /** Idle limit of a session on a tenant that SCIM does not keep up to date (no token used in the last day): someone disabled in Entra is out after this long. */
  SESSION_IDLE_MINUTES_WITHOUT_SCIM: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  /** Where photos are kept: in the database, as files under FILE_STORAGE_DIR, or in an S3-compatible bucket at S3_URL (lib/storage). */
  FILE_STORAGE: z.enum(['database', 'filesystem', 's3']).default('database'),
  FILE_STORAGE_DIR: z.string().default('.data/files'),
  /** The bucket's own address, path-style or virtual-hosted: http://minio:9000/photos, https://photos.s3.eu-west-1.amazonaws.com. */
  S3_URL: z
    .string()
    .url()
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** How often every person's photo is checked against Microsoft Graph again (an unchanged one costs a request, not a download). */
  PHOTO_REFRESH_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(24),
  /**
   * The SMTP server alerts are sent through, e.g. smtp://user:pass@smtp.example.com:587 (STARTTLS when the
   * server offers it) or smtps://…:465; unset, no email is sent and the Admin Console says alerts are off.
   */
  SMTP_URL: z
    .string()
    .url()
    .refine((url) => /^smtps?:$/.test(new URL(url).protocol), 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  /** The sender of alerts, e.g. "TheOrgWiki <alerts@theorgwiki.com>": an address the SMTP server lets the app send as. */
  MAIL_FROM: z.string().min(3).optional(),
  /** The least severe log lines written (JSON on stdout). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token of /api/metrics; unset, the endpoint does not exist. Long enough that guessing it is hopeless. */
  METRICS_TOKEN: z.string().min(32, 'METRICS_TOKEN must be at least 32 characters').optional(),
});

/** Settings that only make sense together, checked as the process starts rather than at the first upload. */
const checked = schema.superRefine((config, context) => {
  if (config.SMTP_URL && !config.MAIL_FROM)
    context.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'SMTP_URL needs MAIL_FROM, the address alerts are sent as' });
  if (config.FILE_STORAGE !== 's3') return;
  for (const key of ['S3_URL', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (!config[key]) context.addIssue({ code: 'custom', path: [key], message: `FILE_STORAGE=s3 needs ${key}` });
  }
});

export type Config = z.infer<typeof schema>;

/** The names of every setting above. */
export const CONFIG_KEYS = Object.keys(schema.shape) as (keyof Config)[];

// Parsed on each call (a handful of keys): the launcher sets DATABASE_URL after
// start-up when it runs the embedded database, and a cache would miss that.
export function getConfig(): Config {
  const parsed = checked.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** The URL of the running database. The launcher sets it when it starts the embedded one. */
export function requireDatabaseUrl(): string {
  const url = getConfig().DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm run demo` or `npm run dev`, which run an embedded database when no server is configured.',
    );
  }
  return url;
}
