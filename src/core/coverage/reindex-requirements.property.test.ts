import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePledge, makeRequirement } from '../../../test/support/model-builders.js';
import type { Requirement } from '../types.js';
import { indexCoverage } from './index-coverage.js';
import { reindexRequirements } from './reindex-requirements.js';

// An index patched for changed requirements equals one built anew, field by field: on random pledges and random
// sequences of requirement writes (created, deleted, updated in capability, area, priority or quantity only —
// including a capability gaining its first requirement or losing its last), each index patched from the last.

const CAPABILITIES = ['land.personnel', 'air.fighters', 'air.isr', 'maritime.vessels'];
const AREAS = ['any', 'ua', 'ua.rear', 'ua.front', 'outside_ua', 'ua.rear.kyiv'];
const IDS = ['r0', 'r1', 'r2', 'r3', 'r4'];

const pledgeArbitrary = fc.record({
  capability: fc.constantFrom(...CAPABILITIES),
  areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 3 }),
  id: fc.integer({ min: 0, max: 999 }),
});

const requirementArbitrary = fc.record({
  id: fc.constantFrom(...IDS),
  capability: fc.constantFrom(...CAPABILITIES),
  area: fc.constantFrom(...AREAS),
  priority: fc.integer({ min: 1, max: 3 }),
  quantity: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
});

// A write: the requirement with the drawn id replaced (or created), deleted, or only its quantity changed.
const writeArbitrary = fc.tuple(requirementArbitrary, fc.constantFrom('write', 'write', 'delete', 'quantity'));

type Shape = { id: string; capability: string; area: string; priority: number; quantity: number | null };

function applyWrite(requirements: Requirement[], [shape, kind]: [Shape, string]): Requirement[] {
  const existing = requirements.find((requirement) => requirement.id === shape.id);
  if (kind === 'delete') return requirements.filter((requirement) => requirement.id !== shape.id);
  const record = kind === 'quantity' && existing ? { ...existing, quantity: shape.quantity } : makeRequirement(shape.id, shape.quantity, { capability: shape.capability, area: shape.area, priority: shape.priority });
  return existing ? requirements.map((requirement) => (requirement.id === shape.id ? record : requirement)) : [...requirements, record];
}

describe('a coverage index patched for changed requirements equals one built anew', () => {
  it('on 2,000 random pledge sets and sequences of up to 8 requirement writes', () => {
    let kept = 0;
    fc.assert(
      fc.property(fc.array(pledgeArbitrary, { maxLength: 30 }), fc.array(requirementArbitrary, { maxLength: 4 }), fc.array(writeArbitrary, { minLength: 1, maxLength: 8 }), (shapes, initial, writes) => {
        const used = new Set<string>();
        const pledges = shapes.map((shape) => {
          let id = `p${shape.id}`;
          while (used.has(id)) id = `${id}x`;
          used.add(id);
          return makePledge(id, { capability: shape.capability, areas: shape.areas });
        });
        let requirements = [...new Map(initial.map((shape) => [shape.id, makeRequirement(shape.id, shape.quantity, shape)])).values()];
        let index = indexCoverage(requirements, pledges);
        for (const write of writes) {
          requirements = applyWrite(requirements, write);
          const patched = reindexRequirements(index, requirements, pledges);
          expect(patched).toEqual(indexCoverage(requirements, pledges));
          kept += [...patched.byCapability.values()].filter((positions) => [...index.byCapability.values()].includes(positions)).length;
          index = patched;
        }
      }),
      { numRuns: 2000 },
    );
    // Lists of capabilities whose requirements did not change are kept.
    expect(kept).toBeGreaterThan(1000);
  });
});
