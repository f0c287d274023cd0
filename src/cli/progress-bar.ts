import type { CliIo } from './io.js';

// Progress of a long command on stderr: a bar redrawn in place on a terminal, a line at every tenth otherwise
// (logs, pipes, tests).

const WIDTH = 30;

/** A progress callback for `what` (e.g. "records written"); `terminal`: stderr is a TTY. */
export function createProgressBar(io: CliIo, what: string, terminal: boolean): (done: number, total: number) => void {
  let shownTenth = -1;
  let shownPercent = -1;
  return (done, total) => {
    if (total <= 0) return;
    const share = Math.min(1, done / total);
    const count = `${done.toLocaleString('en')} of ${total.toLocaleString('en')} ${what}`;
    if (!terminal) {
      const tenth = Math.floor(share * 10);
      if (tenth === shownTenth) return;
      shownTenth = tenth;
      io.err(`  … ${count}\n`);
      return;
    }
    const percent = Math.floor(share * 100);
    if (percent === shownPercent) return;
    shownPercent = percent;
    const filled = Math.round(share * WIDTH);
    io.err(`\r  [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}% ${count}${done >= total ? '\n' : ''}`);
  };
}
