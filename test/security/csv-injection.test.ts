/**
 * `pgt check --format csv` is opened in Excel or WPS by reviewers. Text that starts like a formula
 * (a file, sheet or cell value a department chose) must not run as one there: it gets a leading
 * apostrophe, while numbers and negative numbers stay as they are.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { memoryIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { csvField } from '../../src/cli/text';
import { cleanForm, writeOne } from '../cli/helpers';

describe('CSV fields that a spreadsheet would run as formulas', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+cmd|/C calc', "'+cmd|/C calc"],
    ['@SUM(1)', "'@SUM(1)"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['-cmd', "'-cmd"],
    ['-1e5x', "'-1e5x"],
    ['\t=1', "'\t=1"],
  ])('%j is written inert', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves numbers, negative numbers and ordinary text alone', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField('-.5')).toBe('-.5');
    expect(csvField('-1e5')).toBe('-1e5');
    expect(csvField('8167.74')).toBe('8167.74');
    expect(csvField('某某市商务局')).toBe('某某市商务局');
  });

  it('a file named like a formula is written inert in the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgt-csv-'));
    try {
      const name = '=HYPERLINK(1).xlsx';
      writeFileSync(join(dir, name), await writeOne(cleanForm(false)));
      const io = memoryIO({ cwd: dir });
      await main(['check', name, '--format', 'csv'], io);
      const rows = io.out.slice(1).trimEnd().split('\r\n').slice(1);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.startsWith(`'${name},`)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
