// Callouts are GitHub's "alert" blockquotes, so a page stays readable as plain
// markdown and renders the same on GitHub:
//
//   > [!WARNING]
//   > Do not restart the database during business hours.
//
// One tokenizer serves both readers of the stored form: marked, which renders
// pages (render-markdown.ts), and the editor's markdown parser (TipTap's, also
// marked underneath). See https://docs.github.com/en/get-started/writing-on-github/getting-started-with-writing-and-formatting-on-github/basic-writing-and-formatting-syntax#alerts

export const CALLOUT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export const CALLOUT_TITLES: Record<CalloutKind, string> = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
};

/** The marker line, then every following line that is part of the quote. */
const CALLOUT = /^ {0,3}> ?\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)((?: {0,3}>.*(?:\n|$))*)/i;

export interface CalloutToken<T = unknown> {
  type: 'callout';
  raw: string;
  kind: CalloutKind;
  /** The quote's text without its "> " prefixes. */
  text: string;
  tokens: T[];
}

/** Where a callout could start in `src` (a hint for the lexer), or -1. */
export const calloutStart = (src: string): number => src.match(/^ {0,3}> ?\[!/m)?.index ?? -1;

/** A callout at the start of `src`, with its body lexed as blocks by `blockTokens`. */
export function tokenizeCallout<T>(src: string, blockTokens: (text: string) => T[]): CalloutToken<T> | undefined {
  const match = CALLOUT.exec(src);
  if (!match) return undefined;
  const text = match[2]
    .split('\n')
    .map((line) => line.replace(/^ {0,3}> ?/, ''))
    .join('\n')
    .trimEnd();
  return { type: 'callout', raw: match[0], kind: match[1].toLowerCase() as CalloutKind, text, tokens: blockTokens(text) };
}

/** The stored form of a callout whose body is already markdown. */
export function calloutMarkdown(kind: CalloutKind, body: string): string {
  const lines = body.trimEnd().split('\n');
  return [`> [!${kind.toUpperCase()}]`, ...lines.map((line) => (line ? `> ${line}` : '>'))].join('\n');
}
