import { describe, expect, it } from 'vitest';
import { makeDataset, makePledge, makeRequirement, prepareModel } from '../../../test/support/model-builders.js';
import { prepareDataset } from '../dataset/prepare-dataset.js';
import { evaluateScenario } from '../scenario/evaluate-scenario.js';
import type { GuaranteeTerms, Pledge } from '../types.js';
import { computeWhatIfViolated } from './what-if-violated.js';

// The "what if the ceasefire is violated" analysis on small hand-made datasets.

const terms = (responses: GuaranteeTerms['responses'], responseTime = 'not stated'): GuaranteeTerms => ({ trigger: 'violation', responses, responseTime });

function commitment(id: string, party: string, condition: string, guarantee: GuaranteeTerms, extra: Partial<Pledge> = {}): Pledge {
  return makePledge(id, { party, capability: 'guarantee.response', quantity: null, areas: ['ua'], condition, guarantee, ...extra });
}

function model(pledges: Pledge[], facts: Record<string, boolean | 'unknown'> = {}) {
  return prepareModel(
    makeDataset({
      parties: ['FR', 'GB', 'IT', 'US', 'DE'],
      facts: { ceasefire: false, violation: false, legal: 'unknown', ...facts },
      pledges,
      requirements: [makeRequirement('req-ad', null, { capability: 'air_defence.systems', area: 'ua' })],
    }),
  );
}

describe('computeWhatIfViolated', () => {
  const dataset = model([
    commitment('fr-g', 'FR', 'ceasefire and violation', terms(['military', 'sanctions'], '72 hours')),
    commitment('gb-g', 'GB', 'ceasefire and violation and legal', terms(['intelligence'])),
    commitment('it-g', 'IT', 'ceasefire and violation', terms(['unstated'])),
    commitment('us-g', 'US', 'ceasefire and violation', terms(['military']), { status: 'withdrawn', withdrawnOn: '2026-01-06' }),
    // Maps to coverage: an air-defence response answers the air-defence requirement.
    commitment('de-g', 'DE', 'ceasefire and violation and active(FR)', terms(['air_defence']), { capability: 'air_defence.systems', quantity: { min: 2, max: 4 } }),
    makePledge('fr-troops', { party: 'FR', condition: 'ceasefire' }),
  ]);

  it('after a ceasefire: which commitments activate, and what they add per response kind and requirement', () => {
    const result = computeWhatIfViolated(dataset, { facts: new Map([['ceasefire', true]]) });
    expect(result.trigger).toBe('violation');
    expect(result.commitments.map((c) => [c.id, c.before, c.after])).toEqual([
      ['fr-g', 'inactive', 'certain'],
      ['gb-g', 'inactive', 'possible'],
      ['it-g', 'inactive', 'certain'],
      ['us-g', 'inactive', 'inactive'],
      ['de-g', 'inactive', 'certain'],
    ]);
    expect(result.commitments.find((c) => c.id === 'fr-g')).toMatchObject({ responses: ['military', 'sanctions'], responseTime: '72 hours', explanation: null });
    const byKind = Object.fromEntries(result.responses.map((cover) => [cover.kind, [cover.certain, cover.possible]]));
    expect(byKind).toEqual({
      military: [['fr-g'], []],
      intelligence: [[], ['gb-g']],
      air_defence: [['de-g'], []],
      sanctions: [['fr-g'], []],
      financial: [[], []],
      diplomatic: [[], []],
      unstated: [['it-g'], []],
    });
    expect(result.coverage).toEqual([{ requirement: 'req-ad', capability: 'air_defence.systems', demand: null, before: { min: 0, max: 0 }, after: { min: 2, max: 4 }, added: ['de-g'] }]);
    expect(result.summary).toEqual({ commitments: 5, certain: 3, possible: 1, inactive: 1, excluded: 1 });
  });

  it('says what is left unanswered: kinds, pending commitments with the fact that unlocks them, withdrawn ones', () => {
    const result = computeWhatIfViolated(dataset, { facts: new Map([['ceasefire', true]]) });
    expect(result.unanswered.responseKinds).toEqual(['financial', 'diplomatic']);
    expect(result.unanswered.pending).toEqual(['gb-g']);
    expect(result.unanswered.withdrawn).toEqual(['us-g']);
    const gb = result.commitments.find((c) => c.id === 'gb-g');
    expect(gb).toMatchObject({ explanation: 'gb-g possible: needs legal (unknown)', needs: [{ fact: 'legal', needs: true, value: 'unknown' }] });
    expect(result.unlockers).toEqual([{ fact: 'legal', value: true, certain: ['gb-g'] }]);
    expect(result.commitments.find((c) => c.id === 'us-g')?.excluded).toBe('withdrawn on 2026-01-06');
  });

  it('without a ceasefire nothing activates, and the ceasefire is named as what would unlock them', () => {
    const result = computeWhatIfViolated(dataset);
    expect(result.summary).toMatchObject({ certain: 0, possible: 0 });
    expect(result.unanswered.responseKinds).toEqual(['military', 'intelligence', 'air_defence', 'sanctions', 'financial', 'diplomatic']);
    expect(result.unlockers).toEqual([{ fact: 'ceasefire', value: true, certain: ['fr-g', 'it-g', 'de-g'] }]);
    // The facts reported are those after the trigger.
    expect(result.facts.find((fact) => fact.id === 'violation')?.value).toBe(true);
    expect(result.coverage).toEqual([]);
  });

  it('lists coalition states without an activated commitment of their own', () => {
    const withGroups = prepareModel({
      ...makeDataset({ parties: [], facts: { ceasefire: true, violation: false }, pledges: [commitment('fr-g', 'FR', 'ceasefire and violation', terms(['military']))] }),
      parties: [
        { id: 'FR', kind: 'state', name: { en: 'France', de: 'Frankreich' }, groups: ['coalition'] },
        { id: 'PL', kind: 'state', name: { en: 'Poland', de: 'Polen' }, groups: ['coalition'] },
        { id: 'UA', kind: 'beneficiary', name: { en: 'Ukraine', de: 'Ukraine' }, groups: ['coalition'] },
        { id: 'US', kind: 'state', name: { en: 'United States', de: 'Vereinigte Staaten' }, groups: [] },
      ],
    });
    expect(computeWhatIfViolated(withGroups).unanswered.parties).toEqual(['PL']);
  });

  it('another trigger may be asked about; commitments of other triggers are left out', () => {
    const other = model([commitment('fr-g', 'FR', 'ceasefire and violation', terms(['military'])), commitment('gb-h', 'GB', 'legal', { trigger: 'legal', responses: ['financial'], responseTime: '7 days' })]);
    const result = computeWhatIfViolated(other, { trigger: 'legal' });
    expect(result.commitments.map((c) => [c.id, c.after])).toEqual([['gb-h', 'certain']]);
  });
});

describe('guarantee commitments in an ordinary scenario', () => {
  it('stand by while the trigger is not true: marked, explained, and no capability row of their own in the coverage', () => {
    const dataset = model([commitment('fr-g', 'FR', 'ceasefire and violation', terms(['military'])), makePledge('fr-troops', { party: 'FR', condition: 'ceasefire' })], { ceasefire: true });
    const result = evaluateScenario(dataset);
    const fr = result.pledges.find((pledge) => pledge.id === 'fr-g');
    expect(fr).toMatchObject({ state: 'inactive', standby: 'violation', explanation: 'fr-g inactive: needs violation (false); a guarantee commitment: it stands by until violation' });
    expect(result.pledges.find((pledge) => pledge.id === 'fr-troops')?.standby).toBeUndefined();
    expect(result.capabilities.map((row) => row.id)).toEqual(['air_defence.systems']);
    const violated = evaluateScenario(dataset, { facts: new Map([['violation', true]]) }).pledges.find((pledge) => pledge.id === 'fr-g');
    expect(violated).toMatchObject({ state: 'certain', explanation: null });
    expect(violated?.standby).toBeUndefined();
  });
});

describe('guarantee terms in the dataset', () => {
  it('refuse a condition that does not require the trigger, naming the field', () => {
    const prepared = prepareDataset(
      makeDataset({ parties: ['FR'], facts: { ceasefire: false, violation: false }, pledges: [commitment('fr-g', 'FR', 'violation or ceasefire', terms(['military']))] }),
    );
    expect(prepared.ok ? [] : prepared.problems).toEqual([
      {
        code: 'guarantee.trigger_not_required',
        path: 'pledges[0].guarantee.trigger',
        message: "the condition must require the trigger 'violation' (e.g. 'ceasefire and violation'); 'violation or ceasefire' does not",
      },
    ]);
  });

  it('take the trigger alone or as a conjunct, not negated', () => {
    const check = (condition: string): boolean =>
      prepareDataset(makeDataset({ parties: ['FR'], facts: { ceasefire: false, violation: false }, pledges: [commitment('fr-g', 'FR', condition, terms(['military']))] })).ok;
    expect(check('violation')).toBe(true);
    expect(check('ceasefire and (violation) and active(FR)')).toBe(true);
    expect(check('ceasefire and (active(FR) and violation)')).toBe(true);
    expect(check('ceasefire or (active(FR) and violation)')).toBe(false);
    expect(check('ceasefire and not violation')).toBe(false);
    expect(check('ceasefire')).toBe(false);
  });
});
