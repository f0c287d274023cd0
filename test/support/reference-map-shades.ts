import type { ScenarioPledge } from '../../src/core/scenario/evaluate-scenario.js';
import type { QuantityRange } from '../../src/core/types.js';

// The map's shading as the web computed it from every evaluated pledge before the server aggregated it
// (src/core/party-domains/aggregate-party-domains.ts): the brute-force reference of its property test.

export type ReferenceLevel = 'certain' | 'possible' | 'inactive' | 'none';

export interface ReferenceShade {
  party: string;
  level: ReferenceLevel;
  pledges: { id: string; capability: string; quantity: QuantityRange | null; state: ScenarioPledge['state'] }[];
  totals: { capability: string; min: number; max: number }[];
}

/** The domains (the part of a capability before the dot) that have pledges, sorted. */
export function referenceDomains(pledges: readonly { capability: string }[]): string[] {
  return [...new Set(pledges.map((pledge) => pledge.capability.split('.')[0] ?? pledge.capability))].sort();
}

const RANK: Record<ReferenceLevel, number> = { none: 0, inactive: 1, possible: 2, certain: 3 };

/** Per party: its candidate pledges in the domain ('all' for every domain) and the strongest state among them. */
export function referenceShades(pledges: readonly ScenarioPledge[], domain: string): Map<string, ReferenceShade> {
  const shades = new Map<string, ReferenceShade>();
  for (const pledge of pledges) {
    if (!pledge.candidate) continue;
    if (domain !== 'all' && (pledge.capability.split('.')[0] ?? pledge.capability) !== domain) continue;
    const shade = shades.get(pledge.party) ?? { party: pledge.party, level: 'none' as ReferenceLevel, pledges: [], totals: [] };
    shade.pledges.push({ id: pledge.id, capability: pledge.capability, quantity: pledge.quantity, state: pledge.state });
    if (RANK[pledge.state] > RANK[shade.level]) shade.level = pledge.state;
    if (pledge.quantity) {
      const total = shade.totals.find((entry) => entry.capability === pledge.capability);
      if (total) {
        total.min += pledge.quantity.min;
        total.max += pledge.quantity.max;
      } else shade.totals.push({ capability: pledge.capability, min: pledge.quantity.min, max: pledge.quantity.max });
    }
    shades.set(pledge.party, shade);
  }
  return shades;
}
