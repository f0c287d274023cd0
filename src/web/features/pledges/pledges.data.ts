import type { ScenarioPledge, ScenarioJson } from '../../../core/scenario/evaluate-scenario.js';
import type { Pledge } from '../../../core/types.js';
import type { SessionState } from '../../session/session.data.js';
import type { TableColumn } from '../../components/data-table.data.js';
import type { PledgeListRow } from '../../../core/pledge-list/pledge-list-page.js';
import type { Explanation } from '../../../core/activation/explanation-chain.js';

// The pledge list: every pledge with its state under the scenario, filtered by party, capability, state and text.

export interface PledgeRow {
  id: string;
  party: string;
  capability: string;
  quantity: Pledge['quantity'];
  status: Pledge['status'];
  condition: string;
  state: 'certain' | 'possible' | 'inactive';
  explanation: string | null;
  sources: string[];
  areas: string[];
  note: string | undefined;
}

export interface PledgeFilters {
  party: string;
  capability: string;
  state: string;
}

export const NO_FILTERS: PledgeFilters = { party: '', capability: '', state: '' };

/** Rows for the list, in id order; `explain` gives the explanation in the UI's language. */
export function buildPledgeRows(pledges: readonly Pledge[], result: ScenarioJson, explain: (pledge: ScenarioPledge) => string | null): PledgeRow[] {
  const evaluated = new Map(result.pledges.map((pledge) => [pledge.id, pledge]));
  const explanation = (id: string): string | null => {
    const entry = evaluated.get(id);
    return entry ? explain(entry) : null;
  };
  return pledges
    .map((pledge) => ({
      id: pledge.id,
      party: pledge.party,
      capability: pledge.capability,
      quantity: pledge.quantity,
      status: pledge.status,
      condition: pledge.condition,
      state: evaluated.get(pledge.id)?.state ?? ('inactive' as const),
      explanation: explanation(pledge.id),
      sources: pledge.sources,
      areas: pledge.areas,
      note: pledge.note,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Rows from a page of the server's pledge list (POST /api/scenarios/pledges); `explain` renders a row's explanation in the UI's language. */
export function rowsFromPage(items: readonly PledgeListRow[], explain: (chain: Explanation) => string): PledgeRow[] {
  return items.map((item) => ({
    id: item.id,
    party: item.party,
    capability: item.capability,
    quantity: item.quantity,
    status: item.status,
    condition: item.condition,
    state: item.state,
    explanation: item.explanationChain ? explain(item.explanationChain) : null,
    sources: item.sources,
    areas: item.areas,
    note: item.note ?? undefined,
  }));
}

/** The rows matching every filter that is set (the shared table's search does the text). */
export function filterPledgeRows(rows: readonly PledgeRow[], filters: PledgeFilters): PledgeRow[] {
  return rows.filter(
    (row) =>
      (!filters.party || row.party === filters.party) &&
      (!filters.capability || row.capability === filters.capability) &&
      (!filters.state || row.state === filters.state),
  );
}

export interface PledgeWords {
  party: (id: string) => string;
  capability: (id: string) => string;
  quantity: (row: PledgeRow) => string;
  status: (status: string) => string;
  state: (state: PledgeRow['state']) => string;
  area: (area: string) => string;
}

export type PledgeColumnId = 'id' | 'party' | 'capability' | 'quantity' | 'status' | 'condition' | 'state' | 'explanation';

/** The pledge table's columns as text (searched, sorted, exported) in the UI's words: names, not ids. */
export function pledgeColumns(words: PledgeWords): Record<PledgeColumnId, TableColumn<PledgeRow>> {
  const stateOrder = { certain: 0, possible: 1, inactive: 2 } as const;
  return {
    id: { id: 'id', text: (row) => row.id },
    party: { id: 'party', text: (row) => words.party(row.party) },
    capability: { id: 'capability', text: (row) => `${words.capability(row.capability)} · ${row.areas.map(words.area).join(', ')}`, sort: (row) => words.capability(row.capability) },
    quantity: { id: 'quantity', text: words.quantity, sort: (row) => row.quantity?.max ?? null },
    status: { id: 'status', text: (row) => words.status(row.status) },
    condition: { id: 'condition', text: (row) => row.condition },
    state: { id: 'state', text: (row) => words.state(row.state), sort: (row) => stateOrder[row.state] },
    explanation: { id: 'explanation', text: (row) => row.explanation ?? '' },
  };
}

export interface PendingApproval {
  pledge: string;
  baseVersion: number;
  record: unknown;
  requestedBy: string;
  requestedAt: string;
  /** What is proposed, as a hash; a confirmation names it. */
  revision: string;
}

/** A PUT answer that is a pending four-eyes approval (202) rather than the written record. */
export function isPendingApproval(value: unknown): value is PendingApproval {
  return typeof value === 'object' && value !== null && 'requestedBy' in value && 'baseVersion' in value;
}

/** What a user may do with a pending approval: the requester withdraws; another delegate of the party or a coordinator confirms or rejects. */
export function approvalActions(session: SessionState, pending: PendingApproval & { party?: string }): { confirm: boolean; withdraw: boolean; own: boolean } {
  if (session.kind === 'open') return { confirm: true, withdraw: true, own: false };
  if (session.kind !== 'signed-in') return { confirm: false, withdraw: false, own: false };
  const own = session.user.name === pending.requestedBy;
  const approver = session.user.role === 'coordinator' || session.user.role === 'delegate';
  return { confirm: !own && approver, withdraw: own || approver, own };
}
