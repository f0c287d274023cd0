// Where the CLI writes: injected so tests can capture output without spawning a process.

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The process's real streams. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
