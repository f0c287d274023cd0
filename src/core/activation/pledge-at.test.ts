import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsArbitrary, pledgesArbitrary } from '../../../test/support/random-models.js';
import { compileNetwork } from './compile-network.js';
import { evaluateNetwork } from './evaluate-activation.js';

// result.pledgeAt(i) builds one pledge's reasons alone (a page of a response); it must equal result.pledges[i], which
// builds every pledge's at once — read first, after the whole list, and after the reasons alone.

describe('ActivationResult.pledgeAt', () => {
  it('equals pledges[i] on 1,000 random models, whichever is read first', () => {
    fc.assert(
      fc.property(pledgesArbitrary, factsArbitrary, (pledges, facts) => {
        const network = compileNetwork(pledges);
        const alone = evaluateNetwork(network, facts);
        const single = pledges.map((_, i) => alone.pledgeAt(i));
        const afterReasons = evaluateNetwork(network, facts);
        void afterReasons.reasons;
        const fromReasons = pledges.map((_, i) => afterReasons.pledgeAt(i));
        const whole = evaluateNetwork(network, facts);
        const all = whole.pledges;
        expect(single).toEqual(all);
        expect(fromReasons).toEqual(all);
        expect(pledges.map((_, i) => whole.pledgeAt(i))).toEqual(all);
      }),
      { numRuns: 1000 },
    );
  });
});
