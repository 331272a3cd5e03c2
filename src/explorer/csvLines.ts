// The Explorer's CSV exports as text: one line per row through the report layer's field writer,
// which quotes as RFC 4180 asks and keeps text a spreadsheet would run as a formula as text.

import { csvRow } from '../presentation/report/csv';

/** Rows as CSV text, CRLF line ends (RFC 4180), ending with a line break. */
export function csvLines(rows: readonly (readonly (string | number | null)[])[]): string {
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}
