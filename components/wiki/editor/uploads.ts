import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import type { UploadedFile } from '@/lib/wiki/files/wiki-files';

// Images and attachments into the page: each file goes to POST /api/files,
// which checks and stores it, and what it answers goes where the file was
// pasted, dropped or chosen: an image, or a link to download the attachment.

export async function uploadFile(file: File): Promise<UploadedFile> {
  const response = await fetch(`/api/files?${new URLSearchParams({ name: file.name || 'pasted' })}`, {
    method: 'POST',
    body: file,
    headers: { 'content-type': 'application/octet-stream' },
  });
  const answer = (await response.json().catch(() => ({}))) as Partial<UploadedFile> & { error?: string };
  if (!response.ok || !answer.url) throw new Error(answer.error ?? `The upload failed (HTTP ${response.status}).`);
  return answer as UploadedFile;
}

export function insertUploaded(editor: Editor, file: UploadedFile, at?: number): void {
  const content =
    file.kind === 'image'
      ? { type: 'image', attrs: { src: file.url, alt: file.name.replace(/\.webp$/, '') } }
      : [
          { type: 'text', text: `📎 ${file.name}`, marks: [{ type: 'link', attrs: { href: file.url } }] },
          { type: 'text', text: ' ' },
        ];
  // After an image the image itself is selected: the next file goes after it, not in its place.
  const { selection } = editor.state;
  const where = at ?? (selection instanceof NodeSelection ? selection.to : undefined);
  const chain = editor.chain().focus();
  (where === undefined ? chain.insertContent(content) : chain.insertContentAt(where, content)).run();
}
