import { type ReactNode, useMemo } from 'react';
import { CapabilityLabel } from '../../components/capability-label.js';
import { type Column, DataTable, type ServerRows } from '../../components/data-table.js';
import { SourceLinks } from '../../components/source-links.js';
import { StateBadge } from '../../components/state-badge.js';
import { formatQuantity } from '../../i18n/capabilities.data.js';
import { useI18n } from '../../i18n/i18n.js';
import { areaName, statusName } from '../../i18n/labels.data.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import type { PartyRecord } from '../../lib/records.js';
import { Link } from '../../lib/router.js';
import { type PledgeColumnId, pledgeColumns, type PledgeRow } from './pledges.data.js';

// The one pledge table (the pledge list, a party's page): parties and capabilities by name, quantities with
// their units, the state with its reason, sorted, searched and exported by the shared table (by the server, when
// `server` is given: the rows are then one page of the server's list).

/** Pledges as a table with the chosen columns. */
export function PledgeTable({ name, caption, rows, parties, show, actions, server }: { name: string; caption: string; rows: readonly PledgeRow[]; parties: readonly PartyRecord[]; show: readonly PledgeColumnId[]; actions?: ReactNode; server?: ServerRows }) {
  const { t, language, capability } = useI18n();
  const columns = useMemo(() => {
    const party = partyNamer(language, parties);
    const text = pledgeColumns({
      party,
      capability,
      quantity: (row) => formatQuantity(language, row.quantity, row.capability),
      status: (status) => statusName(t, status),
      state: (state) => t(`state.${state}`),
      area: (area) => areaName(t, area),
    });
    const all: Record<PledgeColumnId, Column<PledgeRow>> = {
      id: { ...text.id, header: t('pledges.pledge'), rowHeader: true, cell: (row) => <Link to={`/pledges/${row.id}`}>{row.id}</Link> },
      party: { ...text.party, header: t('pledges.party'), cell: (row) => <Link to={`/parties/${row.party}`}>{party(row.party)}</Link> },
      capability: {
        ...text.capability,
        header: t('pledges.capability'),
        cell: (row) => (
          <>
            <CapabilityLabel id={row.capability} />
            <div className="muted small">{row.areas.map((area) => areaName(t, area)).join(', ')}</div>
          </>
        ),
      },
      quantity: { ...text.quantity, header: t('pledges.quantity'), numeric: true },
      status: { ...text.status, header: t('pledges.status') },
      condition: { ...text.condition, header: t('pledges.condition'), cell: (row) => <code>{row.condition}</code> },
      state: { ...text.state, header: t('pledges.filterState'), cell: (row) => <span title={row.explanation ?? undefined}><StateBadge state={row.state} /></span> },
      explanation: {
        ...text.explanation,
        header: t('pledges.explanation'),
        cell: (row) => (
          <>
            {row.explanation ?? ''}
            {row.note && <div className="muted small" data-free-text>{row.note}</div>}
          </>
        ),
      },
    };
    const sources: Column<PledgeRow> = { id: 'sources', header: t('common.sources'), text: (row) => row.sources.join('; '), cell: (row) => <SourceLinks ids={row.sources} /> };
    return [...show.map((id) => all[id]), sources];
  }, [show, t, language, capability, parties]);
  return (
    <DataTable
      name={name}
      caption={caption}
      rows={rows}
      columns={columns}
      rowKey={(row) => row.id}
      sources={(row) => row.sources}
      searchExtra={(row) => `${row.note ?? ''} ${row.explanation ?? ''} ${row.party}`}
      rowAttributes={(row) => ({ 'data-pledge': row.id })}
      actions={actions}
      {...(server ? { server } : {})}
    />
  );
}
