import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { memberForApi } from '@/lib/auth/guard';
import { privateJson } from '@/lib/http/private-json';
import { SEARCH_KINDS, searchEverything } from '@/lib/search/search-everything';

// GET /api/search?q=ada&kind=people&limit=8: the search box's suggestions, grouped by kind.

const query = z.object({
  q: z.string().max(200, 'q is at most 200 characters.').default(''),
  kind: z.enum(SEARCH_KINDS, { message: `kind is one of ${SEARCH_KINDS.join(', ')}.` }).optional(),
  limit: z.coerce.number().int('limit is a whole number.').min(1, 'limit is 1 to 20.').max(20, 'limit is 1 to 20.').default(5),
});

export async function GET(request: NextRequest, { params }: { params: Promise<{ subdomain: string }> }) {
  const member = await memberForApi((await params).subdomain);
  if (!member) return privateJson({ error: 'Sign in to search.' }, 401);
  const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return privateJson({ error: parsed.error.issues[0].message }, 400);
  const { q, kind, limit } = parsed.data;
  const results = await searchEverything(member.tenant.id, q, { kinds: kind ? [kind] : undefined, limit });
  return privateJson(results);
}
