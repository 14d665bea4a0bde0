import { createHash } from 'node:crypto';
import type http from 'node:http';
import sharp from 'sharp';
import { send } from './oauth-http';

// The part of Microsoft Graph the app calls, as strict as Graph itself:
// - a token for https://graph.microsoft.com with the application permission
//   the call needs in `roles`, else 401 or 403 (Authorization_RequestDenied);
// - GET /v1.0/organization (Organization.Read.All);
// - a user's photo (User.Read.All): /users/{id | userPrincipalName}/photo
//   (metadata with @odata.mediaEtag), /photo/$value, and /photos/{size}/$value
//   for Graph's sizes, 404 for a size larger than the photo
//   (https://learn.microsoft.com/graph/api/profilephoto-get);
//   404 ImageNotFound for someone without a photo or a mailbox, 404
//   Request_ResourceNotFound for no such user;
// - throttling: over `perSecond` requests a second per directory, 429 with
//   Retry-After in seconds (https://learn.microsoft.com/graph/throttling).
// Photos are portraits drawn from the person's user name, so the demo shows
// faces: most people have one; some a smaller one; some none.

export const ORGANIZATION_READ = 'Organization.Read.All';
export const USER_READ = 'User.Read.All';
const GRAPH_SIZES = ['48x48', '64x64', '96x96', '120x120', '240x240', '360x360', '432x432', '504x504', '648x648'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface GraphPerson {
  userName: string;
  name: string;
  hasMailbox: boolean;
}

export interface GraphOptions {
  /** The directory's display name, or undefined when the provider has no such directory. */
  directoryName(tid: string): Promise<string | undefined>;
  /** A person of the directory by object id or user principal name. */
  findPerson(tid: string, id: string): Promise<GraphPerson | null>;
  /** Requests a second per directory before 429s. */
  perSecond: number;
}

export interface GraphStandIn {
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL, claims: Record<string, unknown> | null): Promise<boolean>;
  /** Gives the person a new photo (a new ETag), as someone changing theirs in Microsoft 365. */
  changePhoto(userName: string): void;
  /** Requests Graph answered for a directory, and how many of them were 429s. */
  requests(tid: string): { answered: number; throttled: number };
}

const hashOf = (text: string) => createHash('sha256').update(text).digest();

/** Which photo a person has: none for about one in eight, a 240 px one for one in six, else 360 px. */
function photoSide(userName: string): number | null {
  const byte = hashOf(`side:${userName.toLowerCase()}`)[0];
  if (byte < 32) return null;
  return byte < 75 ? 240 : 360;
}

function portraitSvg(userName: string, version: number, side: number): Buffer {
  const h = hashOf(`${userName.toLowerCase()}:${version}`);
  const hue = (h[0] * 360) / 256;
  const skin = ['#f1c7a5', '#e0ac84', '#c68b63', '#8d5a3b', '#5c3a24'][h[1] % 5];
  const hair = ['#2b1d14', '#5a3825', '#a0703c', '#d8b26a', '#7a7a7a', '#111'][h[2] % 6];
  const shirt = `hsl(${(hue + 180) % 360},45%,38%)`;
  const long = h[3] % 2 === 0;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox="0 0 360 360">
  <rect width="360" height="360" fill="hsl(${hue},40%,82%)"/>
  ${long ? `<rect x="98" y="110" width="164" height="170" rx="60" fill="${hair}"/>` : ''}
  <ellipse cx="180" cy="350" rx="140" ry="105" fill="${shirt}"/>
  <rect x="158" y="210" width="44" height="50" fill="${skin}"/>
  <ellipse cx="180" cy="160" rx="66" ry="78" fill="${skin}"/>
  <path d="M112 150 Q114 76 180 74 Q246 76 248 150 Q230 108 180 106 Q130 108 112 150Z" fill="${hair}"/>
  <circle cx="156" cy="162" r="6" fill="#222"/><circle cx="204" cy="162" r="6" fill="#222"/>
  <path d="M160 200 Q180 ${212 + (h[4] % 8)} 200 200" stroke="#7a3b2e" stroke-width="5" fill="none" stroke-linecap="round"/>
</svg>`);
}

const graphError = (res: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  send(res, status, { error: { code, message } }, headers);

export function graphStandIn(options: GraphOptions): GraphStandIn {
  const versions = new Map<string, number>();
  const counts = new Map<string, { answered: number; throttled: number }>();
  const windows = new Map<string, { second: number; used: number }>();
  const versionOf = (userName: string) => versions.get(userName.toLowerCase()) ?? 0;

  /** Whether this request of the directory is over its budget for the current second. */
  function throttled(tid: string): boolean {
    const second = Math.floor(Date.now() / 1000);
    const window = windows.get(tid);
    if (!window || window.second !== second) windows.set(tid, { second, used: 1 });
    else if (++window.used > options.perSecond) return true;
    return false;
  }

  async function photo(res: http.ServerResponse, tid: string, id: string, what: string): Promise<void> {
    const person = await options.findPerson(tid, id);
    if (!person)
      return graphError(
        res,
        404,
        'Request_ResourceNotFound',
        `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
      );
    const side = person.hasMailbox ? photoSide(person.userName) : null;
    if (side === null)
      return graphError(res, 404, 'ImageNotFound', "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.");
    const version = versionOf(person.userName);
    const etag = `"${hashOf(`${person.userName.toLowerCase()}:${version}:etag`).toString('hex').slice(0, 8).toUpperCase()}"`;
    if (what === 'photo') {
      return send(res, 200, {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${id}')/photo/$entity`,
        '@odata.mediaContentType': 'image/jpeg',
        '@odata.mediaEtag': etag,
        id: `${side}X${side}`,
        height: side,
        width: side,
      });
    }
    let size = side;
    if (what !== 'photo/$value') {
      const [, asked] = /^photos\/([^/]+)\/\$value$/.exec(what) ?? [];
      if (!asked || !GRAPH_SIZES.includes(asked)) return graphError(res, 404, 'ImageNotFound', `The photo size ${asked} is not available.`);
      size = Number(asked.split('x')[0]);
      if (size > side)
        return graphError(res, 404, 'ImageNotFound', "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.");
    }
    const jpeg = await sharp(portraitSvg(person.userName, version, size))
      .jpeg({ quality: 85 })
      .toBuffer();
    res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': String(jpeg.length), ETag: etag, 'Cache-Control': 'private' });
    res.end(jpeg);
  }

  return {
    async handle(req, res, url, claims) {
      if (!url.pathname.startsWith('/v1.0/')) return false;
      if (!claims || typeof claims.tid !== 'string' || claims.aud !== 'https://graph.microsoft.com') {
        graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
        return true;
      }
      const tid = claims.tid;
      const count = counts.get(tid) ?? { answered: 0, throttled: 0 };
      counts.set(tid, count);
      count.answered++;
      if (throttled(tid)) {
        count.throttled++;
        graphError(res, 429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': '1' });
        return true;
      }
      const roles = Array.isArray(claims.roles) ? claims.roles : [];
      const denied = () => graphError(res, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
      if (req.method !== 'GET') {
        graphError(res, 405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
        return true;
      }
      if (url.pathname === '/v1.0/organization') {
        if (!roles.includes(ORGANIZATION_READ)) {
          denied();
          return true;
        }
        const name = await options.directoryName(tid);
        send(res, 200, { value: name ? [{ id: tid, displayName: name }] : [] });
        return true;
      }
      const match = /^\/v1\.0\/users\/([^/]+)\/(photo|photo\/\$value|photos\/[^/]+\/\$value)$/.exec(url.pathname);
      if (!match) {
        graphError(res, 400, 'BadRequest', `Resource not found for the segment '${url.pathname.split('/').pop()}'.`);
        return true;
      }
      if (!roles.includes(USER_READ)) {
        denied();
        return true;
      }
      const id = decodeURIComponent(match[1]);
      await photo(res, tid, GUID.test(id) ? id.toLowerCase() : id, match[2]);
      return true;
    },
    changePhoto(userName) {
      versions.set(userName.toLowerCase(), versionOf(userName) + 1);
    },
    requests: (tid) => ({ ...(counts.get(tid) ?? { answered: 0, throttled: 0 }) }),
  };
}
