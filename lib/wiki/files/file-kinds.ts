import { AppError } from '../../errors';

// What a page may carry besides text. Images are decoded and re-encoded by us
// (images.ts); everything else is an attachment of a kind we recognise by its
// bytes, not by its name or the browser's Content-Type, and is only ever
// downloaded (read-file.ts sets Content-Disposition: attachment).

/** Both kinds: what one request may carry (Next's proxy buffers at most 10 MB of a body). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface AttachmentType {
  contentType: string;
  extension: string;
}

const refuse = (message: string): never => {
  throw new AppError('invalid_input', message);
};

const startsWith = (bytes: Buffer, magic: string) => bytes.subarray(0, magic.length).toString('latin1') === magic;

const OFFICE: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const TEXT: Record<string, string> = { txt: 'text/plain', csv: 'text/csv', md: 'text/markdown' };

const ATTACHMENT_NAMES = 'PDF, Word, Excel, PowerPoint, ZIP, text, CSV or Markdown';

/** Text we accept: UTF-8 without NUL bytes or other binary control characters. */
function isPlainText(bytes: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !/[\u0000-\u0008\u000e-\u001f]/.test(text);
  } catch {
    return false;
  }
}

/** The attachment's type from its bytes and, where the bytes are a container (ZIP) or text, its name's extension. */
export function attachmentType(bytes: Buffer, name: string): AttachmentType {
  const extension = name.toLowerCase().match(/\.([a-z0-9]{1,8})$/)?.[1] ?? '';
  if (startsWith(bytes, '%PDF-')) return { contentType: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    if (OFFICE[extension]) return { contentType: OFFICE[extension], extension };
    return { contentType: 'application/zip', extension: 'zip' };
  }
  if (TEXT[extension] && isPlainText(bytes)) return { contentType: `${TEXT[extension]}; charset=utf-8`, extension };
  return refuse(`This kind of file cannot be attached. Attach a ${ATTACHMENT_NAMES} file, or an image.`);
}

/** A file name fit for a URL path and a download: no folders, no control or reserved characters, at most 100 characters. */
export function cleanFileName(name: string, extension: string): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()!
      .replace(/\.[^.]*$/, '')
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
      .replace(/\s+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 90) || 'file';
  return `${base}.${extension}`;
}

export function checkSize(bytes: Buffer): void {
  if (bytes.length === 0) refuse('The file is empty.');
  if (bytes.length > MAX_FILE_BYTES) refuse(`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
}
