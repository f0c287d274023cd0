import type { Explanation } from '../activation/explanation-chain.js';
import type { PledgeStatus, QuantityRange } from '../types.js';
import type { PledgeRowState } from './pledge-row-text.js';

// A page of the pledge list as POST /api/scenarios/pledges answers it (the service builds it, the web draws it).

/** One row as the table draws it: the record's fields, names beside ids, the state and why. */
export interface PledgeListRow {
  id: string;
  party: string;
  partyName: string;
  capability: string;
  capabilityName: string;
  quantity: QuantityRange | null;
  areas: string[];
  status: PledgeStatus;
  condition: string;
  state: PledgeRowState;
  note: string | null;
  sources: string[];
  /** The server's sentence (English, ids), null when plainly certain. */
  explanation: string | null;
  /** The same explanation as a structure (core/activation/explanation-chain.ts), for rendering in the page's language. */
  explanationChain: Explanation | null;
  /** A guarantee commitment waiting for its trigger: the trigger fact. */
  standby: string | null;
}

/** One page of the matching rows, how many match, and the filters' choices. */
export interface PledgeListPage {
  items: PledgeListRow[];
  total: number;
  limit: number;
  offset: number;
  /** The parties and capabilities among the listed pledges before filtering (the filters' choices). */
  parties: string[];
  capabilities: string[];
  /** The sources the matching pledges cite, once each, in order of first citation (at most 1,000). */
  sources: string[];
}
