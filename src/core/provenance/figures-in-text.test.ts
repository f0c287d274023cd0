import { describe, expect, it } from 'vitest';
import { listStatedFigures, sameFigure, statesFigure } from './figures-in-text.js';

describe('statesFigure', () => {
  it('reads grouped thousands in English, German and spaced writing', () => {
    for (const text of ['up to 15,000 in total', 'bis zu 15.000 Soldaten', 'up to 15 000 troops', 'up to 15\u202f000 troops', "15'000 troops"]) {
      expect(statesFigure(text, 15_000), text).toBe(true);
    }
  });

  it('reads scale words and abbreviations, in English and German', () => {
    expect(statesFigure('15 thousand troops', 15_000)).toBe(true);
    expect(statesFigure('a 15k force', 15_000)).toBe(true);
    expect(statesFigure('USD 500m package', 500_000_000)).toBe(true);
    expect(statesFigure('EUR 1.5 bn', 1_500_000_000)).toBe(true);
    expect(statesFigure('1,5 Mrd. Euro', 1_500_000_000)).toBe(true);
    expect(statesFigure('500 Millionen Euro', 500_000_000)).toBe(true);
    expect(statesFigure('3,5 Mio. Dollar', 3_500_000)).toBe(true);
    expect(statesFigure('a package of up to EUR 210bn', 210_000_000_000)).toBe(true);
    expect(statesFigure('USD 4.18bn committed', 4_180_000_000)).toBe(true);
  });

  it('applies the scale of a range’s upper end to its lower end', () => {
    expect(statesFigure('Whitaker: USD 12–15bn', 12_000_000_000)).toBe(true);
    expect(statesFigure('Whitaker: USD 12–15bn', 15_000_000_000)).toBe(true);
  });

  it('reads decimals with a point or a comma, and percentages as fractions too', () => {
    expect(statesFigure('LT 0.974, SI 0.796', 0.974)).toBe(true);
    expect(statesFigure('LT 0,974', 0.974)).toBe(true);
    expect(statesFigure('DE 51.3, FR 34.0', 34)).toBe(true);
    expect(statesFigure('about 20 % a year', 0.2)).toBe(true);
    expect(statesFigure('about 20 % a year', 20)).toBe(true);
  });

  it('reads number words, including compounds, in English and German', () => {
    expect(statesFigure('fifteen thousand troops', 15_000)).toBe(true);
    expect(statesFigure('twenty-six countries', 26)).toBe(true);
    expect(statesFigure('four mechanised infantry brigades', 4)).toBe(true);
    expect(statesFigure('Sechsundzwanzig verschiedene Nationen', 26)).toBe(true);
    expect(statesFigure('vier Infanteriebrigaden', 4)).toBe(true);
    expect(statesFigure('one hundred and fifty thousand', 150_000)).toBe(true);
  });

  it('does not find figures that are not there', () => {
    expect(statesFigure('several thousand French soldiers', 2_000)).toBe(false);
    expect(statesFigure('fewer than 7,500', 7_499)).toBe(false);
    expect(statesFigure('up to 15,000 in total', 17_498)).toBe(false);
    expect(statesFigure('a logistics hub', 1)).toBe(false);
    expect(statesFigure('12 members', 12_000_000)).toBe(false);
    expect(statesFigure('article b2895634', 2_895_634)).toBe(false);
    expect(statesFigure('~4bn since August', 4_180_000_000)).toBe(false);
  });

  it('lists each reading of an ambiguous numeral', () => {
    expect(listStatedFigures('15.000')).toEqual(expect.arrayContaining([15_000, 15]));
    expect(listStatedFigures('7,499')).toEqual(expect.arrayContaining([7_499, 7.499]));
  });
});

describe('sameFigure', () => {
  it('ignores floating-point noise only', () => {
    expect(sameFigure(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameFigure(206.465, 206.5)).toBe(false);
  });
});
