/** A spreadsheet cell: quoted, and never read as a formula (CSV injection). */
function cell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One CSV line (RFC 4180: CRLF-terminated). */
export const csvLine = (values: readonly unknown[]) => `${values.map(cell).join(',')}\r\n`;
