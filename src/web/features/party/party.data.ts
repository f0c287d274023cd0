import type { ScenarioResult } from '../../../core/scenario/evaluate-scenario.js';
import type { Pledge } from '../../../core/types.js';
import type { Contribution } from '../../../contracts/records.schema.js';

// One party's page: its pledges with conditions, activation states and explanations, and every source cited.

export interface PartyPledgeRow {
  id: string;
  capability: string;
  quantity: Pledge['quantity'];
  areas: string[];
  status: Pledge['status'];
  condition: string;
  state: 'certain' | 'possible' | 'inactive';
  explanation: string | null;
  sources: string[];
  note: string | undefined;
}

/** The party's pledges under the scenario (records give sources and notes, the result gives states). */
export function buildPartyPledges(party: string, pledges: readonly Pledge[], result: ScenarioResult): PartyPledgeRow[] {
  const evaluated = new Map(result.pledges.map((pledge) => [pledge.id, pledge]));
  return pledges
    .filter((pledge) => pledge.party === party)
    .map((pledge) => {
      const entry = evaluated.get(pledge.id);
      return {
        id: pledge.id,
        capability: pledge.capability,
        quantity: pledge.quantity,
        areas: pledge.areas,
        status: pledge.status,
        condition: pledge.condition,
        state: entry?.state ?? 'inactive',
        explanation: entry?.explanation ?? null,
        sources: pledge.sources,
        note: pledge.note,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Every source cited by the party's rows, once, in order of first citation. */
export function collectSources(rows: readonly { sources?: readonly string[] }[]): string[] {
  return [...new Set(rows.flatMap((row) => row.sources ?? []))];
}

/** Contributions naming the party as a donor (a joint contribution lists several donors). */
export function contributionsOf(party: string, contributions: readonly Contribution[]): Contribution[] {
  return contributions.filter((contribution) => contribution.donors.some((donor) => donor.party === party));
}
