/** CSV text for the panels' exports: RFC 4180 quoting, and numbers written so they read back exactly. */

export type CsvCell = string | number | null;

function quote(cell: CsvCell): string {
  if (cell === null) return '';
  const s = typeof cell === 'number' ? String(cell) : cell;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows → CSV with CRLF line ends (what spreadsheets and pandas both expect). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/**
 * The shortest decimal that reads back as the same float32 (the probe frames are float32): "0.73" rather than
 * "0.7300000190734863", and Math.fround(Number(text)) equals the frame's value exactly.
 */
export function float32Text(v: number): number | string {
  if (!Number.isFinite(v)) return String(v);
  for (let digits = 1; digits <= 9; digits++) {
    const s = v.toPrecision(digits);
    if (Math.fround(Number(s)) === v) return Number(s);
  }
  return v;
}
