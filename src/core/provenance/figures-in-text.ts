// Which figures a passage states, in any of the ways a figure is written: 15000, 15,000, 15.000 (German),
// 15 000, "15 thousand", "15k", "fifteen thousand", "1.5 bn", "1,5 Mrd.", "500m", "20 %". A separator between
// digits is read both ways (grouping or decimal point) because the language decides it; a range "12–15bn"
// scales both ends. Pure; used by the dataset's provenance check (every figure of a record is stated by a
// cited source or derived).

const SCALES: readonly [RegExp, number][] = [
  [/^(?:trillion|trillions|tn|trn)(?![\p{L}])/iu, 1e12],
  [/^(?:billion|billions|bn|bln|b|mrd\.?|milliarde|milliarden)(?![\p{L}])/iu, 1e9],
  [/^(?:million|millions|mn|mln|m|mio\.?|millionen)(?![\p{L}])/iu, 1e6],
  [/^(?:thousand|thousands|k|tsd\.?|tausend)(?![\p{L}])/iu, 1e3],
];

// A run of digits with inner separators: 15,000 · 15.000 · 15 000 · 1,5 · 0.974 · 206.465
const NUMERAL = /\d+(?:[.,\u00a0\u202f\u2009 ']\d+)*/gu;
const SPACE_LIKE = /[\u00a0\u202f\u2009 ']/u;

/** Every value the passage states (each numeral in each reading, scaled and unscaled, and number words). */
export function listStatedFigures(text: string): number[] {
  const values = new Set<number>();
  const ranges: { end: number; scale: number | null; readings: number[] }[] = [];
  for (const match of text.matchAll(NUMERAL)) {
    const start = match.index;
    // A numeral glued to a letter or digit on its left (e.g. "B2895634", "7528560") is an identifier, not a figure.
    const before = start > 0 ? text.charAt(start - 1) : '';
    if (/[\p{L}]/u.test(before)) continue;
    const readings = readNumeral(match[0]);
    const after = text.slice(start + match[0].length);
    const scale = scaleAfter(after);
    const percent = /^\s?%/u.test(after) || /^\s?(?:per ?cent|prozent)/iu.test(after);
    for (const value of readings) {
      values.add(value);
      if (scale !== null) values.add(value * scale);
      if (percent) values.add(value / 100);
    }
    // "12–15bn": the scale of the upper end applies to the lower one too.
    const previous = ranges.at(-1);
    if (previous && scale !== null && previous.scale === null && /^\s?[-–—]\s?$/u.test(text.slice(previous.end, start))) {
      for (const value of previous.readings) values.add(value * scale);
    }
    ranges.push({ end: start + match[0].length, scale, readings });
  }
  for (const value of numberWords(text)) values.add(value);
  return [...values];
}

/** True when the passage states `value` in any of its written forms. */
export function statesFigure(text: string, value: number): boolean {
  return listStatedFigures(text).some((stated) => sameFigure(stated, value));
}

/** Equal up to floating-point noise (relative 1e-9). */
export function sameFigure(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

// The readings of one numeral: all separators as grouping, or the last one as a decimal point.
function readNumeral(numeral: string): number[] {
  const parts = numeral.split(/[.,\u00a0\u202f\u2009 ']/u);
  const separators = [...numeral.matchAll(/[.,\u00a0\u202f\u2009 ']/gu)].map((m) => m[0]);
  if (parts.length === 1) return [Number(numeral)];
  const readings: number[] = [];
  const grouped = parts.slice(1).every((part) => part.length === 3) && (parts[0] ?? '').length <= 3 && new Set(separators).size === 1;
  if (grouped) readings.push(Number(parts.join('')));
  const last = separators.at(-1) ?? '';
  if (!SPACE_LIKE.test(last)) {
    const head = parts.slice(0, -1);
    const headSeparators = new Set(separators.slice(0, -1));
    const headGrouped = head.slice(1).every((part) => part.length === 3) && (head[0] ?? '').length <= 3 && !headSeparators.has(last) && headSeparators.size <= 1;
    if (head.length === 1 || headGrouped) readings.push(Number(`${head.join('')}.${parts.at(-1) ?? ''}`));
  }
  // "15 000 and 3" would otherwise read as one numeral: also read each part on its own when spaces separate them.
  if (separators.some((separator) => SPACE_LIKE.test(separator)) && !grouped) for (const part of parts) readings.push(Number(part));
  return readings.filter((value) => Number.isFinite(value));
}

function scaleAfter(after: string): number | null {
  const rest = after.replace(/^[\s\u00a0\u202f]{0,2}/u, '');
  for (const [pattern, scale] of SCALES) if (pattern.test(rest)) return scale;
  return null;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  // German
  eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12,
  dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
  zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, hundert: 100, thousand: 1e3, tausend: 1e3, million: 1e6, millionen: 1e6, billion: 1e9, milliarden: 1e9 };

// "fifteen thousand", "twenty-six", "sechsundzwanzig", "vier": each maximal run of number words as one value.
function numberWords(text: string): number[] {
  const values: number[] = [];
  const words = text.toLowerCase().split(/[^\p{L}-]+/u).flatMap((word) => word.split('-'));
  let total = 0;
  let current = 0;
  let inRun = false;
  const flush = (): void => {
    if (inRun) values.push(total + current);
    total = 0;
    current = 0;
    inRun = false;
  };
  for (const word of words) {
    const unit = UNITS[word] ?? germanCompound(word);
    const multiplier = MULTIPLIERS[word];
    if (unit !== undefined) {
      current += unit;
      inRun = true;
    } else if (multiplier !== undefined && inRun) {
      if (multiplier === 100) current *= 100;
      else {
        total += current * multiplier;
        current = 0;
      }
    } else if (word === 'and' && inRun) continue;
    else flush();
  }
  flush();
  return values;
}

// German "sechsundzwanzig" = 6 + 20.
function germanCompound(word: string): number | undefined {
  const match = /^(\p{L}+)und(\p{L}+zig|dreißig)$/u.exec(word);
  if (!match) return undefined;
  const unit = UNITS[match[1] === 'ein' ? 'eins' : (match[1] ?? '')];
  const ten = UNITS[match[2] ?? ''];
  return unit !== undefined && ten !== undefined && unit < 10 && ten >= 20 ? unit + ten : undefined;
}
