import { describe, expect, it } from 'vitest';
import type { CommitmentOutcome, WhatIfResult } from '../../../core/guarantees/what-if-violated.js';
import { buildKindLines, guaranteesRequest, headlineCounts, orderCommitments, reasonOnly } from './guarantees.data.js';

const commitment = (id: string, party: string, after: CommitmentOutcome['after'], extra: Partial<CommitmentOutcome> = {}): CommitmentOutcome => ({
  id,
  party,
  status: 'announced',
  condition: 'ceasefire and violation',
  responses: ['military'],
  responseTime: 'not stated',
  sources: [],
  before: 'inactive',
  after,
  candidate: true,
  excluded: null,
  reasons: [],
  explanation: null,
  needs: [],
  waitsFor: [],
  ...extra,
});

const result = (commitments: CommitmentOutcome[], responses: WhatIfResult['responses'], summary: WhatIfResult['summary']): WhatIfResult => ({
  trigger: 'violation',
  asOf: null,
  minStatus: 'announced',
  facts: [],
  commitments,
  responses,
  coverage: [],
  unlockers: [],
  unanswered: { responseKinds: [], parties: [], pending: [], withdrawn: [] },
  summary,
});

describe('the Guarantees page’s data', () => {
  it('asks after a ceasefire by default, keeps the other switches and never sends the trigger itself', () => {
    const overrides = new Map<string, boolean | 'unknown'>([['us_backstop', true], ['violation', false], ['ceasefire', false]]);
    const known = new Set(['ceasefire', 'violation', 'us_backstop']);
    expect(guaranteesRequest(overrides, true, '2026-01-10', known)).toEqual({ facts: [{ id: 'us_backstop', value: true }, { id: 'ceasefire', value: true }], asOf: '2026-01-10' });
    expect(guaranteesRequest(overrides, false, undefined, known)).toEqual({ facts: [{ id: 'us_backstop', value: true }, { id: 'ceasefire', value: false }] });
    expect(guaranteesRequest(new Map(), true, undefined, new Set(['violation']))).toEqual({ facts: [] });
  });

  it('lists each answerable kind with its parties, certain before possible, each party once', () => {
    const outcome = result(
      [commitment('a', 'COW', 'possible'), commitment('b', 'COW', 'certain'), commitment('c', 'IT', 'certain')],
      [
        { kind: 'military', certain: [], possible: ['a'], parties: ['COW'] },
        { kind: 'diplomatic', certain: ['b'], possible: ['a'], parties: ['COW'] },
        { kind: 'unstated', certain: ['c'], possible: [], parties: ['IT'] },
      ],
      { commitments: 3, certain: 2, possible: 1, inactive: 0, excluded: 0 },
    );
    expect(buildKindLines(outcome)).toEqual([
      { kind: 'military', certain: [], possible: ['COW'] },
      { kind: 'intelligence', certain: [], possible: [] },
      { kind: 'air_defence', certain: [], possible: [] },
      { kind: 'sanctions', certain: [], possible: [] },
      { kind: 'financial', certain: [], possible: [] },
      { kind: 'diplomatic', certain: ['COW'], possible: [] },
    ]);
  });

  it('orders commitments certain, possible, inactive, withdrawn; counts withdrawn apart from inactive', () => {
    const list = [
      commitment('w', 'US', 'inactive', { candidate: false, excluded: 'withdrawn on 2026-01-06' }),
      commitment('i', 'DE', 'inactive'),
      commitment('p', 'COW', 'possible'),
      commitment('c', 'IT', 'certain'),
    ];
    expect(orderCommitments(list).map((c) => c.id)).toEqual(['c', 'p', 'i', 'w']);
    expect(headlineCounts(result(list, [], { commitments: 4, certain: 1, possible: 1, inactive: 2, excluded: 1 }))).toEqual({ certain: 1, possible: 1, inactive: 1, excluded: 1 });
  });

  it('drops the "<id> <state>:" of an explanation, the state being shown as a badge', () => {
    expect(reasonOnly('cow-g1 possible: needs Legally binding guarantees (unknown)', 'cow-g1')).toBe('needs Legally binding guarantees (unknown)');
    expect(reasonOnly('us-g1 inaktiv: zurückgezogen am 2026-01-06', 'us-g1')).toBe('zurückgezogen am 2026-01-06');
    expect(reasonOnly(null, 'x')).toBe('');
  });
});
