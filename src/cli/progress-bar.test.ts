import { describe, expect, it } from 'vitest';
import { createProgressBar } from './progress-bar.js';

// The import's progress: redrawn in place on a terminal (once per percent, a newline at the end), a line per tenth elsewhere.

const capture = () => {
  const written: string[] = [];
  return { io: { out: () => undefined, err: (text: string) => void written.push(text) }, written };
};

describe('createProgressBar', () => {
  it('on a terminal redraws one line per percent and ends it once', () => {
    const { io, written } = capture();
    const progress = createProgressBar(io, 'records written', true);
    for (let done = 0; done <= 1000; done += 5) progress(done, 1000);
    progress(1000, 1000);
    expect(written).toHaveLength(101);
    expect(written.every((text) => text.startsWith('\r  ['))).toBe(true);
    expect(written[50]).toBe(`\r  [${'#'.repeat(15)}${'-'.repeat(15)}]  50% 500 of 1,000 records written`);
    expect(written.at(-1)).toBe(`\r  [${'#'.repeat(30)}] 100% 1,000 of 1,000 records written\n`);
    expect(written.join('').split('\n')).toHaveLength(2);
  });

  it('elsewhere writes a line at each tenth', () => {
    const { io, written } = capture();
    const progress = createProgressBar(io, 'records written', false);
    for (let done = 0; done <= 100_011; done += 500) progress(done, 100_011);
    progress(100_011, 100_011);
    expect(written).toHaveLength(11);
    expect(written.at(-1)).toBe('  … 100,011 of 100,011 records written\n');
  });
});
