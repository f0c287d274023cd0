import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../core/scenario/evaluate-scenario.js';
import { createExplainer, wordsFor } from '../../i18n/explanations.data.js';
import { preparedSmallDataset } from '../../test-support/small-dataset.js';
import type { SessionState } from '../../session/session.data.js';
import { searchRows, sortRows } from '../../components/data-table.data.js';
import { approvalActions, buildPledgeRows, filterPledgeRows, isPendingApproval, NO_FILTERS, pledgeColumns } from './pledges.data.js';

describe('pledge list', () => {
  const dataset = preparedSmallDataset();
  const result = evaluateScenario(dataset, { facts: new Map([['ceasefire', true]]) });
  const rows = buildPledgeRows(dataset.pledges, result, createExplainer(result.pledges, wordsFor('en')));

  it('filters by party, capability and state', () => {
    expect(filterPledgeRows(rows, NO_FILTERS)).toHaveLength(4);
    expect(filterPledgeRows(rows, { ...NO_FILTERS, party: 'DE' }).map((row) => row.id)).toEqual(['de-1', 'de-2']);
    expect(filterPledgeRows(rows, { ...NO_FILTERS, capability: 'land.personnel', state: 'certain' }).map((row) => row.id)).toEqual(['fr-1', 'gb-1']);
  });

  it('searches and sorts by the names shown: a party’s name, a capability’s name, the condition', () => {
    const names: Record<string, string> = { DE: 'Germany', FR: 'France', GB: 'United Kingdom' };
    const columns = Object.values(pledgeColumns({ party: (id) => names[id] ?? id, capability: (id) => (id === 'land.personnel' ? 'Ground personnel' : id), quantity: (row) => String(row.quantity?.max ?? ''), status: (status) => status, state: (state) => state, area: (area) => area }));
    expect(searchRows(rows, columns, 'germany').map((row) => row.id)).toEqual(['de-1', 'de-2']);
    expect(searchRows(rows, columns, 'ground personnel kingdom').map((row) => row.id)).toEqual(['gb-1']);
    expect(searchRows(rows, columns, 'US_BACKSTOP').map((row) => row.id)).toEqual(['de-1']);
    expect(sortRows(rows, columns, { column: 'party', descending: true }, 'en').map((row) => row.party)).toEqual(['GB', 'DE', 'DE', 'FR']);
  });
});

describe('four-eyes approvals', () => {
  const pending = { pledge: 'de-3', baseVersion: 2, record: {}, requestedBy: 'demo-delegate-de', requestedAt: '2026-01-01T10:00:00Z', revision: 'a'.repeat(64) };
  const as = (name: string, role: 'delegate' | 'coordinator' | 'analyst'): SessionState => ({ kind: 'signed-in', user: { name, role, party: role === 'delegate' ? 'DE' : null }, csrfToken: 't' });

  it('recognises a pending approval answer', () => {
    expect(isPendingApproval(pending)).toBe(true);
    expect(isPendingApproval({ id: 'de-3', version: 3 })).toBe(false);
  });

  it('lets the requester withdraw and a second person confirm', () => {
    expect(approvalActions(as('demo-delegate-de', 'delegate'), pending)).toEqual({ confirm: false, withdraw: true, own: true });
    expect(approvalActions(as('demo-delegate-de-2', 'delegate'), pending)).toEqual({ confirm: true, withdraw: true, own: false });
    expect(approvalActions(as('demo-coordinator', 'coordinator'), pending)).toEqual({ confirm: true, withdraw: true, own: false });
    expect(approvalActions(as('demo-analyst', 'analyst'), pending)).toEqual({ confirm: false, withdraw: false, own: false });
  });
});
