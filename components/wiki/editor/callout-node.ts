import { Node, mergeAttributes } from '@tiptap/core';
import { CALLOUT_KINDS, calloutMarkdown, calloutStart, tokenizeCallout, type CalloutKind, type CalloutToken } from '@/lib/wiki/markdown/callout';

// A callout block (note, tip, warning…) in the editor. Its stored form is the
// GitHub alert syntax of lib/wiki/markdown/callout.ts, read with the same
// tokenizer as the page renderer uses.

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    callout: {
      /** Wraps the selected blocks in a callout of `kind`, or changes the kind of the callout around them. */
      setCallout: (kind: CalloutKind) => ReturnType;
    };
  }
}

const isKind = (value: unknown): value is CalloutKind => CALLOUT_KINDS.includes(value as CalloutKind);

export const Callout = Node.create({
  name: 'callout',
  group: 'block',
  content: 'block+',
  defining: true,

  addAttributes() {
    return {
      kind: {
        default: 'note' satisfies CalloutKind,
        parseHTML: (element) => {
          const kind = element.getAttribute('data-callout');
          return isKind(kind) ? kind : 'note';
        },
        renderHTML: (attributes) => ({ 'data-callout': attributes.kind, class: `callout callout-${attributes.kind}` }),
      },
    };
  },

  parseHTML: () => [{ tag: 'div[data-callout]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes), 0],

  addCommands() {
    return {
      setCallout:
        (kind) =>
        ({ commands, editor }) =>
          editor.isActive(this.name) ? commands.updateAttributes(this.name, { kind }) : commands.wrapIn(this.name, { kind }),
    };
  },

  addKeyboardShortcuts() {
    return {
      // Enter on an empty last line of a callout leaves it, as in a list.
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.depth < 2 || $from.parent.content.size > 0) return false;
        const around = $from.node(-1);
        if (around.type.name !== this.name || $from.index(-1) !== around.childCount - 1 || around.childCount < 2) return false;
        return editor.commands.lift('paragraph');
      },
    };
  },

  markdownTokenizer: {
    name: 'callout',
    level: 'block',
    start: calloutStart,
    tokenize: (src, _tokens, lexer) => tokenizeCallout(src, lexer.blockTokens),
  },
  parseMarkdown: (token, helpers) => {
    const { kind, tokens } = token as unknown as CalloutToken<Parameters<typeof helpers.parseChildren>[0][number]>;
    return { type: 'callout', attrs: { kind }, content: helpers.parseChildren(tokens) };
  },
  renderMarkdown: (node, helpers) => calloutMarkdown(isKind(node.attrs?.kind) ? node.attrs.kind : 'note', helpers.renderChildren(node.content ?? [], '\n\n')),
});
