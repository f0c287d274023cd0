import { useMemo } from 'react';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import { useExplainer } from '../../i18n/use-explainer.js';
import { Link, useQueryParam } from '../../lib/router.js';
import { useScenario, type ScenarioView } from '../../lib/use-scenario.js';
import { pledgePartyFor } from '../../session/session.data.js';
import { useSession } from '../../session/session.js';
import { PledgeEditor } from './pledge-editor.js';
import { PledgeTable } from './pledge-table.js';
import { buildPledgeRows, filterPledgeRows } from './pledges.data.js';

// The pledge list with filters (in the URL); /pledges/<id> shows the pledge (the editor for those who may
// edit it) above the list.

/** The pledges page. */
export default function PledgesPage({ id }: { id: string | undefined }) {
  const scenario = useScenario();
  return (
    <Loading loaded={scenario}>
      {(view) => (
        <>
          {id && <PledgeEditor key={id} id={id} view={view} onSaved={scenario.reload} />}
          <PledgeList view={view} nested={id !== undefined} />
        </>
      )}
    </Loading>
  );
}

const SHOWN = ['id', 'party', 'capability', 'quantity', 'status', 'condition', 'state'] as const;

function PledgeList({ view, nested }: { view: ScenarioView; nested: boolean }) {
  const { t, capability, language } = useI18n();
  const { session } = useSession();
  const [party, setParty] = useQueryParam('party');
  const [capabilityFilter, setCapability] = useQueryParam('capability');
  const [state, setState] = useQueryParam('state');
  const explain = useExplainer(view.result.pledges, view.reference);
  const rows = useMemo(() => buildPledgeRows(view.reference.pledges, view.result, explain), [view, explain]);
  const shown = useMemo(() => filterPledgeRows(rows, { party, capability: capabilityFilter, state }), [rows, party, capabilityFilter, state]);
  const name = partyNamer(language, view.reference.parties);
  const parties = [...new Set(rows.map((row) => row.party))].sort((a, b) => name(a).localeCompare(name(b), language));
  const capabilities = [...new Set(rows.map((row) => row.capability))].sort((a, b) => capability(a).localeCompare(capability(b), language));
  const Heading = nested ? 'h2' : 'h1';
  return (
    <section className="panel">
      <Heading>{t('pledges.title')}</Heading>
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label={t('common.filter')}>
        <label>{t('pledges.filterParty')} <select value={party} onChange={(event) => setParty(event.target.value)}><option value="">{t('common.all')}</option>{parties.map((id) => <option key={id} value={id}>{name(id)}</option>)}</select></label>
        <label>{t('pledges.filterCapability')} <select value={capabilityFilter} onChange={(event) => setCapability(event.target.value)}><option value="">{t('common.all')}</option>{capabilities.map((id) => <option key={id} value={id}>{capability(id)}</option>)}</select></label>
        <label>{t('pledges.filterState')} <select value={state} onChange={(event) => setState(event.target.value)}><option value="">{t('common.all')}</option>{(['certain', 'possible', 'inactive'] as const).map((entry) => <option key={entry} value={entry}>{t(`state.${entry}`)}</option>)}</select></label>
      </form>
      <PledgeTable
        name="pledges"
        caption={t('pledges.title')}
        rows={shown}
        parties={view.reference.parties}
        show={SHOWN}
        actions={pledgePartyFor(session) && <Link to="/pledges/new">{t('pledges.new')}</Link>}
      />
    </section>
  );
}
