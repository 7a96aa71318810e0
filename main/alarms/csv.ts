/** One CSV line (RFC 4180): quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
export function csvRow(values: readonly (string | number | null)[]): string {
  return values
    .map((value) => {
      if (value === null) return '';
      let text = String(value);
      if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}
