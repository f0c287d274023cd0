import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePledge, makeRequirement } from '../../../test/support/model-builders.js';
import { diffCandidates } from '../scenario/compare-candidates.js';
import type { Pledge } from '../types.js';
import { indexCoverage } from './index-coverage.js';
import { remapCoverage } from './remap-coverage.js';

// An index remapped after candidates were removed, inserted or changed in capability or areas equals one built anew,
// field by field: on random pledges and requirements and random sequences of such edits (each index remapped from
// the last, through diffCandidates as compiled-candidates.ts does it), including a capability losing its last
// pledge or gaining its first.

const CAPABILITIES = ['land.personnel', 'air.fighters', 'air.isr', 'maritime.vessels'];
const AREAS = ['any', 'ua', 'ua.rear', 'ua.front', 'outside_ua', 'ua.rear.kyiv'];

const placeArbitrary = fc.record({
  capability: fc.constantFrom(...CAPABILITIES),
  areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 3 }),
});

const requirementArbitrary = fc.record({
  capability: fc.constantFrom(...CAPABILITIES),
  area: fc.constantFrom(...AREAS),
  priority: fc.integer({ min: 1, max: 3 }),
});

// An edit at a relative position: remove the pledge there, insert a new one before it, or move it to another place.
const editArbitrary = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.constantFrom('remove', 'insert', 'replace'), placeArbitrary);

describe('a coverage index remapped after candidate edits equals one built anew', () => {
  it('on 2,000 random pledge sets and sequences of up to 6 edits', () => {
    fc.assert(
      fc.property(fc.array(placeArbitrary, { maxLength: 30 }), fc.array(requirementArbitrary, { maxLength: 5 }), fc.array(fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (places, shapes, steps) => {
        let fresh = 0;
        let pledges: Pledge[] = places.map((place) => makePledge(`p${fresh++}`, place));
        const requirements = shapes.map((shape, i) => makeRequirement(`r${i}`, 10, shape));
        let index = indexCoverage(requirements, pledges);
        for (const edits of steps) {
          const next = [...pledges];
          for (const [at, kind, place] of edits) {
            const i = Math.floor(at * (next.length + (kind === 'insert' ? 1 : 0)));
            if (kind === 'insert') next.splice(i, 0, makePledge(`n${fresh++}`, place));
            else if (next[i] === undefined) continue;
            else if (kind === 'remove') next.splice(i, 1);
            else next[i] = { ...(next[i] as Pledge), ...place };
          }
          const diff = diffCandidates(pledges, next, new Map(pledges.map((pledge, p) => [pledge.id, p])), 16);
          if (!diff) throw new Error('at most 6 edits: the diff is found');
          const remapped = remapCoverage(index, next, diff.oldToNew, diff.inserted);
          expect(remapped).toEqual(indexCoverage(requirements, next));
          pledges = next;
          index = remapped;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
