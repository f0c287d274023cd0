import { describe, expect, it } from 'vitest';
import { makePledge } from '../../../test/support/model-builders.js';
import type { Pledge } from '../types.js';
import { listNamedPledges } from './named-pledges.js';

describe('the pledges a changes report names by id', () => {
  const pledge = (id: string, party: string, min: number): Pledge => makePledge(id, { party, capability: 'land.personnel', quantity: { min, max: min } });
  const byId = (...list: Pledge[]) => new Map(list.map((item) => [item.id, item]));

  it('names changed, withdrawn and superseded pledges and their revisions, as at the end, else at the start, in id order', () => {
    const then = byId(pledge('c', 'FR', 10), pledge('w', 'DE', 5), pledge('s', 'PL', 1), pledge('gone', 'GB', 7), pledge('other', 'IT', 3));
    const now = byId(pledge('c', 'FR', 20), pledge('w', 'DE', 5), pledge('s', 'PL', 1), pledge('s2', 'PL', 2), pledge('other', 'IT', 3));
    const named = listNamedPledges(
      { added: [], removed: [], changed: [{ id: 'c', fields: [] }, { id: 'gone', fields: [] }], withdrawn: [{ id: 'w', party: 'DE', on: null }], superseded: [{ id: 's', party: 'PL', by: 's2' }] },
      then,
      now,
    );
    expect(named).toEqual([
      { id: 'c', party: 'FR', capability: 'land.personnel', quantity: { min: 20, max: 20 } },
      { id: 'gone', party: 'GB', capability: 'land.personnel', quantity: { min: 7, max: 7 } },
      { id: 's', party: 'PL', capability: 'land.personnel', quantity: { min: 1, max: 1 } },
      { id: 's2', party: 'PL', capability: 'land.personnel', quantity: { min: 2, max: 2 } },
      { id: 'w', party: 'DE', capability: 'land.personnel', quantity: { min: 5, max: 5 } },
    ]);
  });

  it('leaves out an id known at neither date', () => {
    expect(listNamedPledges({ added: [], removed: [], changed: [], withdrawn: [], superseded: [{ id: 'x', party: 'PL', by: 'y' }] }, new Map(), new Map())).toEqual([]);
  });
});
