import { useMemo, useState } from 'react';
import { SourceLinks } from '../../components/source-links.js';
import { CapabilityLabel } from '../../components/capability-label.js';
import { StateBadge } from '../../components/state-badge.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { useExplainer } from '../../i18n/use-explainer.js';
import { Link } from '../../lib/router.js';
import { useScenario, type ScenarioView } from '../../lib/use-scenario.js';
import { pledgePartyFor } from '../../session/session.data.js';
import { useSession } from '../../session/session.js';
import { PledgeEditor } from './pledge-editor.js';
import { buildPledgeRows, filterPledgeRows, NO_FILTERS, type PledgeFilters } from './pledges.data.js';

// The pledge list with filters; /pledges/<id> opens the editor (or the read-only view) above it.

/** The pledges page. */
export default function PledgesPage({ id }: { id: string | undefined }) {
  const scenario = useScenario();
  return (
    <Loading loaded={scenario}>
      {(view) => (
        <>
          {id && <PledgeEditor key={id} id={id} view={view} onSaved={scenario.reload} />}
          <PledgeList view={view} />
        </>
      )}
    </Loading>
  );
}

function PledgeList({ view }: { view: ScenarioView }) {
  const { t, n, capability } = useI18n();
  const { session } = useSession();
  const [filters, setFilters] = useState<PledgeFilters>(NO_FILTERS);
  const explain = useExplainer(view.result.pledges);
  const rows = useMemo(() => buildPledgeRows(view.reference.pledges, view.result, explain), [view, explain]);
  const shown = useMemo(() => filterPledgeRows(rows, filters), [rows, filters]);
  const parties = [...new Set(rows.map((row) => row.party))].sort();
  const capabilities = [...new Set(rows.map((row) => row.capability))].sort();
  const set = (key: keyof PledgeFilters) => (event: { target: { value: string } }) => setFilters((previous) => ({ ...previous, [key]: event.target.value }));
  return (
    <section className="panel">
      <h1>{t('pledges.title')}</h1>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>{t('pledges.filterParty')} <select value={filters.party} onChange={set('party')}><option value="">{t('common.all')}</option>{parties.map((party) => <option key={party}>{party}</option>)}</select></label>
        <label>{t('pledges.filterCapability')} <select value={filters.capability} onChange={set('capability')}><option value="">{t('common.all')}</option>{capabilities.map((id) => <option key={id} value={id}>{capability(id)}</option>)}</select></label>
        <label>{t('pledges.filterState')} <select value={filters.state} onChange={set('state')}><option value="">{t('common.all')}</option>{(['certain', 'possible', 'inactive'] as const).map((state) => <option key={state} value={state}>{t(`state.${state}`)}</option>)}</select></label>
        <label>{t('pledges.filterText')} <input type="search" value={filters.text} onChange={set('text')} /></label>
      </form>
      <p className="muted">
        {t('pledges.count', { shown: shown.length, total: rows.length })}
        {pledgePartyFor(session) && <> · <Link to="/pledges/new">{t('pledges.new')}</Link></>}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('editor.id')}</th>
            <th scope="col">{t('pledges.party')}</th>
            <th scope="col">{t('pledges.capability')}</th>
            <th scope="col">{t('pledges.quantity')}</th>
            <th scope="col">{t('pledges.condition')}</th>
            <th scope="col">{t('pledges.filterState')}</th>
            <th scope="col">{t('common.sources')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.id} data-pledge={row.id}>
              <td><Link to={`/pledges/${row.id}`}>{row.id}</Link></td>
              <td><Link to={`/parties/${row.party}`}>{row.party}</Link></td>
              <td><CapabilityLabel id={row.capability} /></td>
              <td className="number">{row.quantity ? (row.quantity.min === row.quantity.max ? n(row.quantity.min) : `${n(row.quantity.min)}–${n(row.quantity.max)}`) : t('pledges.noNumber')}</td>
              <td><code>{row.condition}</code></td>
              <td title={row.explanation ?? undefined}><StateBadge state={row.state} /></td>
              <td><SourceLinks ids={row.sources} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
