import { describe, expect, it } from 'vitest';
import { activationPledge as pledge, factMap } from '../../../test/support/model-builders.js';
import { referenceFixedPoint } from '../../../test/support/reference-activation.js';
import { compileNetwork } from './compile-network.js';
import { FEED_ROOM, SPARSE_ROUND } from './fixed-point-scratch.js';
import { toInputOrder } from './network-order.js';
import { runFixedPoint } from './run-fixed-point.js';

// Feeding a round: dense rounds read each pledge's feed list in place, sparse ones gather many lists into a buffer
// first (feed-round.ts). The random models of the property tests have both kinds of round but never fill the
// buffer; this model does.

const AREA_COUNT = 120;

// 100 pledges that hold at once, each feeding AREA_COUNT area totals (its areas are `any`), among 1,400 pledges:
// the least runs' first round is sparse and its feed lists overflow the buffer. Watchers of each area total and
// fillers that never hold make up the rest.
function buildModel() {
  const triggers = Array.from({ length: 100 }, (_, i) =>
    pledge(`t${i}`, `T${i}`, 'ceasefire', { areas: ['any'], quantity: { min: 1, max: 2 } }),
  );
  const watchers = Array.from({ length: AREA_COUNT }, (_, k) =>
    pledge(`w${k}`, 'W', `total(land.personnel, area=ua.z${k}) >= ${40 + k}`, { areas: ['outside_ua'] }),
  );
  const fillers = Array.from({ length: 1400 - 100 - AREA_COUNT }, (_, i) => pledge(`f${i}`, `F${i % 50}`, 'violation and active(W)'));
  return [...fillers.slice(0, 500), ...triggers, ...watchers, ...fillers.slice(500)];
}

describe('feeding: sparse rounds', () => {
  const pledges = buildModel();
  const network = compileNetwork(pledges);

  it('the model has a sparse round whose feed lists do not fit the buffer at once', () => {
    const triggerFeeds = pledges.reduce((sum, p, i) => {
      if (!p.id.startsWith('t')) return sum;
      const at = network.inputIndex === undefined ? i : network.inputIndex.indexOf(i);
      return sum + (network.feedStart[at + 1] as number) - (network.feedStart[at] as number);
    }, 0);
    expect(100 * SPARSE_ROUND).toBeLessThan(pledges.length);
    expect(triggerFeeds).toBeGreaterThan(FEED_ROOM);
  });

  for (const ceasefire of [true, false] as const) {
    it(`gives the reference's fixed points (ceasefire ${ceasefire})`, () => {
      const facts = factMap({ ceasefire, violation: false });
      const values = network.factIds.map((id) => facts.get(id));
      for (const optimistic of [false, true]) {
        for (const greatest of [true, false]) {
          const active = toInputOrder(runFixedPoint(network, values, { optimistic, greatest }).active, network.inputIndex);
          const engine = [...active.keys()].filter((i) => active[i] === 1);
          const reference = [...referenceFixedPoint(pledges, facts, { optimistic, greatest })].sort((a, b) => a - b);
          expect(engine, `${optimistic ? 'optimistic' : 'pessimistic'} ${greatest ? 'greatest' : 'least'}`).toEqual(reference);
        }
      }
      // With a ceasefire the 100 triggers give every area total 100 (pessimistic), so the watchers up to 100 hold.
      const least = toInputOrder(runFixedPoint(network, values, { optimistic: false, greatest: false }).active, network.inputIndex);
      const watchersActive = pledges.filter((p, i) => p.id.startsWith('w') && least[i] === 1).length;
      expect(watchersActive).toBe(ceasefire ? 61 : 0);
    });
  }
});
