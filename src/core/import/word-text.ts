/**
 * Reads the plain-text export of a Word table: one cell per line, a cell's first line starts
 * with a tab, its further lines (line breaks inside the cell) do not, and an empty line ends a
 * table row. Paragraphs before the table (title, unit line) are one cell each.
 */

export interface WordTable {
  /** The cells, row by row. */
  rows: string[][];
  /** The 1-based line each cell starts on, in the shape of `rows`. */
  lines: number[][];
}

/** The cells of a Word table's text export, with the line each starts on. */
export function readWordTable(text: string): WordTable {
  const source = text.replace(/\r\n?/g, '\n').split('\n');
  const rows: string[][] = [];
  const lines: number[][] = [];
  let row: string[] = [];
  let at: number[] = [];
  let inTable = false;
  let cellOpen = false;
  const endRow = () => {
    if (row.length) {
      rows.push(row);
      lines.push(at);
    }
    row = [];
    at = [];
    cellOpen = false;
  };
  const newCell = (cell: string, line: number) => {
    row.push(cell);
    at.push(line);
    cellOpen = true;
  };
  source.forEach((line, i) => {
    if (line === '') endRow();
    else if (line.startsWith('\t')) {
      inTable = true;
      newCell(line.slice(1), i + 1);
    } else if (!inTable) {
      rows.push([line]);
      lines.push([i + 1]);
    } else if (cellOpen) row[row.length - 1] += `\n${line}`;
    else newCell(line, i + 1);
  });
  endRow();
  return { rows, lines };
}

/** The cells of a Word table's text export, row by row. */
export function parseWordTableText(text: string): string[][] {
  return readWordTable(text).rows;
}
