import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionArbitrary } from '../../../test/support/random-models.js';
import type { Condition } from './ast.js';
import { collectAtoms, parseCondition } from './parse-condition.js';
import { printCondition } from './print-condition.js';
import { tokenizeCondition } from './tokenize-condition.js';

// The condition language of DESIGN.md §4: the grammar, canonical printing, errors with positions and the
// monotonicity rule.

function parse(text: string): Condition {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(`expected '${text}' to parse, got ${result.error.code}: ${result.error.message}`);
  return result.condition;
}

function parseError(text: string): { code: string; message: string; at: number } {
  const result = parseCondition(text);
  if (result.ok) throw new Error(`expected '${text}' to fail, got ${printCondition(result.condition)}`);
  return result.error;
}

const POSITION_FIELDS = new Set(['at', 'capabilityAt', 'areaAt', 'partyAt']);

/** The tree without offsets, to compare structure only. */
function withoutPositions(condition: Condition): unknown {
  return JSON.parse(JSON.stringify(condition, (key, value: unknown) => (POSITION_FIELDS.has(key) ? undefined : value)));
}

describe('tokenizeCondition', () => {
  it('splits identifiers, numbers and punctuation with their offsets and ends with an end token', () => {
    const result = tokenizeCondition('total(land.personnel, area=ua.rear) >= 25_000');
    expect('tokens' in result).toBe(true);
    if (!('tokens' in result)) return;
    expect(result.tokens.map((t) => [t.kind, t.text, t.at])).toEqual([
      ['ident', 'total', 0],
      ['punct', '(', 5],
      ['ident', 'land.personnel', 6],
      ['punct', ',', 20],
      ['ident', 'area', 22],
      ['punct', '=', 26],
      ['ident', 'ua.rear', 27],
      ['punct', ')', 34],
      ['punct', '>=', 36],
      ['number', '25_000', 39],
      ['end', '', 45],
    ]);
  });

  it('keeps dotted fact names such as mandate.DE as one token', () => {
    const result = tokenizeCondition('not mandate.DE');
    if (!('tokens' in result)) throw new Error('tokenize failed');
    expect(result.tokens.map((t) => t.text)).toEqual(['not', 'mandate.DE', '']);
  });

  it('reports an unexpected character with its 0-based offset', () => {
    expect(tokenizeCondition('ceasefire & x')).toEqual({ error: { message: "unexpected character '&'", at: 10 } });
  });
});

describe('parseCondition: valid forms', () => {
  it('parses a fact', () => {
    expect(parse('ceasefire')).toEqual({ kind: 'fact', fact: 'ceasefire', negated: false, at: 0 });
  });

  it('parses a negated fact with the offset of the fact name', () => {
    expect(parse('not us_backstop')).toEqual({ kind: 'fact', fact: 'us_backstop', negated: true, at: 4 });
  });

  it('parses dotted facts such as mandate.DE, also negated', () => {
    expect(parse('mandate.DE and not mandate.GB')).toEqual({
      kind: 'and',
      items: [
        { kind: 'fact', fact: 'mandate.DE', negated: false, at: 0 },
        { kind: 'fact', fact: 'mandate.GB', negated: true, at: 19 },
      ],
    });
  });

  it('parses true and false as constants', () => {
    expect(parse('true')).toEqual({ kind: 'const', value: true });
    expect(parse('false')).toEqual({ kind: 'const', value: false });
    expect(withoutPositions(parse('true or false'))).toEqual({
      kind: 'or',
      items: [
        { kind: 'const', value: true },
        { kind: 'const', value: false },
      ],
    });
  });

  it('accepts free whitespace, including newlines and tabs', () => {
    expect(withoutPositions(parse('  ceasefire\n\tand   us_backstop  '))).toEqual(withoutPositions(parse('ceasefire and us_backstop')));
  });

  it('gives "and" precedence over "or": a or b and c = a or (b and c)', () => {
    const expected = {
      kind: 'or',
      items: [
        { kind: 'fact', fact: 'a', negated: false },
        {
          kind: 'and',
          items: [
            { kind: 'fact', fact: 'b', negated: false },
            { kind: 'fact', fact: 'c', negated: false },
          ],
        },
      ],
    };
    expect(withoutPositions(parse('a or b and c'))).toEqual(expected);
    expect(withoutPositions(parse('a or (b and c)'))).toEqual(expected);
  });

  it('binds "and" tighter on the left too: a and b or c = (a and b) or c', () => {
    expect(withoutPositions(parse('a and b or c'))).toEqual({
      kind: 'or',
      items: [
        {
          kind: 'and',
          items: [
            { kind: 'fact', fact: 'a', negated: false },
            { kind: 'fact', fact: 'b', negated: false },
          ],
        },
        { kind: 'fact', fact: 'c', negated: false },
      ],
    });
  });

  it('lets parentheses override precedence', () => {
    expect(withoutPositions(parse('(a or b) and c'))).toEqual({
      kind: 'and',
      items: [
        {
          kind: 'or',
          items: [
            { kind: 'fact', fact: 'a', negated: false },
            { kind: 'fact', fact: 'b', negated: false },
          ],
        },
        { kind: 'fact', fact: 'c', negated: false },
      ],
    });
  });

  it('flattens nested operators of the same kind and drops redundant parentheses', () => {
    expect(withoutPositions(parse('a and (b and (c))'))).toEqual({
      kind: 'and',
      items: ['a', 'b', 'c'].map((fact) => ({ kind: 'fact', fact, negated: false })),
    });
    expect(withoutPositions(parse('(a or b) or (c or d)'))).toEqual({
      kind: 'or',
      items: ['a', 'b', 'c', 'd'].map((fact) => ({ kind: 'fact', fact, negated: false })),
    });
    expect(parse('((ceasefire))')).toEqual({ kind: 'fact', fact: 'ceasefire', negated: false, at: 2 });
  });

  it('parses total() without an area, with the offsets of the node and the capability', () => {
    expect(parse('total(land.personnel) >= 25000')).toEqual({
      kind: 'total',
      capability: 'land.personnel',
      op: '>=',
      threshold: 25000,
      at: 0,
      capabilityAt: 6,
    });
  });

  it('parses total() with area= and records where the area is', () => {
    expect(parse('ceasefire and total(land.personnel, area=ua.rear) > 1000')).toEqual({
      kind: 'and',
      items: [
        { kind: 'fact', fact: 'ceasefire', negated: false, at: 0 },
        {
          kind: 'total',
          capability: 'land.personnel',
          area: 'ua.rear',
          areaAt: 41,
          op: '>',
          threshold: 1000,
          at: 14,
          capabilityAt: 20,
        },
      ],
    });
  });

  it('parses count() with > and >=', () => {
    expect(parse('count(air.fighters) > 2')).toEqual({ kind: 'count', capability: 'air.fighters', op: '>', threshold: 2, at: 0, capabilityAt: 6 });
    expect(parse('count(air.fighters) >= 3')).toMatchObject({ kind: 'count', op: '>=', threshold: 3 });
  });

  it('parses active() with and without a capability', () => {
    expect(parse('active(FR)')).toEqual({ kind: 'active', party: 'FR', at: 0, partyAt: 7 });
    expect(parse('active(GB, land.personnel)')).toEqual({
      kind: 'active',
      party: 'GB',
      capability: 'land.personnel',
      at: 0,
      partyAt: 7,
      capabilityAt: 11,
    });
    expect(parse('active(P12)')).toMatchObject({ kind: 'active', party: 'P12' });
  });

  it('reads numbers with underscores as digit separators', () => {
    expect(parse('total(land.personnel) >= 150_000')).toMatchObject({ threshold: 150000 });
    expect(parse('total(finance.grant) > 1_000_000_000')).toMatchObject({ threshold: 1_000_000_000, op: '>' });
  });

  it('accepts no spaces around operators', () => {
    expect(parse('total(land.personnel)>=5')).toMatchObject({ kind: 'total', op: '>=', threshold: 5 });
    expect(withoutPositions(parse('(a)and(b)'))).toEqual({
      kind: 'and',
      items: [
        { kind: 'fact', fact: 'a', negated: false },
        { kind: 'fact', fact: 'b', negated: false },
      ],
    });
  });

  it('parses a realistic mixed condition', () => {
    const condition = parse('ceasefire and (us_backstop or count(land.personnel) >= 3) and not violation and active(FR, land.personnel)');
    expect(condition.kind).toBe('and');
    expect(collectAtoms(condition).map((atom) => atom.kind)).toEqual(['fact', 'fact', 'count', 'fact', 'active']);
  });
});

describe('printCondition', () => {
  const canonical = (text: string): string => printCondition(parse(text));

  it('keeps parentheses that an or inside an and needs', () => {
    expect(canonical('(a or b) and c')).toBe('(a or b) and c');
    expect(canonical('c and (a or b)')).toBe('c and (a or b)');
  });

  it('drops parentheses that precedence makes redundant', () => {
    expect(canonical('a or (b and c)')).toBe('a or b and c');
    expect(canonical('(a and b) or c')).toBe('a and b or c');
    expect(canonical('((a)) and ((b))')).toBe('a and b');
    expect(canonical('a and (b and c)')).toBe('a and b and c');
    expect(canonical('(a or (b or c))')).toBe('a or b or c');
  });

  it('normalises whitespace and number formatting', () => {
    expect(canonical('  total( land.personnel ,area = ua.rear )>=25_000 ')).toBe('total(land.personnel, area=ua.rear) >= 25000');
    expect(canonical('count(air.fighters)>2')).toBe('count(air.fighters) > 2');
    expect(canonical('active( FR ,land.personnel )')).toBe('active(FR, land.personnel)');
    expect(canonical('not   mandate.DE')).toBe('not mandate.DE');
    expect(canonical('true')).toBe('true');
    expect(canonical('false or true')).toBe('false or true');
  });

  it('prints hand-built trees', () => {
    const tree: Condition = {
      kind: 'and',
      items: [
        { kind: 'or', items: [{ kind: 'fact', fact: 'a', negated: true, at: 0 }, { kind: 'const', value: false }] },
        { kind: 'active', party: 'FR', at: 0, partyAt: 0 },
      ],
    };
    expect(printCondition(tree)).toBe('(not a or false) and active(FR)');
  });
});

describe('print → parse round trip', () => {
  it('print(parse(print(x))) === print(x) and parse(print(x)) equals x ignoring positions', () => {
    fc.assert(
      fc.property(conditionArbitrary, (condition) => {
        const printed = printCondition(condition);
        const reparsed = parseCondition(printed);
        expect(reparsed.ok, printed).toBe(true);
        if (!reparsed.ok) return;
        expect(printCondition(reparsed.condition)).toBe(printed);
        expect(withoutPositions(reparsed.condition)).toEqual(withoutPositions(condition));
      }),
      { numRuns: 2_000 },
    );
  });

  it('positions of reparsed leaves point at their text', () => {
    fc.assert(
      fc.property(conditionArbitrary, (condition) => {
        const printed = printCondition(condition);
        const reparsed = parseCondition(printed);
        if (!reparsed.ok) throw new Error(printed);
        for (const atom of collectAtoms(reparsed.condition)) {
          switch (atom.kind) {
            case 'fact':
              expect(printed.startsWith(atom.fact, atom.at)).toBe(true);
              break;
            case 'total':
              expect(printed.startsWith('total(', atom.at)).toBe(true);
              expect(printed.startsWith(atom.capability, atom.capabilityAt)).toBe(true);
              if (atom.area !== undefined) expect(printed.startsWith(atom.area, atom.areaAt)).toBe(true);
              break;
            case 'count':
              expect(printed.startsWith('count(', atom.at)).toBe(true);
              expect(printed.startsWith(atom.capability, atom.capabilityAt)).toBe(true);
              break;
            case 'active':
              expect(printed.startsWith('active(', atom.at)).toBe(true);
              expect(printed.startsWith(atom.party, atom.partyAt)).toBe(true);
              if (atom.capability !== undefined) expect(printed.startsWith(atom.capability, atom.capabilityAt)).toBe(true);
              break;
            case 'const':
              break;
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseCondition: syntax errors with positions', () => {
  const column = (text: string): number => parseError(text).at + 1;

  it('rejects an empty or blank condition and tells to write "true"', () => {
    for (const text of ['', '   ', '\n']) {
      const error = parseError(text);
      expect(error.code).toBe('condition.syntax');
      expect(error.message).toContain('empty');
      expect(error.message).toContain('true');
      expect(error.at).toBe(0);
    }
  });

  it('points an unclosed parenthesis at the end of the text', () => {
    const error = parseError('(a or b');
    expect(error.code).toBe('condition.syntax');
    expect(error.message).toContain("')'");
    expect(column('(a or b')).toBe(8);
    expect(column('ceasefire and (us_backstop or x')).toBe(32);
  });

  it('points an unmatched closing parenthesis at itself', () => {
    expect(parseError('a)')).toMatchObject({ code: 'condition.syntax', at: 1 });
    expect(parseError('a)').message).toContain("')'");
  });

  it('requires a bound on aggregates', () => {
    const missingOp = parseError('total(land.personnel)');
    expect(missingOp.code).toBe('condition.syntax');
    expect(missingOp.message).toContain("'>='");
    expect(missingOp.at).toBe(21);

    const missingNumber = parseError('total(land.personnel) >= and a');
    expect(missingNumber).toMatchObject({ code: 'condition.syntax', at: 25 });
    expect(missingNumber.message).toContain('a number');

    expect(parseError('count(air.fighters) >')).toMatchObject({ code: 'condition.syntax', at: 21 });
    expect(parseError('count(air.fighters) > ').message).toContain('found the end');
  });

  it('rejects trailing tokens at the first extra token', () => {
    expect(parseError('ceasefire us_backstop')).toMatchObject({ code: 'condition.syntax', at: 10 });
    expect(parseError('ceasefire us_backstop').message).toContain("'us_backstop'");
    expect(parseError('ceasefire and us_backstop 5')).toMatchObject({ code: 'condition.syntax', at: 26 });
  });

  it('rejects a dangling operator at the end', () => {
    expect(parseError('ceasefire and')).toMatchObject({ code: 'condition.syntax', at: 13 });
    expect(parseError('ceasefire or ')).toMatchObject({ code: 'condition.syntax', at: 13 });
    expect(parseError('and ceasefire')).toMatchObject({ code: 'condition.syntax', at: 0 });
  });

  it('rejects characters outside the language at their column', () => {
    expect(parseError('ceasefire & us_backstop')).toMatchObject({ code: 'condition.syntax', at: 10 });
    expect(parseError('ceasefire && us_backstop').message).toContain("'&'");
    expect(parseError('a $ b')).toMatchObject({ code: 'condition.syntax', at: 2 });
    expect(parseError('ceasefire | x').message).toContain("'|'");
  });

  it('rejects malformed names inside aggregates', () => {
    expect(parseError('total(landpersonnel) >= 1')).toMatchObject({ code: 'condition.syntax', at: 6 });
    expect(parseError('active(fr)')).toMatchObject({ code: 'condition.syntax', at: 7 });
    expect(parseError('total(land.personnel, region=ua) >= 1')).toMatchObject({ code: 'condition.syntax', at: 22 });
    expect(parseError('count(air.fighters, area=ua) >= 1')).toMatchObject({ code: 'condition.syntax', at: 18 });
  });

  it('rejects upper-case fact names and keywords', () => {
    expect(parseError('Ceasefire')).toMatchObject({ code: 'condition.syntax', at: 0 });
    expect(parseError('ceasefire AND us_backstop')).toMatchObject({ code: 'condition.syntax', at: 10 });
  });

  it('reports a missing fact after a trailing "not" as a syntax error at the end', () => {
    // Nothing was negated, so this is not a monotonicity problem: the fact is simply missing.
    const error = parseError('ceasefire and not');
    expect(error.code).toBe('condition.syntax');
    expect(error.at).toBe(17);
    expect(error.message).toContain('found the end');
  });

  it('refuses a comparison on active()', () => {
    const error = parseError('active(FR) >= 1');
    expect(error).toMatchObject({ code: 'condition.syntax', at: 11 });
    expect(error.message).toContain('no comparison');
  });
});

describe('parseCondition: only monotone conditions', () => {
  const cases: [text: string, at: number, mentions: string][] = [
    ['not active(FR)', 4, "'not' applies to facts only"],
    ['not (a or b)', 4, "'not' applies to facts only"],
    ['not total(x.y) >= 1', 4, "'not' applies to facts only"],
    ['not count(air.fighters) >= 1', 4, "'not' applies to facts only"],
    ['total(land.personnel) < 5', 22, "'<'"],
    ['count(air.fighters) <= 2', 20, "'<='"],
    ['total(land.personnel) == 3', 22, "'=='"],
    ['total(land.personnel) != 3', 22, "'!='"],
    ['ceasefire and count(air.fighters) < 1', 34, "'<'"],
  ];

  it.each(cases)('rejects %s at offset %i with a reason', (text, at, mentions) => {
    const error = parseError(text);
    expect(error.code).toBe('condition.non_monotone');
    expect(error.at).toBe(at);
    expect(error.message).toContain(mentions);
    // The message says why, not only what.
    expect(error.message.length).toBeGreaterThan(30);
  });

  it('explains that an upper bound could turn false as more pledges activate', () => {
    expect(parseError('total(land.personnel) < 5').message).toMatch(/lower bound.*'>='/);
  });

  it('explains that negation would let a pledge switch off when others join', () => {
    expect(parseError('not active(FR)').message).toContain('switch off');
  });

  it('allows not on facts, lower bounds and un-negated active()', () => {
    for (const text of ['not ceasefire', 'total(land.personnel) >= 1', 'count(air.fighters) > 0', 'active(FR)']) {
      expect(parseCondition(text).ok, text).toBe(true);
    }
  });
});
