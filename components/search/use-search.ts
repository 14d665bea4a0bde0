'use client';

import { useEffect, useState } from 'react';
import type { SearchKind, SearchResults } from '@/lib/search/search-everything';

// The search API as the page's search boxes use it (GET /api/search; the
// session cookie says who asks): one request per pause in typing, the previous
// one abandoned, and the answer kept with the text it answers.

export type SearchState =
  | { state: 'idle' }
  /** `previous`: the last answer, for a list that should not flicker while the next one comes. */
  | { state: 'loading'; previous: SearchResults | null }
  | { state: 'done'; results: SearchResults }
  | { state: 'failed'; message: string };

export type PersonHit = SearchResults['people'][number];

export function useSearch(text: string | null, options: { kind?: SearchKind; limit: number; debounceMs?: number }): SearchState {
  const { kind, limit, debounceMs = 150 } = options;
  const query = text?.trim() || null;
  const [answer, setAnswer] = useState<{ query: string; result: SearchState } | null>(null);
  useEffect(() => {
    if (!query) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ q: query, limit: String(limit), ...(kind ? { kind } : {}) });
      try {
        const response = await fetch(`/api/search?${params}`, { signal: abort.signal, headers: { accept: 'application/json' } });
        if (!response.ok) {
          const message =
            response.status === 401 ? 'Your session has ended: sign in again to search.' : `Search is not answering (HTTP ${response.status}); try again.`;
          setAnswer({ query, result: { state: 'failed', message } });
          return;
        }
        setAnswer({ query, result: { state: 'done', results: (await response.json()) as SearchResults } });
      } catch (error) {
        if (!abort.signal.aborted) setAnswer({ query, result: { state: 'failed', message: `Search failed (${(error as Error).message}); try again.` } });
      }
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query, kind, limit, debounceMs]);
  if (!query) return { state: 'idle' };
  if (answer?.query === query) return answer.result;
  return { state: 'loading', previous: answer?.result.state === 'done' ? answer.result.results : null };
}
