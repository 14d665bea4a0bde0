import { memberForApi } from '@/lib/auth/guard';
import { readWikiFile } from '@/lib/wiki/files/wiki-files';

// An image or attachment of a wiki page, to members of its tenant only. Never
// active content: the type is ours (re-encoded WebP, or the type its bytes
// were recognised as), nosniff, and attachments download rather than open;
// the proxy gives every /api/ answer a sandboxing CSP (lib/security/headers.ts).
// The id never names other bytes: browsers keep it a year.

const NOT_STORED = { 'Cache-Control': 'no-store' };

export async function GET(_request: Request, { params }: { params: Promise<{ subdomain: string; id: string; name: string }> }) {
  const { subdomain, id } = await params;
  const member = await memberForApi(subdomain);
  if (!member) return new Response('Sign in to see this file.', { status: 401, headers: NOT_STORED });
  const file = await readWikiFile(member.tenant.id, id);
  if (!file) return new Response('No such file.', { status: 404, headers: NOT_STORED });
  const disposition = file.kind === 'image' ? 'inline' : 'attachment';
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.length),
      // RFC 6266: the name as UTF-8, and an ASCII fallback for old clients.
      'Content-Disposition': `${disposition}; filename="${file.name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  });
}
