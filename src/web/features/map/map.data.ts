import type { ScenarioPledge } from '../../../core/scenario/evaluate-scenario.js';
import type { QuantityRange } from '../../../core/types.js';

// The map's data: which parties contribute in a domain, how strongly under the current scenario, and the
// figures for the hover box. world-atlas names countries by ISO 3166 numeric code; parties use alpha-2.

export const ISO_NUMERIC_TO_ALPHA2: Readonly<Record<string, string>> = {
  '008': 'AL', '040': 'AT', '036': 'AU', '056': 'BE', '100': 'BG', '124': 'CA', '196': 'CY', '203': 'CZ', '276': 'DE',
  '208': 'DK', '233': 'EE', '724': 'ES', '246': 'FI', '250': 'FR', '826': 'GB', '300': 'GR', '191': 'HR', '348': 'HU',
  '372': 'IE', '352': 'IS', '380': 'IT', '392': 'JP', '440': 'LT', '442': 'LU', '428': 'LV', '499': 'ME', '528': 'NL',
  '578': 'NO', '554': 'NZ', '616': 'PL', '620': 'PT', '642': 'RO', '752': 'SE', '705': 'SI', '703': 'SK', '792': 'TR',
  '804': 'UA', '840': 'US', '807': 'MK', '688': 'RS', '070': 'BA', '498': 'MD', '112': 'BY', '643': 'RU', '756': 'CH',
  '470': 'MT',
};

/** Longitude/latitude box of the European map; parties outside it are listed as partners. */
export const EUROPE_BOX = { west: -25, south: 34, east: 45, north: 71 } as const;
export const PARTNERS_OUTSIDE_EUROPE = new Set(['US', 'CA', 'AU', 'NZ', 'JP']);

export type Level = 'certain' | 'possible' | 'inactive' | 'none';

export interface PartyShade {
  party: string;
  level: Level;
  pledges: { id: string; capability: string; quantity: QuantityRange | null; state: ScenarioPledge['state'] }[];
  /** Sums per capability of the quantified pledges (capabilities have one unit each). */
  totals: { capability: string; min: number; max: number }[];
}

/** The domains (the part of a capability before the dot) that have pledges, sorted. */
export function listDomains(pledges: readonly { capability: string }[]): string[] {
  return [...new Set(pledges.map((pledge) => domainOf(pledge.capability)))].sort();
}

/** `land.personnel` → `land`. */
export function domainOf(capability: string): string {
  return capability.split('.')[0] ?? capability;
}

const RANK: Record<Level, number> = { none: 0, inactive: 1, possible: 2, certain: 3 };

/** Per party: its pledges in the domain ('all' for every domain) and the strongest state among them. */
export function shadePartiesByDomain(pledges: readonly ScenarioPledge[], domain: string): Map<string, PartyShade> {
  const shades = new Map<string, PartyShade>();
  for (const pledge of pledges) {
    if (!pledge.candidate) continue;
    if (domain !== 'all' && domainOf(pledge.capability) !== domain) continue;
    const shade = shades.get(pledge.party) ?? { party: pledge.party, level: 'none' as Level, pledges: [], totals: [] };
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

/** The level of a world-atlas feature (by numeric id), 'none' when the party has no pledge there. */
export function levelOfFeature(numericId: string | number | undefined, shades: ReadonlyMap<string, PartyShade>): { party: string | undefined; level: Level } {
  const party = numericId === undefined ? undefined : ISO_NUMERIC_TO_ALPHA2[String(numericId).padStart(3, '0')];
  return { party, level: party ? (shades.get(party)?.level ?? 'none') : 'none' };
}
