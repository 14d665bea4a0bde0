import { parse, type Filter } from 'scim2-parse-filter';
import { MAX_FILTER_COMPARISONS, MAX_FILTER_DEPTH, MAX_FILTER_LENGTH } from '../limits';
import { PROTOTYPE_KEYS } from '../parse-json-body';
import { invalidFilter, quote } from './filter-values';

// RFC 7644 §3.4.2.2 filters, parsed by scim2-parse-filter after two rewrites
// that make Entra's real traffic parse as Entra means it (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups).

const COMPARISON_OPERATORS = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const JSON_LITERAL = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?)$/;

export function parseScimFilter(input: string): Filter {
  if (input.length > MAX_FILTER_LENGTH) {
    throw invalidFilter(`The filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  }
  const tokens = scan(input);
  if (!tokens) throw invalidFilter('The filter has an unterminated string.');
  if (maxBracketDepth(tokens) > MAX_FILTER_DEPTH) {
    throw invalidFilter(`The filter nests deeper than ${MAX_FILTER_DEPTH} levels.`);
  }
  const source = foldValuePathSubAttributes(input, tokens);
  let parsed = parseWithStrings(source);
  if (parsed instanceof Error) {
    // Entra sends `externalId eq jyoung`; only when the filter is otherwise
    // unparseable, so that a valid filter never changes meaning.
    const quoted = quoteBareValues(source);
    const retried = quoted !== source ? parseWithStrings(quoted) : parsed;
    if (retried instanceof Error) throw invalidFilter(`The filter could not be parsed: ${describe(parsed)}`);
    parsed = retried;
  }
  checkShapeAndRestoreStrings(parsed.filter, parsed.strings);
  return parsed.filter;
}

/**
 * Parses with each string value replaced by its index. RFC 7644 §3.4.2.2
 * values are JSON strings, but the library keeps escapes other than \"
 * literally and rejects a string ending in an escaped backslash, so we decode
 * them ourselves and let the library see only `"0"`, `"1"`, ...
 */
function parseWithStrings(source: string): { filter: Filter; strings: string[] } | Error {
  const strings: string[] = [];
  let text = '';
  let copied = 0;
  for (const token of scan(source) ?? []) {
    if (token.kind !== 'quoted') continue;
    text += `${source.slice(copied, token.start)}"${strings.push(decodeJsonString(token.text)) - 1}"`;
    copied = token.end;
  }
  try {
    return { filter: parse(text + source.slice(copied)), strings };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function decodeJsonString(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw invalidFilter(`The filter value ${literal.length > 60 ? `${literal.slice(0, 60)}…` : literal} is not a valid JSON string.`);
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

type TokenKind = 'quoted' | 'open' | 'close' | '[' | ']' | 'word';
interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
}

const TOKEN = /\s+|"(?:[^"\\]|\\.)*"|[()[\]]|[^\s()[\]"]+/y;
const BRACKET_KINDS: Record<string, TokenKind> = { '(': 'open', ')': 'close', '[': '[', ']': ']' };

/** A lexer just good enough to rewrite; undefined (an unterminated string) leaves the verdict to the parser. */
function scan(input: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < input.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(input);
    if (!match) return undefined;
    const text = match[0];
    if (/^\s/.test(text)) continue;
    const kind: TokenKind = text.startsWith('"') ? 'quoted' : (BRACKET_KINDS[text] ?? 'word');
    tokens.push({ kind, start, end: start + text.length, text });
  }
  return tokens;
}

function maxBracketDepth(tokens: Token[]): number {
  let depth = 0;
  let max = 0;
  for (const token of tokens) {
    if (token.kind === 'open' || token.kind === '[') max = Math.max(max, ++depth);
    if (token.kind === 'close' || token.kind === ']') depth--;
  }
  return max;
}

/**
 * `emails[type eq "work"].value eq "x"` → `emails[(type eq "work") and value eq "x"]`.
 * The library reads the first form as two independent conditions on the user
 * (some work email exists, some email is x), which matches the wrong people.
 */
function foldValuePathSubAttributes(input: string, tokens: Token[]): string {
  let output = '';
  let copied = 0;
  for (let i = 0; i < tokens.length; i++) {
    const attr = tokens[i];
    const open = tokens[i + 1];
    if (attr.kind !== 'word' || open?.kind !== '[' || open.start !== attr.end) continue;
    const close = tokens.findIndex((t, k) => k > i + 1 && (t.kind === ']' || t.kind === '['));
    if (close < 0 || tokens[close].kind !== ']') continue;
    const sub = tokens[close + 1];
    if (sub?.kind !== 'word' || sub.start !== tokens[close].end || !/^\.[A-Za-z][\w$-]*$/.test(sub.text)) continue;
    const operator = tokens[close + 2];
    const op = operator?.kind === 'word' ? operator.text.toLowerCase() : '';
    const value = tokens[close + 3];
    let last: Token;
    if (op === 'pr') last = operator;
    else if (COMPARISON_OPERATORS.has(op) && (value?.kind === 'word' || value?.kind === 'quoted')) last = value;
    else continue;
    const inner = input.slice(open.end, tokens[close].start);
    const tail = input.slice(operator.start, last.end);
    output += `${input.slice(copied, attr.start)}${attr.text}[(${inner}) and ${sub.text.slice(1)} ${tail}]`;
    copied = last.end;
    i = tokens.indexOf(last);
  }
  return output + input.slice(copied);
}

/** Quotes a bare word after a comparison operator, unless it is a JSON literal (true, false, null, a number). */
function quoteBareValues(input: string): string {
  const tokens = scan(input) ?? [];
  let output = '';
  let copied = 0;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [attr, operator, value] = [tokens[i - 1], tokens[i], tokens[i + 1]];
    if (attr.kind !== 'word' || operator.kind !== 'word' || value.kind !== 'word') continue;
    if (!COMPARISON_OPERATORS.has(operator.text.toLowerCase()) || JSON_LITERAL.test(value.text)) continue;
    output += `${input.slice(copied, value.start)}${JSON.stringify(value.text)}`;
    copied = value.end;
  }
  return output + input.slice(copied);
}

/**
 * Refuses filters too deep or too large to compile (iteratively, so a hostile
 * AST cannot exhaust the stack here) and puts the string values back.
 */
function checkShapeAndRestoreStrings(root: Filter, strings: string[]): void {
  let comparisons = 0;
  const stack: Array<{ node: Filter; depth: number }> = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_FILTER_DEPTH) throw invalidFilter(`The filter nests deeper than ${MAX_FILTER_DEPTH} levels.`);
    // A PATCH creates the element its filter names (`emails[x eq "v"]` adds {x: "v"}): no name may reach a prototype.
    if ('attrPath' in node && node.attrPath.split(/[.:]/).some((part) => PROTOTYPE_KEYS.has(part))) {
      throw invalidFilter(`Unknown attribute ${quote(node.attrPath)} in filter.`);
    }
    switch (node.op) {
      case 'and':
      case 'or':
        for (const child of node.filters) stack.push({ node: child, depth: depth + 1 });
        break;
      case 'not':
        stack.push({ node: node.filter, depth: depth + 1 });
        break;
      case '[]':
        stack.push({ node: node.valFilter, depth: depth + 1 });
        break;
      default:
        if (node.op !== 'pr' && typeof node.compValue === 'string') node.compValue = strings[Number(node.compValue)];
        if (++comparisons > MAX_FILTER_COMPARISONS) {
          throw invalidFilter(`The filter has more than ${MAX_FILTER_COMPARISONS} comparisons.`);
        }
    }
  }
}
