import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDataset, makePledge, makeRequirement, prepareModel } from '../../../test/support/model-builders.js';
import { referenceDomains, referenceShades } from '../../../test/support/reference-map-shades.js';
import type { CandidateOptions } from '../activation/candidates.js';
import { compiledCandidates } from '../scenario/compiled-candidates.js';
import { evaluateScenario } from '../scenario/evaluate-scenario.js';
import type { FactValue } from '../types.js';
import { aggregatePartyDomains } from './aggregate-party-domains.js';

// The map's aggregate equals what the web computed from every evaluated pledge (test/support/reference-map-shades.ts):
// on random datasets (withdrawn, superseded and not yet announced pledges, pledges without a figure, several
// domains) and random scenarios, for every domain and for all together — the parties shaded, each one's strongest
// state, its sums per capability, its counts by state and the first pledges of its list.

const CAPABILITIES = ['land.personnel', 'land.brigade_equipment', 'air.fighters', 'air.isr', 'air_defence.systems', 'maritime.vessels'];
const CONDITIONS = ['true', 'f1', 'not f1', 'f1 and active(A)', 'f2 or count(air.fighters) >= 2', 'total(land.personnel) >= 5', 'active(B, land.personnel)'];

const pledgeArbitrary = fc.record({
  party: fc.constantFrom('A', 'B', 'C', 'D'),
  capability: fc.constantFrom(...CAPABILITIES),
  quantity: fc.option(fc.integer({ min: 0, max: 6 }).chain((min) => fc.integer({ min, max: min + 4 }).map((max) => ({ min, max }))), { nil: null, freq: 3 }),
  status: fc.constantFrom('announced', 'offered', 'committed', 'committed', 'withdrawn'),
  announcedOn: fc.option(fc.constantFrom('2026-01-01', '2026-06-01'), { nil: undefined }),
  supersedes: fc.option(fc.nat(20), { nil: undefined, freq: 5 }),
  condition: fc.constantFrom(...CONDITIONS),
});

const scenarioArbitrary = fc.record({
  f1: fc.constantFrom<FactValue>(true, false, 'unknown'),
  f2: fc.constantFrom<FactValue>(true, false, 'unknown'),
  options: fc.constantFrom<CandidateOptions>({}, { minStatus: 'committed' }, { asOf: '2026-03-01' }),
  pledgesPerCell: fc.integer({ min: 1, max: 6 }),
});

describe('the map aggregate per party and domain', () => {
  it('equals the shading computed from every evaluated pledge', () => {
    fc.assert(
      fc.property(fc.array(pledgeArbitrary, { maxLength: 24 }), scenarioArbitrary, (drawn, scenario) => {
        const pledges = drawn.map((pledge, i) => {
          const { supersedes, announcedOn, status, ...rest } = pledge;
          const target = supersedes !== undefined && supersedes < i ? `p${supersedes}` : undefined;
          return makePledge(`p${i}`, { ...rest, areas: ['any'], status: status as 'committed', ...(announcedOn ? { announcedOn } : {}), ...(target ? { supersedes: target } : {}) });
        });
        const dataset = prepareModel(makeDataset({ parties: ['A', 'B', 'C', 'D'], facts: { f1: true, f2: false }, pledges, requirements: [makeRequirement('r1', 10, { area: 'any' })] }));
        const options = { ...scenario.options, facts: new Map<string, FactValue>([['f1', scenario.f1], ['f2', scenario.f2]]) };
        const result = evaluateScenario(dataset, options);
        const aggregate = aggregatePartyDomains({
          pledges: dataset.pledges,
          states: result.states,
          candidateOf: compiledCandidates(dataset, scenario.options).candidateOf,
          pledgesPerCell: scenario.pledgesPerCell,
        });
        expect(aggregate.domains).toEqual(referenceDomains(result.pledges));
        for (const domain of ['all', ...aggregate.domains]) {
          const expected = referenceShades(result.pledges, domain);
          const cells = aggregate.cells.filter((cell) => cell.domain === (domain === 'all' ? null : domain));
          expect(cells.map((cell) => cell.party)).toEqual([...expected.keys()].sort());
          for (const cell of cells) {
            const shade = expected.get(cell.party);
            const count = (state: string) => shade?.pledges.filter((pledge) => pledge.state === state).length;
            expect({ level: cell.level, totals: cell.totals, pledges: cell.pledges, certain: cell.certain, possible: cell.possible, inactive: cell.inactive }).toEqual({
              level: shade?.level,
              totals: shade?.totals,
              pledges: shade?.pledges.slice(0, scenario.pledgesPerCell),
              certain: count('certain'),
              possible: count('possible'),
              inactive: count('inactive'),
            });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
