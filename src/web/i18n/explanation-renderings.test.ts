import { describe, expect, it } from 'vitest';
import { describeExplanation, describePledge } from '../../core/activation/describe-reasons.js';
import { type ExplainedPledge, explainChain, type Explanation } from '../../core/activation/explanation-chain.js';
import { evaluateScenario } from '../../core/scenario/evaluate-scenario.js';
import type { FactValue } from '../../core/types.js';
import { preparedSmallDataset } from '../test-support/small-dataset.js';
import { createExplainer, explainPledge, explanationText, wordsFor } from './explanations.data.js';

// The CLI/API sentence (core, English) and the web's sentences (English, German) are renderings of one
// structure, the core's explanation chain: neither follows "waits for" on its own.

const en = wordsFor('en');
const de = wordsFor('de');

// One pledge whose chain holds every kind of wait: a chain two levels deep, a party without pledges, a certain
// pledge (the coalition must move together) with more pledges waited on, inside alternatives, and a cycle.
const entries: ExplainedPledge[] = [
  {
    id: 'a',
    state: 'inactive',
    reasons: [
      { kind: 'waits', party: 'GB', pledges: ['gb-1'], more: 0 },
      { kind: 'waits', party: 'US', pledges: [], more: 0 },
      {
        kind: 'any_of',
        options: [[{ kind: 'waits', party: 'PL', capability: 'air.fighters', pledges: ['pl-1', 'pl-2'], more: 1 }], [{ kind: 'fact', fact: 'ceasefire', negated: false, value: false }]],
      },
      { kind: 'waits', party: 'DE', pledges: ['a'], more: 0 },
    ],
  },
  { id: 'gb-1', state: 'inactive', reasons: [{ kind: 'waits', party: 'FR', pledges: ['fr-1'], more: 0 }] },
  { id: 'fr-1', state: 'possible', reasons: [{ kind: 'fact', fact: 'us_backstop', negated: false, value: 'unknown' }] },
  { id: 'pl-1', state: 'certain', reasons: [] },
];
const lookup = (id: string): ExplainedPledge | undefined => entries.find((entry) => entry.id === id);

describe('one explanation chain, rendered by the core and by the web', () => {
  it('builds the chain once: depth 2, the cycle named, the coalition wait, the missing party', () => {
    const chain = explainChain(entries[0] as ExplainedPledge, lookup);
    expect(chain).toEqual({
      kind: 'chain',
      id: 'a',
      state: 'inactive',
      reasons: [
        {
          kind: 'waits',
          party: 'GB',
          target: {
            kind: 'chain',
            more: 0,
            chain: { id: 'gb-1', state: 'inactive', reasons: [{ kind: 'waits', party: 'FR', target: { kind: 'state', pledge: 'fr-1', state: 'possible', more: 0 } }] },
          },
        },
        { kind: 'waits', party: 'US', target: { kind: 'no_pledge' } },
        {
          kind: 'any_of',
          options: [
            [{ kind: 'waits', party: 'PL', capability: 'air.fighters', target: { kind: 'coalition', pledge: 'pl-1', more: 2 } }],
            [{ kind: 'fact', fact: 'ceasefire', negated: false, value: false }],
          ],
        },
        { kind: 'waits', party: 'DE', target: { kind: 'cycle', pledge: 'a', more: 0 } },
      ],
    } satisfies Explanation);
  });

  it('renders that same structure as the CLI/API sentence and as the web sentence in English and German', () => {
    const chain = explainChain(entries[0] as ExplainedPledge, lookup);
    if (chain === undefined) throw new Error('expected an explanation');
    expect(describeExplanation(chain)).toBe(
      'a inactive: waits for GB (gb-1 inactive: waits for FR (fr-1 possible)); waits for US (no pledge from US); ' +
        'needs one of: [waits for PL (air.fighters) (pl-1 waits for the coalition to move together; 2 more)] or [needs ceasefire (false)]; ' +
        'waits for DE (a: waiting in a cycle)',
    );
    expect(explanationText(chain, en)).toBe(
      'a inactive: waits for GB (gb-1 inactive: waits for FR (fr-1 possible)); waits for US (no pledge from US); ' +
        'needs one of: [waits for PL (Fighter aircraft) (pl-1 waits for the coalition to move together; 2 more)] or [needs ceasefire (false)]; ' +
        'waits for DE (a: waiting in a cycle)',
    );
    expect(explanationText(chain, de)).toBe(
      'a inaktiv: wartet auf GB (gb-1 inaktiv: wartet auf FR (fr-1 möglich)); wartet auf US (keine Zusage von US); ' +
        'erfordert eines von: [wartet auf PL (Kampfflugzeuge) (pl-1 wartet darauf, dass die Koalition gemeinsam handelt; 2 weitere)] oder [erfordert ceasefire (falsch)]; ' +
        'wartet auf DE (a: wartet im Kreis)',
    );
    // The entry points of both sides are these renderings of explainChain's result, nothing else.
    expect(describePledge(entries[0] as ExplainedPledge, lookup)).toBe(describeExplanation(chain));
    expect(explainPledge(entries[0] as ExplainedPledge, lookup, de)).toBe(explanationText(chain, de));
  });

  it('gives, for every pledge of a scenario, the renderings of the one chain (or none on both sides)', () => {
    const dataset = preparedSmallDataset();
    const scenarios: Map<string, FactValue>[] = [new Map(), new Map([['ceasefire', true]]), new Map([['ceasefire', true], ['us_backstop', false]])];
    let explained = 0;
    for (const facts of scenarios) {
      const result = evaluateScenario(dataset, { facts });
      const candidates = new Map(result.pledges.filter((pledge) => pledge.candidate).map((pledge) => [pledge.id, pledge]));
      const resultLookup = (id: string) => candidates.get(id);
      for (const words of [en, de]) {
        const explain = createExplainer(result.pledges, words);
        for (const pledge of result.pledges) {
          const chain = explainChain(pledge, resultLookup);
          expect(pledge.explanation, pledge.id).toBe(chain === undefined ? null : describeExplanation(chain));
          expect(explain(pledge), pledge.id).toBe(chain === undefined ? null : explanationText(chain, words));
          if (chain !== undefined) explained += 1;
        }
      }
    }
    expect(explained).toBeGreaterThan(0);
  });
});
