import type { CommitmentOutcome, WhatIfResult } from '../../../core/guarantees/what-if-violated.js';
import type { FactValue, ResponseKind } from '../../../core/types.js';

// The Guarantees page's figures from the what-if result (docs/guarantees.md), without a browser: the request the
// page sends, one line per response kind, the commitments in reading order, and the sentences of what is left open.

/** The kinds a commitment can promise, without `unstated` (which is shown on the commitment, not as a kind to answer). */
export const ANSWERABLE_KINDS: readonly ResponseKind[] = ['military', 'intelligence', 'air_defence', 'sanctions', 'financial', 'diplomatic'];

/** The page's request: the scenario's fact switches, with a ceasefire in force unless the page is told otherwise. */
export function guaranteesRequest(overrides: ReadonlyMap<string, FactValue>, afterCeasefire: boolean, asOf: string | undefined, known: ReadonlySet<string>) {
  const facts = new Map(overrides);
  facts.delete('violation');
  if (afterCeasefire && known.has('ceasefire')) facts.set('ceasefire', true);
  return { facts: [...facts].map(([id, value]) => ({ id, value })), ...(asOf ? { asOf } : {}) };
}

export interface KindLine {
  kind: ResponseKind;
  /** The parties giving it for certain, and those giving it only possibly (not also for certain). */
  certain: string[];
  possible: string[];
}

/** Per answerable kind, who gives it after the trigger (party ids, each once). */
export function buildKindLines(result: WhatIfResult): KindLine[] {
  const partyOf = new Map(result.commitments.map((commitment) => [commitment.id, commitment.party]));
  return ANSWERABLE_KINDS.map((kind) => {
    const cover = result.responses.find((entry) => entry.kind === kind);
    const parties = (ids: readonly string[]): string[] => [...new Set(ids.map((id) => partyOf.get(id) ?? id))];
    const certain = parties(cover?.certain ?? []);
    return { kind, certain, possible: parties(cover?.possible ?? []).filter((party) => !certain.includes(party)) };
  });
}

const ORDER = { certain: 0, possible: 1, inactive: 2 } as const;

/** Commitments as read: those that activate first (certain, then possible), then those that stay inactive, withdrawn last. */
export function orderCommitments(commitments: readonly CommitmentOutcome[]): CommitmentOutcome[] {
  const rank = (commitment: CommitmentOutcome): number => (commitment.candidate ? ORDER[commitment.after] : 3);
  return [...commitments].sort((a, b) => rank(a) - rank(b) || a.party.localeCompare(b.party) || a.id.localeCompare(b.id));
}

/** The headline counts: activated for certain, possibly, not at all (candidates), withdrawn or not yet announced. */
export function headlineCounts(result: WhatIfResult): { certain: number; possible: number; inactive: number; excluded: number } {
  const { certain, possible, inactive, excluded } = result.summary;
  return { certain, possible, inactive: inactive - excluded, excluded };
}

/** An explanation without its leading "<id> <state>:" (the page shows the state as a badge beside it). */
export function reasonOnly(explanation: string | null, id: string): string {
  if (explanation === null) return '';
  if (!explanation.startsWith(`${id} `)) return explanation;
  const colon = explanation.indexOf(': ');
  return colon < 0 ? explanation : explanation.slice(colon + 2);
}
