import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import { RESPONSE_KINDS, type ResponseKind } from '../types.js';
import type { CommitmentOutcome } from './what-if-violated.js';

// What the activated guarantee commitments give per response kind, and which coalition states have none of their own.

/** The commitments giving one response kind after the trigger, certain and possible, and their parties. */
export interface ResponseCover {
  kind: ResponseKind;
  certain: string[];
  possible: string[];
  parties: string[];
}

/** Per response kind (RESPONSE_KINDS order), the certain and possible commitments that give it. */
export function summariseResponses(outcomes: readonly CommitmentOutcome[]): ResponseCover[] {
  return RESPONSE_KINDS.map((kind) => {
    const giving = outcomes.filter((outcome) => outcome.responses.includes(kind));
    const certain = giving.filter((outcome) => outcome.after === 'certain');
    const possible = giving.filter((outcome) => outcome.after === 'possible');
    const parties = [...new Set([...certain, ...possible].map((outcome) => outcome.party))].sort();
    return { kind, certain: certain.map((outcome) => outcome.id), possible: possible.map((outcome) => outcome.id), parties };
  });
}

/** Coalition member states (the beneficiary and institutions aside) without a certain or possible commitment of their own. */
export function unansweredParties(dataset: PreparedDataset, outcomes: readonly CommitmentOutcome[]): string[] {
  const answered = new Set(outcomes.filter((outcome) => outcome.after !== 'inactive').map((outcome) => outcome.party));
  return dataset.parties
    .filter((party) => party.kind === 'state' && party.groups.includes('coalition') && !answered.has(party.id))
    .map((party) => party.id)
    .sort();
}
