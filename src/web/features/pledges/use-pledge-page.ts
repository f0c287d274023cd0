import { useEffect, useMemo, useState } from 'react';
import type { ServerRows } from '../../components/data-table.js';
import { useServerTableState } from '../../components/data-table.js';
import { parseSort } from '../../components/data-table.data.js';
import { useI18n } from '../../i18n/i18n.js';
import { useChainExplainer } from '../../i18n/use-explainer.js';
import { useAppState } from '../../lib/app-state.js';
import { setQuery } from '../../lib/router.js';
import { exportPledgeList, loadPledgePage, loadReferenceWithoutPledges, type PledgeListRequest, scenarioKey } from '../../lib/load-scenario-view.js';
import { type Loaded, useLoad } from '../../lib/use-api.js';
import type { ReferenceData } from '../../lib/records.js';
import type { PledgeListPage } from '../../../core/pledge-list/pledge-list-page.js';
import { type PledgeColumnId, type PledgeRow, rowsFromPage } from './pledges.data.js';

// The page of pledges a pledge table shows, asked of the server (POST /api/scenarios/pledges) with the table's
// sort, search and page from the URL and the page's own filters; the explanations rendered in the UI's language.

/** What a page drawing a pledge table gets: the names (parties, facts), the server's page, its rows and the table's server mode. */
export interface PledgePage {
  reference: Loaded<ReferenceData>;
  page: Loaded<PledgeListPage>;
  rows: PledgeRow[];
  server: ServerRows;
}

const STATES = new Set(['certain', 'possible', 'inactive']);

/** Typing in the search box asks the server once the typing pauses. */
const SEARCH_PAUSE_MS = 250;

/** The page of the scenario's pledges the table `name` shows with the columns `shown`, under `filters`; `generation` reloads it. */
export function usePledgePage(name: string, shown: readonly PledgeColumnId[], filters: { party?: string; capability?: string; state?: string }, generation = 0): PledgePage {
  const { asOf, overrides } = useAppState();
  const { language } = useI18n();
  const reference = useLoad(`reference-without-pledges:${asOf ?? ''}`, () => loadReferenceWithoutPledges(asOf));
  const table = useServerTableState(name, undefined);
  const query = useSettled(table.query, SEARCH_PAUSE_MS);
  const order = parseSort(table.sort, [...shown.map((id) => ({ id })), { id: 'sources' }]);
  const sort = order ? `${order.descending ? '-' : ''}${order.column}` : undefined;
  // A state the server does not know (a hand-edited URL) filters nothing rather than failing the page.
  const known = { ...filters, state: filters.state && STATES.has(filters.state) ? filters.state : undefined };
  const wanted = { ...nonEmpty(known), ...nonEmpty({ q: query.trim(), sort }) };
  const request: PledgeListRequest = { ...wanted, offset: table.offset, limit: table.limit };
  const page = useLoad(`${scenarioKey(asOf, overrides)}|${language}|${JSON.stringify(request)}|${generation}`, () => loadPledgePage(asOf, overrides, request, language));
  // A page past the end (a link from before rows went away) goes back to the first page.
  const pastEnd = page.data !== undefined && page.data.items.length === 0 && page.data.total > 0 && page.data.offset > 0;
  useEffect(() => {
    if (pastEnd) setQuery({ [`${name}.page`]: undefined }, { replace: true });
  }, [pastEnd, name]);
  const explain = useChainExplainer(reference.data);
  const rows = useMemo(() => (page.data ? rowsFromPage(page.data.items, explain) : []), [page.data, explain]);
  const server: ServerRows = {
    total: page.data?.total,
    offset: page.data?.offset,
    busy: page.loading || query !== table.query,
    download: (format) => exportPledgeList(asOf, overrides, { ...nonEmpty(known), ...nonEmpty({ q: table.query.trim(), sort }) }, { format, columns: shown, name, language }),
  };
  return { reference, page, rows, server };
}

// The value once it has stayed the same for `ms` (a search box's text while typing).
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === settled) return;
    const timer = setTimeout(() => setSettled(value), value === '' ? 0 : ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}

function nonEmpty(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}
