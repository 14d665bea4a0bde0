/** Text for a LIKE pattern, its own % _ and \ taken literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern for `text` anywhere. */
export const containing = (text: string) => `%${escapeLike(text)}%`;
