import { ScimError } from './errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './limits';

// The query parameters of a SCIM list request (RFC 7644 §3.4.2).

export interface ListQuery {
  filter: string | null;
  startIndex: number;
  count: number;
  sortBy: string | null;
  sortOrder: 'ascending' | 'descending';
  attributes: string[];
  excludedAttributes: string[];
}

/** Far past any page there could be; keeps huge numbers exact when they reach SQL. */
const LARGEST = 1_000_000_000_000;

function integer(value: string | null, name: string, fallback: number): number {
  if (value === null || value === '') return fallback;
  if (!/^-?\d+$/.test(value.trim())) throw new ScimError(400, `${name} must be a whole number.`, 'invalidValue');
  return Math.max(-LARGEST, Math.min(LARGEST, Number(value)));
}

/** A value filter with its quoted strings, which may hold `]` and `,`. */
const VALUE_FILTER = /\[(?:[^\]"]|"(?:[^"\\]|\\.)*")*\]/g;

/**
 * The attribute names of `attributes` or `excludedAttributes`. RFC 7644
 * §3.4.2.5 names attributes there, never value filters; Microsoft's reference
 * collection sends `attributes=emails[type eq "work"]`, which is read as the
 * attribute it names (`emails`).
 */
function attributeList(value: string | null): string[] {
  return (value ?? '')
    .replace(VALUE_FILTER, '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

export function readListQuery(url: URL): ListQuery {
  const p = url.searchParams;
  const get = (name: string) => {
    for (const [key, value] of p) if (key.toLowerCase() === name.toLowerCase()) return value;
    return null;
  };
  const order = (get('sortOrder') ?? 'ascending').toLowerCase();
  if (order !== 'ascending' && order !== 'descending') throw new ScimError(400, 'sortOrder must be ascending or descending.', 'invalidValue');
  return {
    filter: get('filter')?.trim() || null,
    // RFC 7644 §3.4.2.4: startIndex below 1 means 1; a negative count means 0.
    startIndex: Math.max(1, integer(get('startIndex'), 'startIndex', 1)),
    count: Math.min(MAX_PAGE_SIZE, Math.max(0, integer(get('count'), 'count', DEFAULT_PAGE_SIZE))),
    sortBy: get('sortBy')?.trim() || null,
    sortOrder: order,
    attributes: attributeList(get('attributes')),
    excludedAttributes: attributeList(get('excludedAttributes')),
  };
}
