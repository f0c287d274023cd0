import { describe, expect, it } from 'vitest';
import { makeDataset, makePledge, makeRequirement, prepareModel } from '../../../test/support/model-builders.js';
import type { Pledge } from '../types.js';
import { evaluateScenario, type ScenarioPledge, type ScenarioResult, scenarioJson, STATE_CERTAIN } from './evaluate-scenario.js';

// One scenario end to end on small hand-made datasets: candidates → activation → explanations → coverage.

function pledgeOf(result: ScenarioResult, id: string): ScenarioPledge {
  const entry = result.pledges.find((p) => p.id === id);
  if (!entry) throw new Error(`no pledge ${id}`);
  return entry;
}

describe('evaluateScenario', () => {
  it('mutual dependency FR ↔ GB: certain, in the assurance gap, one waiting group, explained', () => {
    const dataset = prepareModel(
      makeDataset({
        parties: ['FR', 'GB'],
        pledges: [makePledge('fr', { party: 'FR', condition: 'active(GB)' }), makePledge('gb', { party: 'GB', condition: 'active(FR)' })],
        requirements: [makeRequirement('r1', 30000)],
      }),
    );
    const result = evaluateScenario(dataset);
    expect(result.pledges.map((p) => [p.id, p.state, p.withoutCoordination, p.inAssuranceGap])).toEqual([
      ['fr', 'certain', false, true],
      ['gb', 'certain', false, true],
    ]);
    expect(result.assuranceGap).toEqual(['fr', 'gb']);
    expect(result.waitingGroups).toEqual([['fr', 'gb']]);
    expect(pledgeOf(result, 'fr').explanation).toBe(
      'fr certain only if the coalition commits together: waits for GB (gb waits for the coalition to move together)',
    );
    // Certain pledges count fully towards coverage.
    expect(result.coverage[0]).toMatchObject({ requirement: 'r1', demand: 30000, supplyMin: 2000, supplyMax: 2000 });
  });

  it('a chain DE → FR → us_backstop=false is explained along the chain', () => {
    const dataset = prepareModel(
      makeDataset({
        parties: ['DE', 'FR'],
        facts: { us_backstop: false },
        pledges: [makePledge('de', { party: 'DE', condition: 'active(FR)' }), makePledge('fr', { party: 'FR', condition: 'us_backstop' })],
      }),
    );
    const result = evaluateScenario(dataset);
    const de = pledgeOf(result, 'de');
    expect(de.state).toBe('inactive');
    expect(de.explanation).toContain('waits for FR');
    expect(de.explanation).toContain('needs us_backstop (false)');
    expect(de.explanation).toBe('de inactive: waits for FR (fr inactive: needs us_backstop (false))');
    expect(pledgeOf(result, 'fr').explanation).toBe('fr inactive: needs us_backstop (false)');
  });

  it('fact overrides in the options replace the dataset values', () => {
    const dataset = prepareModel(
      makeDataset({
        parties: ['DE', 'FR'],
        facts: { us_backstop: false },
        pledges: [makePledge('de', { party: 'DE', condition: 'active(FR)' }), makePledge('fr', { party: 'FR', condition: 'us_backstop' })],
      }),
    );
    const result = evaluateScenario(dataset, { facts: new Map([['us_backstop', true]]) });
    expect(result.pledges.map((p) => [p.id, p.state, p.explanation])).toEqual([
      ['de', 'certain', null],
      ['fr', 'certain', null],
    ]);
    expect(result.facts).toEqual([{ id: 'us_backstop', value: true }]);
    const unknown = evaluateScenario(dataset, { facts: new Map([['us_backstop', 'unknown']]) });
    expect(pledgeOf(unknown, 'fr').state).toBe('possible');
    expect(pledgeOf(unknown, 'fr').explanation).toBe('fr possible: needs us_backstop (unknown)');
    expect(pledgeOf(unknown, 'de').state).toBe('possible');
  });

  it('threshold failure: "needs total(land.personnel) >= 25000, others have 12000", own pledges excluded', () => {
    const dataset = prepareModel(
      makeDataset({
        parties: ['DE', 'FR', 'GB'],
        pledges: [
          makePledge('de-1', { party: 'DE', condition: 'total(land.personnel) >= 25000' }),
          makePledge('de-2', { party: 'DE', quantity: { min: 20000, max: 20000 } }),
          makePledge('fr-1', { party: 'FR', quantity: { min: 8000, max: 8000 } }),
          makePledge('gb-1', { party: 'GB', quantity: { min: 4000, max: 4000 } }),
        ],
      }),
    );
    const result = evaluateScenario(dataset);
    expect(pledgeOf(result, 'de-1').state).toBe('inactive');
    expect(pledgeOf(result, 'de-1').explanation).toBe('de-1 inactive: needs total(land.personnel) >= 25000, others have 12000');
    expect(result.summary).toMatchObject({ pledges: 4, candidates: 4, certain: 3, possible: 0, inactive: 1, contributingParties: 3 });
  });

  it('quantity ranges: a threshold met only at the maximum makes a pledge possible', () => {
    const dataset = prepareModel(
      makeDataset({
        parties: ['DE', 'FR'],
        pledges: [
          makePledge('de', { party: 'DE', condition: 'total(land.personnel) >= 4000', quantity: { min: 1000, max: 1000 } }),
          makePledge('fr', { party: 'FR', quantity: { min: 2000, max: 5000 } }),
        ],
        requirements: [makeRequirement('r1', 100000)],
      }),
    );
    const result = evaluateScenario(dataset);
    expect(pledgeOf(result, 'de').state).toBe('possible');
    expect(pledgeOf(result, 'de').explanation).toBe('de possible: needs total(land.personnel) >= 4000, others have 2000');
    // Coverage range: FR certain at 2000 … FR at 5000 plus DE possible at 1000.
    expect(result.coverage[0]).toMatchObject({ supplyMin: 2000, supplyMax: 6000, shortfallMin: 94000, shortfallMax: 98000 });
  });

  it('excluded pledges stay in the list as inactive non-candidates with the reason', () => {
    const dataset = prepareModel(
      makeDataset({
        parties: ['FR'],
        pledges: [
          makePledge('fr-1', { announcedOn: '2025-09-04' }),
          makePledge('fr-2', { announcedOn: '2026-01-06', supersedes: 'fr-1' }),
          makePledge('fr-3', { status: 'withdrawn', withdrawnOn: '2025-12-01' }),
          makePledge('fr-4', { status: 'announced' }),
        ],
      }),
    );
    const now = evaluateScenario(dataset, { minStatus: 'committed' });
    expect(now.minStatus).toBe('committed');
    expect(now.pledges.map((p) => [p.id, p.state, p.candidate, p.explanation])).toEqual([
      ['fr-1', 'inactive', false, 'fr-1 inactive: superseded by fr-2'],
      ['fr-2', 'certain', true, null],
      ['fr-3', 'inactive', false, 'fr-3 inactive: withdrawn on 2025-12-01'],
      ['fr-4', 'inactive', false, 'fr-4 inactive: status announced is below the minimum committed'],
    ]);
    expect(pledgeOf(now, 'fr-1').reasons).toEqual([{ kind: 'excluded', exclusion: { kind: 'superseded', by: 'fr-2' } }]);

    const before = evaluateScenario(dataset, { asOf: '2025-10-01' });
    expect(before.asOf).toBe('2025-10-01');
    expect(before.pledges.map((p) => [p.id, p.state])).toEqual([
      ['fr-1', 'certain'],
      ['fr-2', 'inactive'],
      ['fr-3', 'certain'],
      ['fr-4', 'certain'],
    ]);
    expect(pledgeOf(before, 'fr-2').explanation).toBe('fr-2 inactive: announced on 2026-01-06, after 2025-10-01');
  });

  it('a listed pledge has the record fields, then its state and explanation, in that order (the JSON clients read)', () => {
    const dataset = prepareModel(
      makeDataset({
        parties: ['FR', 'DE'],
        facts: { us_backstop: false, violation: false },
        pledges: [
          makePledge('fr', { condition: 'us_backstop' }),
          makePledge('de', { party: 'DE', status: 'announced' }),
          makePledge('de-g', { party: 'DE', condition: 'violation', guarantee: { trigger: 'violation', responses: ['unstated'], responseTime: 'not stated' } }),
        ],
      }),
    );
    const result = evaluateScenario(dataset, { minStatus: 'committed' });
    const record = ['id', 'party', 'capability', 'quantity', 'areas', 'status', 'condition'] as const;
    const outcome = ['state', 'candidate', 'withoutCoordination', 'inAssuranceGap', 'explanation', 'reasons', 'waitsFor'];
    for (const listed of result.selectPledges('all', 0, 10).items) {
      const pledge = dataset.pledges.find((candidate) => candidate.id === listed.id) as Pledge;
      expect(Object.keys(listed)).toEqual([...record, ...outcome, ...(listed.standby === undefined ? [] : ['standby'])]);
      for (const field of record) expect(listed[field]).toBe(pledge[field]);
    }
    expect(pledgeOf(result, 'de').explanation).toBe('de inactive: status announced is below the minimum committed');
    expect(pledgeOf(result, 'fr').explanation).toBe('fr inactive: needs us_backstop (false)');
    expect(pledgeOf(result, 'de-g')).toMatchObject({ standby: 'violation', explanation: 'de-g inactive: needs violation (false); a guarantee commitment: it stands by until violation' });
  });

  it('a superseded pledge and its revision are never both counted in coverage', () => {
    const dataset = prepareModel(
      makeDataset({
        parties: ['FR'],
        pledges: [
          makePledge('fr-1', { quantity: { min: 2000, max: 2000 } }),
          makePledge('fr-2', { quantity: { min: 5000, max: 5000 }, supersedes: 'fr-1' }),
        ],
        requirements: [makeRequirement('r1', 100000)],
      }),
    );
    expect(evaluateScenario(dataset).coverage[0]).toMatchObject({ supplyMin: 5000, supplyMax: 5000 });
  });

  it('defaults: as of today, minimum status announced, dataset facts with probabilities', () => {
    const dataset = prepareModel(makeDataset({ parties: ['FR'], facts: { ceasefire: false }, pledges: [] }));
    dataset.facts[0]!.probability = 0.3;
    const result = evaluateScenario(dataset);
    expect(result.asOf).toBeNull();
    expect(result.minStatus).toBe('announced');
    expect(result.facts).toEqual([{ id: 'ceasefire', value: false, probability: 0.3 }]);
    expect(result.summary).toEqual({ pledges: 0, candidates: 0, certain: 0, possible: 0, inactive: 0, noncertain: 0, contributingParties: 0, candidateParties: [] });
  });

  it('one dataset evaluated again and again (compiled once per as-of date and status) answers like a fresh one', () => {
    const build = () =>
      prepareModel(
        makeDataset({
          parties: ['DE', 'FR', 'PL'],
          facts: { ceasefire: 'unknown', us_backstop: false },
          pledges: [
            makePledge('fr', { party: 'FR', condition: 'ceasefire and us_backstop', announcedOn: '2025-09-04' }),
            makePledge('de', { party: 'DE', condition: 'active(FR) or total(land.personnel) >= 1000', status: 'offered', announcedOn: '2026-01-06' }),
            makePledge('pl', { party: 'PL', condition: 'active(DE)' }),
          ],
          requirements: [makeRequirement('r1', 5000)],
        }),
      );
    const shared = build();
    const scenarios = [
      { facts: new Map([['us_backstop', true] as const]) },
      { asOf: '2025-12-01' },
      { facts: new Map([['ceasefire', true] as const, ['us_backstop', true] as const]), minStatus: 'committed' as const },
      {},
      { facts: new Map([['ceasefire', false] as const]), asOf: '2025-12-01' },
    ];
    for (const round of [1, 2]) {
      for (const options of scenarios) {
        const again = evaluateScenario(shared, options);
        const fresh = evaluateScenario(build(), options);
        expect(again.toJSON(), `round ${round}`).toEqual(fresh.toJSON());
        expect(again.states, `round ${round}`).toEqual(fresh.states);
        expect(again.selectPledges('noncertain', 1, 2), `round ${round}`).toEqual(fresh.selectPledges('noncertain', 1, 2));
      }
    }
  });

  it('selectPledges gives slices of the whole list; noncertain are those with an explanation; states match', () => {
    const dataset = prepareModel(
      makeDataset({
        parties: ['DE', 'FR', 'GB'],
        facts: { us_backstop: false },
        pledges: [
          makePledge('de', { party: 'DE', condition: 'active(FR)' }),
          makePledge('fr', { party: 'FR', condition: 'us_backstop' }),
          makePledge('gb', { party: 'GB', condition: 'true' }),
          makePledge('gb-2', { party: 'GB', condition: 'true', status: 'withdrawn', withdrawnOn: '2025-01-01' }),
          makePledge('fr-2', { party: 'FR', condition: 'active(GB)' }),
        ],
      }),
    );
    const result = evaluateScenario(dataset);
    const all = result.pledges;
    expect(result.pledges).toBe(all);
    const explained = all.filter((pledge) => pledge.explanation !== null);
    expect(explained.map((pledge) => pledge.id)).toEqual(['fr', 'gb-2']);
    expect(result.summary.noncertain).toBe(2);
    expect(result.summary.candidateParties).toEqual(['DE', 'FR', 'GB']);
    expect([...result.states]).toEqual(all.map((pledge) => (pledge.state === 'certain' ? STATE_CERTAIN : pledge.state === 'possible' ? 1 : 0)));
    for (let offset = 0; offset <= 6; offset++) {
      for (let limit = 1; limit <= 6; limit++) {
        expect(result.selectPledges('all', offset, limit)).toEqual({ items: all.slice(offset, offset + limit), total: 5 });
        expect(result.selectPledges('noncertain', offset, limit)).toEqual({ items: explained.slice(offset, offset + limit), total: 2 });
      }
    }
    expect(result.selectPledges('none', 0, 10)).toEqual({ items: [], total: 0 });
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(JSON.stringify(scenarioJson(result, all))));
  });
});
