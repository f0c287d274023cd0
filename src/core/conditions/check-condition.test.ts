import { describe, expect, it } from 'vitest';
import { checkConditionNames, checkConditionText, type ConditionVocabulary, suggest } from './check-condition.js';
import { parseCondition } from './parse-condition.js';

// Names in a condition must exist in the dataset; near misses get a "did you mean".

const vocabulary: ConditionVocabulary = {
  facts: new Set(['ceasefire', 'us_backstop', 'mandate.DE', 'violation']),
  parties: new Set(['FR', 'GB', 'DE', 'P12']),
  capabilities: new Set(['land.personnel', 'air.fighters', 'logistics.hub']),
  areas: new Set(['any', 'ua', 'ua.rear', 'ua.front', 'outside_ua']),
};

function issuesOf(text: string): { code: string; message: string; column: number }[] {
  const result = checkConditionText(text, vocabulary);
  if (result.ok) throw new Error(`expected problems in '${text}'`);
  return result.issues;
}

describe('checkConditionText', () => {
  it('returns the parsed tree when every name is known', () => {
    const result = checkConditionText('ceasefire and not mandate.DE and total(land.personnel, area=ua.rear) >= 5 and active(FR, air.fighters)', vocabulary);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.condition.kind).toBe('and');
  });

  it('names an unknown fact with its 1-based column and the closest known fact', () => {
    const text = 'ceasefire and us_backstp';
    // "us_backstp" starts at offset 14, that is column 15.
    expect(text.indexOf('us_backstp')).toBe(14);
    expect(issuesOf(text)).toEqual([
      { code: 'condition.unknown_fact', message: "unknown fact 'us_backstp' at 15; did you mean 'us_backstop'?", column: 15 },
    ]);
  });

  it('gives no suggestion when nothing is close', () => {
    expect(issuesOf('ceasefire and zebra_crossing_open')).toEqual([
      { code: 'condition.unknown_fact', message: "unknown fact 'zebra_crossing_open' at 15", column: 15 },
    ]);
  });

  it('reports an unknown negated fact at the fact name', () => {
    const [issue] = issuesOf('not mandate.FR');
    expect(issue).toMatchObject({ code: 'condition.unknown_fact', column: 5 });
    expect(issue?.message).toContain("did you mean 'mandate.DE'?");
  });

  it('reports an unknown party at the party inside active()', () => {
    const [issue, ...rest] = issuesOf('ceasefire and active(FX)');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'condition.unknown_party', column: 22 });
    expect(issue?.message).toBe("unknown party 'FX' at 22; did you mean 'FR'?");
  });

  it('reports an unknown capability at the capability, in total(), count() and active()', () => {
    expect(issuesOf('total(land.personel) >= 1')).toEqual([
      {
        code: 'condition.unknown_capability',
        message: "unknown capability 'land.personel' at 7; did you mean 'land.personnel'?",
        column: 7,
      },
    ]);
    expect(issuesOf('a_b or count(air.fightrs) > 1').map((i) => [i.code, i.column])).toEqual([
      ['condition.unknown_fact', 1],
      ['condition.unknown_capability', 14],
    ]);
    expect(issuesOf('active(GB, sea.boats)')).toEqual([{ code: 'condition.unknown_capability', message: "unknown capability 'sea.boats' at 12", column: 12 }]);
  });

  it('reports an unknown area at the area after area=', () => {
    const text = 'total(land.personnel, area=ua.rera) >= 1';
    expect(issuesOf(text)).toEqual([
      { code: 'condition.unknown_area', message: "unknown area 'ua.rera' at 28; did you mean 'ua.rear'?", column: text.indexOf('ua.rera') + 1 },
    ]);
  });

  it('reports every unknown name, in text order', () => {
    const issues = issuesOf('ceasfire and active(XX) and total(land.people, area=moon) >= 3');
    expect(issues.map((i) => i.code)).toEqual([
      'condition.unknown_fact',
      'condition.unknown_party',
      'condition.unknown_capability',
      'condition.unknown_area',
    ]);
    expect(issues.map((i) => i.column)).toEqual([1, 21, 35, 53]);
    expect(issues[0]?.message).toContain("did you mean 'ceasefire'?");
  });

  it('reports syntax errors as one issue with a 1-based column', () => {
    const unclosed = issuesOf('(ceasefire or us_backstop');
    expect(unclosed).toHaveLength(1);
    expect(unclosed[0]).toMatchObject({ code: 'condition.syntax', column: 26 });
    expect(unclosed[0]?.message).toMatch(/ at 26$/);
    expect(issuesOf('ceasefire # x')).toEqual([{ code: 'condition.syntax', message: "unexpected character '#' at 11", column: 11 }]);
  });

  it('reports non-monotone conditions with their code and column', () => {
    const [issue] = issuesOf('ceasefire and not active(FR)');
    expect(issue?.code).toBe('condition.non_monotone');
    expect(issue?.column).toBe(19);
    expect(issue?.message).toContain("'not' applies to facts only");
  });
});

describe('checkConditionNames', () => {
  it('returns no issues for constants', () => {
    const parsed = parseCondition('true or false');
    if (!parsed.ok) throw new Error('parse failed');
    expect(checkConditionNames(parsed.condition, vocabulary)).toEqual([]);
  });
});

describe('suggest', () => {
  it('picks the closest name, case-insensitively', () => {
    expect(suggest('CEASEFIRE', ['ceasefire', 'violation'])).toBe("; did you mean 'ceasefire'?");
    expect(suggest('us_backstp', ['ceasefire', 'us_backstop'])).toBe("; did you mean 'us_backstop'?");
  });

  it('breaks ties alphabetically', () => {
    expect(suggest('ab', ['ac', 'aa'])).toBe("; did you mean 'aa'?");
  });

  it('returns an empty string when nothing is within a small edit distance', () => {
    expect(suggest('nosuchfact', ['ceasefire', 'us_backstop', 'violation'])).toBe('');
    expect(suggest('x', [])).toBe('');
  });
});
