'use client';

import type { Editor } from '@tiptap/core';
import FileHandler from '@tiptap/extension-file-handler';
import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Button } from '@/components/ui/button';
import { sanitizePasted } from '@/lib/wiki/sanitize';
import { PROSE } from '../markdown-view';
import { documentExtensions } from './document-extensions';
import { editorSources } from './sources';
import { optionId, SuggestionMenu } from './suggestion-menu';
import type { MenuView } from './suggestions';
import { Toolbar } from './toolbar';
import { insertUploaded, uploadFile } from './uploads';

// The page's text as people write it: ProseMirror through TipTap, reading and
// writing markdown (the stored form). Pasted HTML goes through the wiki's
// allow-list before ProseMirror reads it, so Word's and Docs' styling never
// reaches the page. The parent reads the markdown when it needs it (on save),
// not on every keystroke, so a long page stays quick to type in.

export interface RichTextHandle {
  markdown: () => string;
  setMarkdown: (markdown: string) => void;
  focus: () => void;
}

interface Props {
  initial: string;
  describedBy?: string;
  handle: Ref<RichTextHandle>;
  /** More toolbar buttons (the switch to markdown). */
  toolbarExtra?: React.ReactNode;
}

export function RichTextEditor({ initial, describedBy, handle, toolbarExtra }: Props) {
  const [menu, setMenu] = useState<MenuView | null>(null);
  const listId = useId();
  const [sources] = useState(() => editorSources({ show: setMenu }));
  // What the uploads are doing, in words, for everyone (a live region).
  const [uploadStatus, setUploadStatus] = useState('');
  const picker = useRef<HTMLInputElement>(null);

  const upload = async (target: Editor, files: File[], at?: number) => {
    for (const file of files) {
      setUploadStatus(`Uploading ${file.name || 'the pasted file'}…`);
      try {
        insertUploaded(target, await uploadFile(file), at);
        setUploadStatus(`Added ${file.name || 'the pasted file'}.`);
      } catch (error) {
        setUploadStatus(`Could not add ${file.name || 'the pasted file'}: ${(error as Error).message}`);
      }
    }
  };

  const editor = useEditor({
    extensions: [
      ...documentExtensions,
      ...sources,
      FileHandler.configure({
        // Word and Excel put a picture of the copied text beside its HTML: the text is what was meant.
        onPaste: (target, files, html) => {
          if (!html) void upload(target, files);
        },
        onDrop: (target, files, at) => void upload(target, files, at),
      }),
      Placeholder.configure({ placeholder: 'Write here. Type / for blocks, @ to mention someone, [[ to link a page.' }),
    ],
    content: initial,
    contentType: 'markdown',
    // Rendered in the browser only: the server has no DOM to build it with.
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: 'body',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Text',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        class: `${PROSE} min-h-64 px-3 py-3 outline-none`,
      },
      transformPastedHTML: sanitizePasted,
    },
  });

  useImperativeHandle(
    handle,
    () => ({
      markdown: () => editor?.getMarkdown() ?? initial,
      setMarkdown: (markdown) => editor?.commands.setContent(markdown, { contentType: 'markdown' }),
      focus: () => editor?.commands.focus(),
    }),
    [editor, initial],
  );

  // The highlighted suggestion, for screen readers (focus stays in the text).
  useEffect(() => {
    const dom = editor?.view.dom;
    if (!dom) return;
    dom.setAttribute('aria-autocomplete', 'list');
    if (menu && menu.items.length > 0) {
      dom.setAttribute('aria-controls', listId);
      dom.setAttribute('aria-activedescendant', optionId(listId, menu.active));
    } else {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    }
  }, [editor, menu, listId]);

  return (
    <div className="rounded-md border border-slate-300 bg-white focus-within:border-indigo-500">
      {editor ? (
        <>
          <Toolbar
            editor={editor}
            extra={
              <>
                <Button variant="ghost" size="xs" onClick={() => picker.current?.click()}>
                  Image or file
                </Button>
                <input
                  ref={picker}
                  type="file"
                  multiple
                  hidden
                  aria-label="Add an image or file"
                  onChange={(event) => {
                    const files = [...(event.currentTarget.files ?? [])];
                    event.currentTarget.value = '';
                    void upload(editor, files);
                  }}
                />
                {toolbarExtra}
              </>
            }
          />
          <EditorContent editor={editor} />
          <p role="status" className={uploadStatus ? 'border-t border-slate-100 px-3 py-1 text-sm text-slate-700' : 'sr-only'}>
            {uploadStatus}
          </p>
          {menu ? <SuggestionMenu view={menu} listId={listId} /> : null}
        </>
      ) : (
        <p className="min-h-64 px-3 py-3 text-slate-600">Loading the editor…</p>
      )}
    </div>
  );
}
