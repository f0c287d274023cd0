import { briefingText, type BriefingLanguage } from '../briefing/briefing-text.js';
import type { Capability, Party, Pledge } from '../types.js';

// A pledge's cells in the pledge table's words (web/features/pledges/pledge-table.tsx): parties and capabilities
// by name, areas, statuses and states in words, quantities with their units. The server searches, sorts and
// exports the pledge list by these texts, so they match what the table shows (a web test holds the two equal).

export type PledgeListLanguage = BriefingLanguage;
export const PLEDGE_LIST_LANGUAGES = ['en', 'de'] as const;

export type PledgeRowState = 'certain' | 'possible' | 'inactive';

/** The table's columns, in the order the pages show them; `sources` is always last. */
export const PLEDGE_LIST_COLUMNS = ['id', 'party', 'capability', 'quantity', 'status', 'condition', 'state', 'explanation', 'sources'] as const;
export type PledgeListColumn = (typeof PLEDGE_LIST_COLUMNS)[number];

// The words of the table that the briefing pack does not have (the web's message tables hold the same words).
const WORDS = {
  en: {
    headers: { id: 'Pledge', party: 'Party', capability: 'Capability', quantity: 'Quantity', status: 'Status', condition: 'Condition', state: 'State', explanation: 'Why', sources: 'Sources', asOf: 'As of' },
    units: { persons: 'persons', units: 'units', platforms: 'platforms', systems: 'systems', rounds: 'rounds', money: 'money', sites: 'sites' },
    noNumber: 'no number',
  },
  de: {
    headers: { id: 'Zusage', party: 'Partei', capability: 'Fähigkeit', quantity: 'Menge', status: 'Status', condition: 'Bedingung', state: 'Zustand', explanation: 'Warum', sources: 'Quellen', asOf: 'Stand' },
    units: { persons: 'Personen', units: 'Einheiten', platforms: 'Plattformen', systems: 'Systeme', rounds: 'Schuss', money: 'Geld', sites: 'Standorte' },
    noNumber: 'keine Zahl',
  },
} as const;

/** The table's words in a language: column headers, units, states, statuses and areas. */
export function pledgeListWords(language: PledgeListLanguage) {
  const briefing = briefingText(language);
  return { ...WORDS[language], states: briefing.states, statuses: briefing.pledgeStatuses, areas: briefing.areas };
}

/** What names a row's ids: the dataset's parties and capabilities. */
export interface PledgeNames {
  parties: ReadonlyMap<string, Party>;
  capabilities: ReadonlyMap<string, Capability>;
}

/** Reads a pledge's cells in one language (made once per request: it keeps its formatters). */
export interface PledgeTexts {
  party: (id: string) => string;
  capability: (id: string) => string;
  /** The capability cell: its name, then the areas in words. */
  capabilityCell: (pledge: Pledge) => string;
  quantity: (pledge: Pledge) => string;
  status: (status: string) => string;
  state: (state: PledgeRowState) => string;
  area: (area: string) => string;
}

/** The cell texts of a language, names looked up in `names` (a party outside them by its country's name). */
export function pledgeTexts(language: PledgeListLanguage, names: PledgeNames): PledgeTexts {
  const words = pledgeListWords(language);
  const number = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  const regions = regionNames(language);
  const party = (id: string): string => names.parties.get(id)?.name[language] ?? countryName(regions, id);
  const capability = (id: string): string => names.capabilities.get(id)?.name[language] ?? id;
  const area = (id: string): string => words.areas[id] ?? id;
  const unit = (id: string): string => {
    const known = names.capabilities.get(id)?.unit;
    return known === undefined ? '' : words.units[known];
  };
  return {
    party,
    capability,
    capabilityCell: (pledge) => `${capability(pledge.capability)} · ${pledge.areas.map(area).join(', ')}`,
    quantity: (pledge) => {
      if (!pledge.quantity) return words.noNumber;
      const { min, max } = pledge.quantity;
      const figure = min === max ? number.format(min) : `${number.format(min)}–${number.format(max)}`;
      const named = unit(pledge.capability);
      return named ? `${figure} ${named}` : figure;
    },
    status: (status) => words.statuses[status] ?? status,
    state: (state) => words.states[state] ?? state,
    area,
  };
}

function regionNames(language: PledgeListLanguage): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return null;
  }
}

// A two-letter code by the country's name (as the browser names it: Intl.DisplayNames), else the id.
function countryName(regions: Intl.DisplayNames | null, code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return regions?.of(code) ?? code;
  } catch {
    return code;
  }
}
