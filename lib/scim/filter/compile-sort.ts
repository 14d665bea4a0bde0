import { ScimError } from '../errors';
import { elementOperand, jsonArray, resolveAttribute, type Operand, type ScimResource } from './attributes';
import { quote } from './filter-values';

// RFC 7644 §3.4.2.3 sortBy/sortOrder as an ORDER BY key over the row alias r.
// The RFC lets a server ignore a sortBy it cannot honour; we answer 400
// invalidValue instead, so a client's typo is not silently served unsorted.

export function compileSortBy(attribute: string, order: 'ascending' | 'descending', resource: ScimResource): { sql: string } {
  const refuse = (why: string) => new ScimError(400, `Cannot sort by ${quote(attribute)}: ${why}.`, 'invalidValue');
  const resolved = resolveAttribute(attribute, resource);
  if (!resolved) throw refuse('no such attribute');
  const { attribute: target, sub } = resolved;
  let operand: Operand;
  if (target.kind === 'scalar') {
    operand = target;
  } else if (target.kind === 'multi') {
    // RFC 7644 §3.4.2.3: a multi-valued attribute sorts by its primary value, else (our choice) its first.
    const name = sub ?? 'value';
    if (!target.subs[name]) throw refuse('name one of its sub-attributes');
    const value = elementOperand(target, name, 'x.e');
    operand = {
      ...value,
      sql:
        `(SELECT ${value.sql} FROM jsonb_array_elements(${jsonArray(target)}) WITH ORDINALITY AS x(e, i) ` +
        `ORDER BY COALESCE(lower(x.e->>'primary') = 'true', false) DESC, x.i LIMIT 1)`,
    };
  } else {
    throw refuse('group members are not sortable');
  }
  // RFC 7644 §3.4.2.3: missing values sort last ascending and first descending (PostgreSQL's default, stated anyway).
  const direction = order === 'descending' ? 'DESC NULLS FIRST' : 'ASC NULLS LAST';
  return { sql: `${sortKey(operand)} ${direction}` };
}

function sortKey({ sql, type, caseExact }: Operand): string {
  if (type === 'text' || type === 'citext') return caseExact ? `${sql}::text COLLATE "C"` : `lower(${sql}::text) COLLATE "C"`;
  return sql;
}
