import { describe, expect, it } from 'vitest';
import type { Reason } from '../../core/activation/explain-pledge.js';
import { evaluateScenario } from '../../core/scenario/evaluate-scenario.js';
import type { FactValue } from '../../core/types.js';
import { preparedSmallDataset } from '../test-support/small-dataset.js';
import { capabilityChoice, capabilityName } from './capabilities.data.js';
import { createExplainer, type ExplainablePledge, wordsFor } from './explanations.data.js';

const en = wordsFor('en');
const de = wordsFor('de');
const inactive = (id: string, reasons: Reason[]): ExplainablePledge => ({ id, state: 'inactive', candidate: true, reasons });
const explainOne = (pledge: ExplainablePledge, language: 'en' | 'de', others: ExplainablePledge[] = []): string | null =>
  createExplainer([pledge, ...others], wordsFor(language))(pledge);

describe('explanations in the UI language', () => {
  it('says why a fact fails, plain and negated', () => {
    const plain = inactive('fr-1', [{ kind: 'fact', fact: 'ceasefire', negated: false, value: false }]);
    expect(explainOne(plain, 'en')).toBe('fr-1 inactive: needs ceasefire (false)');
    expect(explainOne(plain, 'de')).toBe('fr-1 inaktiv: erfordert ceasefire (falsch)');
    const negated = inactive('fr-1', [{ kind: 'fact', fact: 'escalation', negated: true, value: 'unknown' }]);
    expect(explainOne(negated, 'en')).toBe('fr-1 inactive: needs not escalation (escalation is unknown)');
    expect(explainOne(negated, 'de')).toBe('fr-1 inaktiv: erfordert nicht escalation (escalation ist unbekannt)');
  });

  it('explains a false condition and thresholds with capability names and formatted numbers', () => {
    const reasons: Reason[] = [
      { kind: 'false' },
      { kind: 'threshold', aggregate: 'total', capability: 'land.personnel', area: 'ua.rear', op: '>=', threshold: 10000, value: 2500 },
      { kind: 'threshold', aggregate: 'count', capability: 'air.fighters', op: '>', threshold: 2, value: 1 },
      { kind: 'threshold', aggregate: 'count', capability: 'x.custom', op: '>=', threshold: 3, value: 2 },
    ];
    expect(explainOne(inactive('pl-1', reasons), 'en')).toBe(
      'pl-1 inactive: condition is false; needs ≥ 10,000 Ground personnel in ua.rear from others, they have 2,500; ' +
        'needs > 2 other parties with Fighter aircraft, 1 has one; needs ≥ 3 other parties with x.custom, 2 have one',
    );
    expect(explainOne(inactive('pl-1', reasons), 'de')).toBe(
      'pl-1 inaktiv: Bedingung ist falsch; erfordert ≥ 10.000 Bodentruppen in ua.rear von anderen, sie haben 2.500; ' +
        'erfordert > 2 andere Parteien mit Kampfflugzeuge, 1 hat welche; erfordert ≥ 3 andere Parteien mit x.custom, 2 haben welche',
    );
  });

  it('explains alternatives', () => {
    const pledge: ExplainablePledge = {
      id: 'it-1',
      state: 'possible',
      candidate: true,
      reasons: [{ kind: 'any_of', options: [[{ kind: 'fact', fact: 'a', negated: false, value: 'unknown' }], [{ kind: 'fact', fact: 'b', negated: false, value: false }]] }],
    };
    expect(explainOne(pledge, 'en')).toBe('it-1 possible: needs one of: [needs a (unknown)] or [needs b (false)]');
    expect(explainOne(pledge, 'de')).toBe('it-1 möglich: erfordert eines von: [erfordert a (unbekannt)] oder [erfordert b (falsch)]');
  });

  it('explains every exclusion', () => {
    const excluded = (exclusion: Reason & { kind: 'excluded' }): ExplainablePledge => ({ id: 'pl-1', state: 'inactive', candidate: false, reasons: [exclusion] });
    const cases: [Reason & { kind: 'excluded' }, string, string][] = [
      [{ kind: 'excluded', exclusion: { kind: 'withdrawn' } }, 'withdrawn', 'zurückgezogen'],
      [{ kind: 'excluded', exclusion: { kind: 'withdrawn', on: '2026-03-01' } }, 'withdrawn on 2026-03-01', 'zurückgezogen am 2026-03-01'],
      [{ kind: 'excluded', exclusion: { kind: 'superseded', by: 'pl-2' } }, 'superseded by pl-2', 'ersetzt durch pl-2'],
      [
        { kind: 'excluded', exclusion: { kind: 'not_yet_announced', announcedOn: '2026-05-01', asOf: '2026-04-01' } },
        'announced on 2026-05-01, after 2026-04-01',
        'angekündigt am 2026-05-01, nach dem 2026-04-01',
      ],
      [
        { kind: 'excluded', exclusion: { kind: 'below_min_status', status: 'announced', minStatus: 'committed' } },
        'status announced is below the minimum committed',
        'Status announced liegt unter dem Mindeststatus committed',
      ],
    ];
    for (const [reason, english, german] of cases) {
      expect(explainOne(excluded(reason), 'en')).toBe(`pl-1 inactive: ${english}`);
      expect(explainOne(excluded(reason), 'de')).toBe(`pl-1 inaktiv: ${german}`);
    }
    expect(explainOne({ id: 'pl-9', state: 'inactive', candidate: false, reasons: [] }, 'en')).toBeNull();
  });

  it('follows waits-for chains two levels deep, naming cycles, certain targets and the rest', () => {
    const waits = (party: string, pledges: string[], more = 0, capability?: string): Reason =>
      capability === undefined ? { kind: 'waits', party, pledges, more } : { kind: 'waits', party, capability, pledges, more };
    const us = inactive('us-1', [{ kind: 'fact', fact: 'us_backstop', negated: false, value: false }]);
    const fr = inactive('fr-3', [waits('US', ['us-1'])]);
    const de2 = inactive('de-2', [waits('FR', ['fr-3'], 2, 'land.personnel')]);
    const all = [de2, fr, us];
    expect(explainOne(de2, 'en', all)).toBe('de-2 inactive: waits for FR (Ground personnel) (fr-3 inactive: waits for US (us-1 inactive); 2 more)');
    expect(explainOne(de2, 'de', all)).toBe('de-2 inaktiv: wartet auf FR (Bodentruppen) (fr-3 inaktiv: wartet auf US (us-1 inaktiv); 2 weitere)');
    expect(explainOne(fr, 'en', all)).toBe('fr-3 inactive: waits for US (us-1 inactive: needs us_backstop (false))');

    const a = inactive('a-1', [waits('B', ['b-1'])]);
    const b = inactive('b-1', [waits('A', ['a-1'])]);
    expect(explainOne(a, 'en', [b])).toBe('a-1 inactive: waits for B (b-1 inactive: waits for A (a-1 inactive))');
    const shallow = inactive('a-1', [waits('A', ['a-1'])]);
    expect(explainOne(shallow, 'en')).toBe('a-1 inactive: waits for A (a-1: waiting in a cycle)');
    expect(explainOne(shallow, 'de')).toBe('a-1 inaktiv: wartet auf A (a-1: wartet im Kreis)');

    const certain: ExplainablePledge = { id: 'gb-1', state: 'certain', candidate: true, reasons: [] };
    const waitsOnCertain = inactive('fr-1', [waits('GB', ['gb-1'], 0, 'land.personnel')]);
    expect(explainOne(waitsOnCertain, 'en', [certain])).toBe('fr-1 inactive: waits for GB (Ground personnel) (gb-1 waits for the coalition to move together)');
    expect(explainOne(waitsOnCertain, 'de', [certain])).toBe('fr-1 inaktiv: wartet auf GB (Bodentruppen) (gb-1 wartet darauf, dass die Koalition gemeinsam handelt)');

    const nobody = inactive('fr-1', [waits('NO', [], 0, 'air.fighters')]);
    expect(explainOne(nobody, 'en')).toBe('fr-1 inactive: waits for NO (Fighter aircraft) (no pledge from NO)');
    expect(explainOne(nobody, 'de')).toBe('fr-1 inaktiv: wartet auf NO (Kampfflugzeuge) (keine Zusage von NO)');
    const unknownTarget = inactive('fr-1', [waits('PL', ['pl-7'])]);
    expect(explainOne(unknownTarget, 'de')).toBe('fr-1 inaktiv: wartet auf PL (pl-7 inaktiv)');
  });

  it('explains the assurance gap and says nothing for a plainly certain pledge', () => {
    const gb: ExplainablePledge = { id: 'gb-1', state: 'certain', candidate: true, reasons: [] };
    const gap: ExplainablePledge = {
      id: 'fr-1',
      state: 'certain',
      candidate: true,
      inAssuranceGap: true,
      reasons: [],
      waitsFor: [{ kind: 'waits', party: 'GB', capability: 'land.personnel', pledges: ['gb-1'], more: 0 }],
    };
    expect(explainOne(gap, 'en', [gb])).toBe('fr-1 certain only if the coalition commits together: waits for GB (Ground personnel) (gb-1 waits for the coalition to move together)');
    expect(explainOne(gap, 'de', [gb])).toContain('fr-1 nur sicher, wenn die Koalition gemeinsam zusagt: wartet auf GB (Bodentruppen)');
    expect(explainOne(gb, 'de')).toBeNull();
  });

  it('reads in English as the server does when capabilities are shown by id (no thresholds)', () => {
    const dataset = preparedSmallDataset();
    const scenarios: Map<string, FactValue>[] = [new Map(), new Map([['ceasefire', true]]), new Map([['ceasefire', true], ['us_backstop', false]])];
    for (const facts of scenarios) {
      const result = evaluateScenario(dataset, { facts });
      const explain = createExplainer(result.pledges, { ...en, capability: (id) => id });
      for (const pledge of result.pledges) expect(explain(pledge), pledge.id).toBe(pledge.explanation);
      const german = createExplainer(result.pledges, de);
      expect(result.pledges.map((pledge) => german(pledge) === null)).toEqual(result.pledges.map((pledge) => pledge.explanation === null));
    }
  });
});

describe('capability names', () => {
  it('names catalogue capabilities in both languages and falls back to the id', () => {
    expect(capabilityName('en', 'land.personnel')).toBe('Ground personnel');
    expect(capabilityName('de', 'land.personnel')).toBe('Bodentruppen');
    expect(capabilityName('de', 'x.custom')).toBe('x.custom');
    expect(capabilityChoice('en', 'air.fighters')).toBe('Fighter aircraft — air.fighters (platforms)');
    expect(capabilityChoice('de', 'air.fighters')).toBe('Kampfflugzeuge — air.fighters (Plattformen)');
    expect(capabilityChoice('de', 'x.custom')).toBe('x.custom (?)');
  });
});
