import { memberForApi } from '@/lib/auth/guard';
import { privateJson } from '@/lib/http/private-json';
import { readBody } from '@/lib/http/read-body';
import { AppError } from '@/lib/errors';
import { MAX_FILE_BYTES } from '@/lib/wiki/files/file-kinds';
import { uploadWikiFile } from '@/lib/wiki/files/wiki-files';
import { z } from 'zod';

// POST /api/files?name=<file name>, the file as the body: an image or
// attachment pasted, dropped or chosen in the page editor. The proxy refuses
// it from any other origin, as every change.

const query = z.object({ name: z.string().trim().min(1, 'Name the file (?name=).').max(255, 'A file name is at most 255 characters.') });

export async function POST(request: Request, { params }: { params: Promise<{ subdomain: string }> }) {
  const member = await memberForApi((await params).subdomain);
  if (!member) return privateJson({ error: 'Sign in to upload files.' }, 401);
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return privateJson({ error: parsed.error.issues[0].message }, 400);
  const body = await readBody(request, MAX_FILE_BYTES);
  if (body === 'too_large') return privateJson({ error: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.` }, 413);
  try {
    return privateJson(await uploadWikiFile(member.tenant.id, member.user.id, parsed.data.name, body), 201);
  } catch (error) {
    if (error instanceof AppError) return privateJson({ error: error.message }, 400);
    throw error;
  }
}
