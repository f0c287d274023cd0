import type { PartyDomainAggregate, PartyDomainCell } from '../../../core/party-domains/aggregate-party-domains.js';
import { formatQuantity } from '../../i18n/capabilities.data.js';
import type { Language } from '../../i18n/messages.js';

// The map's data: which parties contribute in a domain and how strongly under the current scenario (the server's
// aggregate per party and domain), and the figures for the hover box. world-atlas names countries by ISO 3166
// numeric code; parties use alpha-2.

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
  /** The first of the party's pledges in the domain (the hover box lists them). */
  pledges: PartyDomainCell['pledges'];
  /** How many pledges the party has in the domain beyond those listed. */
  more: number;
  /** Sums per capability of the quantified pledges (capabilities have one unit each). */
  totals: PartyDomainCell['totals'];
}

/** Per party with a pledge in the domain ('all' for every domain): its strongest state and its first pledges. */
export function shadePartiesByDomain(aggregate: PartyDomainAggregate, domain: string): Map<string, PartyShade> {
  const wanted = domain === 'all' ? null : domain;
  const shades = new Map<string, PartyShade>();
  for (const cell of aggregate.cells) {
    if (cell.domain !== wanted) continue;
    const count = cell.certain + cell.possible + cell.inactive;
    shades.set(cell.party, { party: cell.party, level: cell.level, pledges: cell.pledges, more: count - cell.pledges.length, totals: cell.totals });
  }
  return shades;
}

/** The level of a world-atlas feature (by numeric id), 'none' when the party has no pledge there. */
export function levelOfFeature(numericId: string | number | undefined, shades: ReadonlyMap<string, PartyShade>): { party: string | undefined; level: Level } {
  const party = numericId === undefined ? undefined : ISO_NUMERIC_TO_ALPHA2[String(numericId).padStart(3, '0')];
  return { party, level: party ? (shades.get(party)?.level ?? 'none') : 'none' };
}

/** The hover box's figure for a pledge: one number when min = max ("100 persons", not "100–100"), else the range. */
export function hoverFigure(language: Language, pledge: PartyDomainCell['pledges'][number]): string {
  return formatQuantity(language, pledge.quantity, pledge.capability);
}
