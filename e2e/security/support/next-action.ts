import { randomBytes } from 'node:crypto';

// A server action called over HTTP as Next's client router calls it: a POST
// to a page of the site with the action's id in the Next-Action header, an
// Origin of the same site (Next refuses others), and the arguments encoded
// as React's encodeReply encodes them. Plain arguments are a JSON array; a
// FormData argument makes the body multipart, its fields prefixed with the
// part number ("_1_title", React 19.3), the array in part "0" naming it as "$K1".

/** The arguments: plain values, or a form action's (previous state, FormData). */
export type ActionArgs = { values: unknown[] } | { form: Record<string, string> };

export interface EncodedRequest {
  headers: Record<string, string>;
  body: string;
}

export function encodeAction(id: string, origin: string, args: ActionArgs): EncodedRequest {
  const headers = { 'Next-Action': id, Origin: origin, Accept: 'text/x-component' };
  if ('values' in args) return { headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' }, body: JSON.stringify(args.values) };
  const boundary = `----matrix${randomBytes(8).toString('hex')}`;
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const fields = Object.entries(args.form).map(([name, value]) => part(`_1_${name}`, value));
  const body = [...fields, part('0', JSON.stringify([null, '$K1'])), `--${boundary}--\r\n`].join('');
  return { headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body };
}
