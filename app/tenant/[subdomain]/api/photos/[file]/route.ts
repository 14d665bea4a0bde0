import { memberForApi } from '@/lib/auth/guard';
import { readPhotoFile } from '@/lib/photos/read-photo';

// A person's photo, to members of the same tenant only. The name is the
// content address, so the answer never changes: browsers keep it a year.

export async function GET(_request: Request, { params }: { params: Promise<{ subdomain: string; file: string }> }) {
  const { subdomain, file } = await params;
  const member = await memberForApi(subdomain);
  if (!member) return new Response('Sign in to see photos.', { status: 401, headers: { 'Cache-Control': 'no-store' } });
  const photo = await readPhotoFile(member.tenant.id, file);
  if (!photo) return new Response('No such photo.', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      'Content-Type': photo.contentType,
      'Content-Length': String(photo.bytes.length),
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  });
}
