import { describe, expect, it } from 'vitest';
import { type ExplainedPledge, explainChain, type Explanation } from '../../core/activation/explanation-chain.js';
import { CAPABILITY_CATALOGUE } from '../../core/capabilities.js';
import { explanationRenderer, explanationWords } from '../../core/pledge-list/explanation-text.js';
import { pledgeTexts } from '../../core/pledge-list/pledge-row-text.js';
import { smallDataset } from '../test-support/small-dataset.js';
import { explanationText, wordsFor } from './explanations.data.js';
import { areaName } from './labels.data.js';
import { type MessageKey, translate } from './messages.js';
import { partyNamer } from './party-names.data.js';

// The pledge list's export writes the "Why" column in the page's language with the server's copy of the
// explanation words (core/pledge-list/explanation-text.ts): they are the message tables' words, and a chain of
// every kind reads the same from either.

const parties = smallDataset().parties;
const names = { parties: new Map(parties.map((party) => [party.id, party])), capabilities: new Map(CAPABILITY_CATALOGUE.map((capability) => [capability.id, capability])) };

const entries: ExplainedPledge[] = [
  {
    id: 'a',
    state: 'inactive',
    reasons: [
      { kind: 'waits', party: 'GB', pledges: ['gb-1'], more: 0 },
      { kind: 'waits', party: 'US', pledges: [], more: 0 },
      { kind: 'any_of', options: [[{ kind: 'waits', party: 'PL', capability: 'air.fighters', pledges: ['pl-1', 'pl-2'], more: 1 }], [{ kind: 'fact', fact: 'ceasefire', negated: false, value: false }]] },
      { kind: 'waits', party: 'DE', pledges: ['a'], more: 0 },
      { kind: 'threshold', capability: 'land.personnel', area: 'ua.rear', aggregate: 'total', op: '>=', threshold: 12500, value: 2000 },
      { kind: 'threshold', capability: 'air.fighters', aggregate: 'count', op: '>', threshold: 2, value: 1 },
      { kind: 'fact', fact: 'escalation', negated: true, value: 'unknown' },
      { kind: 'false' },
    ],
  },
  { id: 'gb-1', state: 'inactive', reasons: [{ kind: 'waits', party: 'FR', pledges: ['fr-1'], more: 0 }] },
  { id: 'fr-1', state: 'possible', reasons: [{ kind: 'fact', fact: 'us_backstop', negated: false, value: 'unknown' }] },
  { id: 'pl-1', state: 'certain', reasons: [] },
];

describe('the export’s explanation words', () => {
  it('are the message tables’ words', () => {
    for (const language of ['en', 'de'] as const) {
      const { factValues, ...templates } = explanationWords(language);
      for (const [key, template] of Object.entries(templates)) expect(template, key).toBe(translate(language, `explain.${key}` as MessageKey));
      for (const [value, word] of Object.entries(factValues)) expect(word).toBe(translate(language, `fact.${value}` as MessageKey));
    }
  });

  it('render a chain of every kind as the page does', () => {
    const chain = explainChain(entries[0] as ExplainedPledge, (id) => entries.find((entry) => entry.id === id)) as Explanation;
    const gap: Explanation = { kind: 'gap', id: 'c', reasons: [{ kind: 'excluded', exclusion: { kind: 'withdrawn', on: '2026-01-01' } }, { kind: 'excluded', exclusion: { kind: 'superseded', by: 'd' } }, { kind: 'excluded', exclusion: { kind: 'not_yet_announced', announcedOn: '2026-02-01', asOf: '2026-01-01' } }, { kind: 'excluded', exclusion: { kind: 'below_min_status', status: 'announced', minStatus: 'committed' } }] };
    for (const language of ['en', 'de'] as const) {
      const t = (key: MessageKey): string => translate(language, key);
      const page = wordsFor(language, { party: partyNamer(language, parties), fact: (id) => id, area: (area) => areaName(t, area) });
      const server = explanationRenderer(language, pledgeTexts(language, names), (id) => id);
      for (const explanation of [chain, gap]) expect(server(explanation)).toBe(explanationText(explanation, page));
    }
  });
});
