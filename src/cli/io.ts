/** Where the CLI writes: injectable so tests run it in-process and read what it printed. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A progress bar is drawn only on a terminal. */
  stderrIsTTY: boolean;
  /** Terminal width for the progress bar. */
  columns: number;
  /** Relative paths are resolved against this folder. */
  cwd: string;
  /** Today, for the default budget year. */
  now(): Date;
}

export function processIO(): CliIO {
  // `pgt … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stderr.columns || 80,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/** An IO that collects output in memory (tests, benchmarks). */
export function memoryIO(over: Partial<CliIO> = {}): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
    stderrIsTTY: false,
    columns: 80,
    cwd: process.cwd(),
    now: () => new Date(),
    ...over,
  };
  return io;
}
