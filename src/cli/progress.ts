/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
import type { CliIO } from './io';
import { displayWidth, truncate } from './text';

export interface Progress {
  tick(label: string): void;
  done(): void;
}

export function progressBar(io: CliIO, total: number): Progress {
  if (!io.stderrIsTTY || total < 2) return { tick() {}, done() {} };
  let n = 0;
  let last = 0;
  const width = Math.max(40, Math.min(io.columns, 120)) - 1;
  const draw = (label: string) => {
    const barWidth = 24;
    const filled = Math.round((n / total) * barWidth);
    const head = `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${n}/${total} `;
    const line = head + truncate(label, Math.max(0, width - displayWidth(head)));
    io.stderr(`\r${line}${' '.repeat(Math.max(0, width - displayWidth(line)))}`);
  };
  return {
    tick(label) {
      n++;
      const now = Date.now();
      if (n === total || now - last >= 50) {
        last = now;
        draw(label);
      }
    },
    done() {
      io.stderr(`\r${' '.repeat(width)}\r`);
    },
  };
}
