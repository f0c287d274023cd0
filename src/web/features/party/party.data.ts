import type { ScenarioPledge, ScenarioJson } from '../../../core/scenario/evaluate-scenario.js';
import type { BurdenRow as BurdenSharingRow } from '../../../core/funding/compute-burden-sharing.js';
import type { Pledge } from '../../../core/types.js';
import type { Contribution } from '../../../contracts/records.schema.js';
import { buildPledgeRows, type PledgeRow } from '../pledges/pledges.data.js';

// One party's page: its pledges with conditions, activation states and explanations, and every source cited.

/** The party's pledges under the scenario (the pledge list's rows, filtered to the party). */
export function buildPartyPledges(party: string, pledges: readonly Pledge[], result: ScenarioJson, explain: (pledge: ScenarioPledge) => string | null): PledgeRow[] {
  return buildPledgeRows(pledges.filter((pledge) => pledge.party === party), result, explain);
}

/** Every source cited by the party's rows, once, in order of first citation. */
export function collectSources(rows: readonly { sources?: readonly string[] }[]): string[] {
  return [...new Set(rows.flatMap((row) => row.sources ?? []))];
}

/** Contributions naming the party as a donor (a joint contribution lists several donors). */
export function contributionsOf(party: string, contributions: readonly Contribution[]): Contribution[] {
  return contributions.filter((contribution) => contribution.donors.some((donor) => donor.party === party));
}

// GET /api/burden (docs/funding.md): money against a fair share by GDP, ranked by % of GDP.
/** The fields of a burden-sharing row the party page reads. */
export type BurdenRow = Pick<BurdenSharingRow, 'rank' | 'party' | 'purl' | 'otherFinance' | 'money' | 'liability' | 'shareOfGdp' | 'fairShare' | 'gap'>;
export interface Burden {
  currency: string;
  asOf: string;
  rows: BurdenRow[];
  outsideKey: BurdenRow[];
  gdp: { source: string; referenceYear: number };
  /** Decided plans' amounts converted at the as-of date (the conversion null when none was needed). */
  liabilities?: { conversion: { rates: { date: string }[] } | null }[];
  otherFinance?: { conversion: { rates: { date: string }[] } | null }[];
}

/** The party's burden-sharing figures with how many parties are ranked, or null when it is not listed. */
export function burdenOf(party: string, burden: Burden): { row: BurdenRow; ranked: number; percentOfGdp: number | null } | null {
  const row = burden.rows.find((entry) => entry.party === party) ?? burden.outsideKey.find((entry) => entry.party === party);
  if (!row) return null;
  return { row, ranked: burden.rows.length, percentOfGdp: row.shareOfGdp === null ? null : Math.round(row.shareOfGdp * 100_000) / 1000 };
}
