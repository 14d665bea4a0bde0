// A request body read up to `limit` bytes: a larger one is stopped as soon as
// it passes the limit (the rest is never buffered), and its Content-Length
// refused before a byte is read.

export async function readBody(request: Request, limit: number): Promise<Buffer | 'too_large'> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return 'too_large';
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
