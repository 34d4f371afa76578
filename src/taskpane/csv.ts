/** Reads CSV text (RFC 4180: quoted fields, doubled quotes, CRLF) into rows, for previews. */
export function parseCsv(text: string, maxRows = Infinity): string[][] {
  const t = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < t.length && rows.length < maxRows; i++) {
    const ch = t[i];
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && t[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (rows.length < maxRows && (cell !== '' || row.length)) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Number of records in CSV text (line breaks inside quoted fields do not count). */
export function csvRowCount(text: string): number {
  return parseCsv(text).length;
}
