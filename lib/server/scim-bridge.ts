import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from '../log/log';
import { handleScimRequest } from '../scim/handle-request';
import type { ScimRequest } from '../scim/http';
import { MAX_BODY_BYTES } from '../scim/limits';

// Node's request to the SCIM handler's and its reply back. The body is read up
// to one byte past the SCIM limit, so that an oversize body costs no more
// memory than the limit and still gets its 413.

async function readBody(req: IncomingMessage): Promise<Uint8Array | null> {
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size > MAX_BODY_BYTES) continue; // drain the rest unread
    chunks.push(chunk);
    size += chunk.length;
  }
  return size === 0 ? null : Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1);
}

export async function serveScim(req: IncomingMessage, res: ServerResponse, rootDomain: string): Promise<void> {
  try {
    const request: ScimRequest = {
      method: req.method ?? 'GET',
      // The origin is a placeholder: the handler reads the host from the Host header.
      url: new URL(`http://scim.internal${req.url ?? '/'}`),
      header: (name) => {
        const value = req.headers[name];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
      body: await readBody(req),
      aborted: () => res.destroyed && !res.writableFinished,
    };
    const reply = await handleScimRequest(request, rootDomain);
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body ?? undefined);
  } catch (error) {
    // Only a broken connection gets here; handleScimRequest answers everything else.
    if (!res.headersSent && !res.destroyed) {
      res.statusCode = 400;
      res.end();
    }
    if (!res.destroyed) log.error({ err: error }, 'scim: could not serve the request');
  }
}
