import type { Pledge, QuantityRange } from '../types.js';

// What the map draws of a scenario (docs/web.md `/map`), per party and domain (the part of a capability before the
// dot) and for every domain together: how many of the party's candidate pledges are certain, possible or inactive,
// the strongest of those states, the sums per capability, and the first few pledges — from the evaluation's states,
// in one pass over the pledges, so a page draws the map without loading every pledge.

export type PledgeState = 'certain' | 'possible' | 'inactive';

/** A party's candidate pledges in one domain, or in every domain (`domain` null). */
export interface PartyDomainCell {
  party: string;
  /** The domain (`land` of `land.personnel`); null for every domain together. */
  domain: string | null;
  /** The strongest state among the pledges: certain, else possible, else inactive. */
  level: PledgeState;
  certain: number;
  possible: number;
  inactive: number;
  /** Sums per capability of the pledges that give a figure, capabilities in order of first pledge. */
  totals: { capability: string; min: number; max: number }[];
  /** The first pledges (dataset order), at most the requested number; the counts say how many there are. */
  pledges: { id: string; capability: string; quantity: QuantityRange | null; state: PledgeState }[];
}

export interface PartyDomainAggregate {
  /** Every domain any pledge is in (candidate or not), sorted. */
  domains: string[];
  /** One cell per party and domain with a candidate pledge, and one per party for every domain; by party, then domain (null first). */
  cells: PartyDomainCell[];
}

export interface PartyDomainInput {
  /** The dataset's pledges, in dataset order. */
  pledges: readonly Pick<Pledge, 'id' | 'party' | 'capability' | 'quantity'>[];
  /** Per pledge: 2 certain, 1 possible, 0 inactive (ScenarioResult.states). */
  states: Uint8Array;
  /** Per pledge: its position among the candidates, or -1 when it is not one (withdrawn, superseded, not yet announced…). */
  candidateOf: Int32Array;
  /** How many pledges each cell lists. */
  pledgesPerCell: number;
}

const STATE_NAMES: readonly PledgeState[] = ['inactive', 'possible', 'certain'];

/** `land.personnel` → `land`. */
export function domainOf(capability: string): string {
  const dot = capability.indexOf('.');
  return dot < 0 ? capability : capability.slice(0, dot);
}

/** Per party and domain (and for every domain), the counts by state, the strongest state, the totals and the first pledges. */
export function aggregatePartyDomains(input: PartyDomainInput): PartyDomainAggregate {
  const { pledges, states, candidateOf, pledgesPerCell } = input;
  const domains = new Set<string>();
  const byParty = new Map<string, Map<string | null, Builder>>();
  for (let i = 0; i < pledges.length; i++) {
    const pledge = pledges[i] as PartyDomainInput['pledges'][number];
    const domain = domainOf(pledge.capability);
    domains.add(domain);
    if ((candidateOf[i] as number) < 0) continue;
    let cells = byParty.get(pledge.party);
    if (!cells) {
      cells = new Map();
      byParty.set(pledge.party, cells);
    }
    const state = states[i] as number;
    for (const key of [null, domain]) {
      let cell = cells.get(key);
      if (!cell) {
        cell = { counts: [0, 0, 0], totals: new Map(), pledges: [] };
        cells.set(key, cell);
      }
      addPledge(cell, pledge, state, pledgesPerCell);
    }
  }
  const cells: PartyDomainCell[] = [];
  for (const party of [...byParty.keys()].sort()) {
    const ofParty = byParty.get(party) as Map<string | null, Builder>;
    const keys = [...ofParty.keys()].filter((key): key is string => key !== null).sort();
    for (const domain of [null, ...keys]) cells.push(finish(party, domain, ofParty.get(domain) as Builder));
  }
  return { domains: [...domains].sort(), cells };
}

interface Builder {
  counts: [number, number, number];
  totals: Map<string, { min: number; max: number }>;
  pledges: PartyDomainCell['pledges'];
}

function addPledge(cell: Builder, pledge: PartyDomainInput['pledges'][number], state: number, limit: number): void {
  cell.counts[state as 0 | 1 | 2] += 1;
  if (cell.pledges.length < limit) cell.pledges.push({ id: pledge.id, capability: pledge.capability, quantity: pledge.quantity, state: STATE_NAMES[state] as PledgeState });
  if (!pledge.quantity) return;
  const total = cell.totals.get(pledge.capability);
  if (total) {
    total.min += pledge.quantity.min;
    total.max += pledge.quantity.max;
  } else cell.totals.set(pledge.capability, { min: pledge.quantity.min, max: pledge.quantity.max });
}

function finish(party: string, domain: string | null, cell: Builder): PartyDomainCell {
  const [inactive, possible, certain] = cell.counts;
  const level: PledgeState = certain > 0 ? 'certain' : possible > 0 ? 'possible' : 'inactive';
  const totals = [...cell.totals].map(([capability, sum]) => ({ capability, min: sum.min, max: sum.max }));
  return { party, domain, level, certain, possible, inactive, totals, pledges: cell.pledges };
}
