import type { Capability } from './types.js';

/** The capability catalogue of DESIGN.md §3; a dataset may add its own `domain.kind` entries. */
export const CAPABILITY_CATALOGUE: readonly Capability[] = [
  { id: 'land.personnel', unit: 'persons', name: { en: 'Ground personnel', de: 'Bodentruppen' } },
  { id: 'land.brigade_equipment', unit: 'units', name: { en: 'Brigade equipment sets', de: 'Brigadeausrüstung' } },
  { id: 'air.fighters', unit: 'platforms', name: { en: 'Fighter aircraft', de: 'Kampfflugzeuge' } },
  { id: 'air.isr', unit: 'platforms', name: { en: 'Air ISR', de: 'Luftaufklärung' } },
  { id: 'air.policing', unit: 'platforms', name: { en: 'Air policing', de: 'Luftraumüberwachung' } },
  { id: 'air_defence.systems', unit: 'systems', name: { en: 'Air defence systems', de: 'Luftverteidigungssysteme' } },
  { id: 'air_defence.interceptors', unit: 'rounds', name: { en: 'Interceptors', de: 'Abfangraketen' } },
  { id: 'maritime.vessels', unit: 'platforms', name: { en: 'Naval vessels', de: 'Marineschiffe' } },
  { id: 'maritime.mine_countermeasures', unit: 'platforms', name: { en: 'Mine countermeasures', de: 'Minenabwehr' } },
  { id: 'training.trainees_per_year', unit: 'persons', name: { en: 'Trainees per year', de: 'Ausbildung pro Jahr' } },
  { id: 'monitoring.observers', unit: 'persons', name: { en: 'Ceasefire monitors', de: 'Waffenstillstandsbeobachter' } },
  { id: 'logistics.hub', unit: 'sites', name: { en: 'Logistics hubs', de: 'Logistikdrehkreuze' } },
  { id: 'intelligence.support', unit: 'units', name: { en: 'Intelligence support', de: 'Nachrichtendienstliche Unterstützung' } },
  { id: 'industry.long_range_missiles', unit: 'money', name: { en: 'Long-range missile production', de: 'Produktion weitreichender Raketen' } },
  { id: 'finance.grant', unit: 'money', name: { en: 'Grants', de: 'Zuschüsse' } },
  { id: 'finance.loan', unit: 'money', name: { en: 'Loans', de: 'Darlehen' } },
  // What a guarantee commitment pledges: a response when its trigger fires; the kinds are in its guarantee terms.
  { id: 'guarantee.response', unit: 'units', name: { en: 'Guarantee commitment', de: 'Beistandszusage' } },
];
