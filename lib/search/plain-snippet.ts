/** A page's snippet as words to read: markdown links become their text, and markup characters go. */
export function plainSnippet(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/[#>|]+/g, ' ')
    .replace(/(^|\s)[-+](?=\s)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
