/**
 * Reads the plain-text export of a Word table: one cell per line, a cell's first line starts
 * with a tab, its further lines (line breaks inside the cell) do not, and an empty line ends a
 * table row. Paragraphs before the table (title, unit line) are one cell each.
 */
export function parseWordTableText(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let inTable = false;
  let cellOpen = false;
  const endRow = () => {
    if (row.length) rows.push(row);
    row = [];
    cellOpen = false;
  };
  for (const line of lines) {
    if (line === '') {
      endRow();
      continue;
    }
    if (line.startsWith('\t')) {
      inTable = true;
      row.push(line.slice(1));
      cellOpen = true;
    } else if (!inTable) {
      rows.push([line]);
    } else if (cellOpen) {
      row[row.length - 1] += `\n${line}`;
    } else {
      row.push(line);
      cellOpen = true;
    }
  }
  endRow();
  return rows;
}
