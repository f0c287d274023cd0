import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from './formula-guard.js';

// The guard against formula injection: what a spreadsheet would run gets a leading quote, and taking it off on
// import gives back every text exactly.

describe('formula guard', () => {
  it('prefixes text a spreadsheet would run as a formula, as OWASP recommends', () => {
    expect(guardFormula('=HYPERLINK("https://evil.example","click")')).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(guardFormula("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(guardFormula('-5')).toBe("'-5");
    expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardFormula('\tx')).toBe("'\tx");
    expect(guardFormula('\rx')).toBe("'\rx");
    expect(guardFormula("'=already quoted")).toBe("''=already quoted");
    for (const text of ['plain', "'quoted but harmless", 'a=b', '', ' =x']) expect(guardFormula(text)).toBe(text);
  });

  it('round-trips every text, and never leaves a formula character in front', () => {
    const risky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', ' ');
    const text = fc.oneof(fc.string(), fc.array(risky, { maxLength: 6 }).chain((start) => fc.string().map((rest) => `${start.join('')}${rest}`)));
    fc.assert(
      fc.property(text, (value) => {
        const written = guardFormula(value);
        expect(unguardFormula(written)).toBe(value);
        expect(written).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 5000 },
    );
  });
});
