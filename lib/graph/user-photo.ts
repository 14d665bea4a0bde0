import { graphGet, type GraphGetOptions } from './graph-client';

// A person's photo from Microsoft Graph (application permission User.Read.All):
// https://learn.microsoft.com/graph/api/profilephoto-get
// The metadata call answers the photo's ETag, so an unchanged photo costs one
// small request and no download.

export type GraphPhoto =
  | { kind: 'photo'; etag: string; bytes: Buffer }
  | { kind: 'unchanged' }
  /** No photo (ImageNotFound), or no such person in the directory, or no mailbox to hold one. */
  | { kind: 'none' }
  /** The directory has not consented to User.Read.All (403). */
  | { kind: 'not_permitted' }
  /** The app has no credentials configured. */
  | { kind: 'not_configured' };

/** The size asked for: the largest rendition (256 px) from it is a slight downscale. Graph's sizes: 48 to 648. */
const GRAPH_SIZE = '360x360';

class GraphPhotoError extends Error {
  constructor(status: number, what: string) {
    super(`Microsoft Graph answered ${status} for ${what}`);
    this.name = 'GraphPhotoError';
  }
}

/**
 * The photo of the person known to Graph by `id` (object id or user principal
 * name), unless its ETag is still `knownEtag`.
 */
export async function fetchUserPhoto(tid: string, id: string, knownEtag: string | null, options: GraphGetOptions): Promise<GraphPhoto> {
  const user = `/v1.0/users/${encodeURIComponent(id)}`;
  const meta = await graphGet(tid, `${user}/photo`, options);
  if (!meta) return { kind: 'not_configured' };
  if (!meta.ok) {
    await meta.body?.cancel();
    if (meta.status === 403 || meta.status === 401) return { kind: 'not_permitted' };
    if (meta.status === 404) return { kind: 'none' };
    throw new GraphPhotoError(meta.status, 'the photo metadata');
  }
  const body = (await meta.json()) as { '@odata.mediaEtag'?: unknown };
  const etag = typeof body['@odata.mediaEtag'] === 'string' ? body['@odata.mediaEtag'] : null;
  if (etag && etag === knownEtag) return { kind: 'unchanged' };

  // A photo smaller than the size asked for has no such rendition (404): the original it is, then.
  let value = await graphGet(tid, `${user}/photos/${GRAPH_SIZE}/$value`, options);
  if (value?.status === 404) {
    await value.body?.cancel();
    value = await graphGet(tid, `${user}/photo/$value`, options);
  }
  if (!value) return { kind: 'not_configured' };
  if (!value.ok) {
    await value.body?.cancel();
    if (value.status === 404) return { kind: 'none' };
    throw new GraphPhotoError(value.status, 'the photo');
  }
  return { kind: 'photo', etag: etag ?? '', bytes: Buffer.from(await value.arrayBuffer()) };
}
