/** What the search box holds, as the lower-case words the queries match: at most 8 words of at most 50 characters. */
export function searchWords(text: string | undefined | null): string[] {
  return (text ?? '')
    .toLowerCase()
    .normalize('NFC')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}+@]+|[^\p{L}\p{N}]+$/gu, '').slice(0, 50))
    .filter(Boolean)
    .slice(0, 8);
}
