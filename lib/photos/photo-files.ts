// A photo's files, named once: the stores keep them, the route serves them,
// avatars ask for them. Photos are served at their content address
// (app/tenant/[subdomain]/api/photos): a changed photo is a new URL, so
// browsers may keep each one for a year. Nothing here decodes images, so
// client components may import it.

/** The renditions: the profile's (shown at up to 80 px on a 3x screen) and the lists'. */
export const PHOTO_SIZES = [256, 64] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];

/** The store key (and URL name) of one rendition of the photo `key`, a SHA-256 in hex. */
export const photoFileName = (key: string, size: PhotoSize) => `${key}-${size}.webp`;

const FILE_NAME = new RegExp(`^[0-9a-f]{64}-(${PHOTO_SIZES.join('|')})\\.webp$`);

/** Whether `name` is a photo file's name as photoFileName makes them. */
export const isPhotoFileName = (name: string) => FILE_NAME.test(name);

/** The URL of one rendition of the photo `key` (a User's photoKey), on the tenant's own host. */
export const photoUrl = (key: string, size: PhotoSize) => `/api/photos/${photoFileName(key, size)}`;
