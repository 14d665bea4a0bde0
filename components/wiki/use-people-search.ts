'use client';

import { useEffect, useState } from 'react';

// People for the editor's @-picker, from the tenant's search API
// (GET /api/search?kind=people; the session cookie says who asks).

export interface PersonHit {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
}

export type PeopleSearch = { state: 'idle' } | { state: 'loading' } | { state: 'done'; people: PersonHit[] } | { state: 'failed'; message: string };

const LIMIT = 8;
/** Wait for a pause in typing, so that a name typed quickly is one request, not one per letter. */
const DEBOUNCE_MS = 150;

export function usePeopleSearch(query: string | null): PeopleSearch {
  const [answer, setAnswer] = useState<{ query: string; result: PeopleSearch } | null>(null);
  useEffect(() => {
    if (!query) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(query)}&kind=people&limit=${LIMIT}`, { signal: abort.signal, headers: { accept: 'application/json' } });
        if (!response.ok) {
          setAnswer({ query, result: { state: 'failed', message: response.status === 401 ? 'Your session has ended: sign in again to search people.' : `People search is unavailable (HTTP ${response.status}). You can still type a link such as [@Name](/people/name@company.com).` } });
          return;
        }
        const body = (await response.json()) as { people?: PersonHit[] };
        setAnswer({ query, result: { state: 'done', people: body.people ?? [] } });
      } catch (error) {
        if (!abort.signal.aborted) setAnswer({ query, result: { state: 'failed', message: `People search failed (${(error as Error).message}).` } });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);
  if (!query) return { state: 'idle' };
  return answer?.query === query ? answer.result : { state: 'loading' };
}
