import { ScimError } from './errors';
import { MAX_JSON_DEPTH, MAX_STRING_BYTES } from './limits';

// A request body's bytes as JSON, refusing before anything downstream sees
// them what the database or the runtime could not take: invalid UTF-8, deep
// nesting, NUL characters and unpaired surrogates (PostgreSQL text and jsonb
// hold neither, so storing them would fail as a 500), and strings too long to
// index. Keys that could reach Object.prototype through a merge are dropped.

/** Keys that could reach Object.prototype through a careless merge. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const invalidSyntax = (detail: string) => new ScimError(400, detail, 'invalidSyntax');

/** Where a string sits, for the admin reading Entra's provisioning log. */
function describeKey(key: string): string {
  return key === '' ? 'the body' : /^\d+$/.test(key) ? 'an element of a list' : `"${key.length > 60 ? `${key.slice(0, 60)}…` : key}"`;
}

function checkText(text: string, where: string): void {
  if (text.includes('\u0000')) {
    throw new ScimError(400, `The value of ${where} contains the NUL character (\\u0000), which cannot be stored.`, 'invalidValue');
  }
  if (UNPAIRED_SURROGATE.test(text)) throw invalidSyntax(`The value of ${where} contains an unpaired UTF-16 surrogate escape, which is not Unicode text.`);
  // Only a string longer than a third of the limit can be over it: UTF-8 takes at most 3 bytes per UTF-16 unit.
  if (text.length * 3 > MAX_STRING_BYTES && Buffer.byteLength(text, 'utf8') > MAX_STRING_BYTES) {
    throw new ScimError(400, `The value of ${where} is longer than ${MAX_STRING_BYTES} bytes.`, 'invalidValue');
  }
}

/** The deepest nesting of arrays and objects in JSON text, counted without parsing (so without recursion). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // the escaped character cannot end the string
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

export function parseJsonBody(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidSyntax('The body is not valid UTF-8.');
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw invalidSyntax(`The body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`);
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (PROTOTYPE_KEYS.has(key)) return undefined;
      checkText(key, 'a key');
      if (typeof value === 'string') checkText(value, describeKey(key));
      return value;
    });
  } catch (error) {
    if (error instanceof ScimError) throw error;
    throw invalidSyntax(`The body is not valid JSON: ${(error as Error).message}`);
  }
}
