import { useState } from 'react';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import { Link, setQuery, useQueryParam } from '../../lib/router.js';
import { useAppState } from '../../lib/app-state.js';
import { useLoad } from '../../lib/use-api.js';
import { pledgePartyFor } from '../../session/session.data.js';
import { useSession } from '../../session/session.js';
import { loadEditorReference } from './load-pledge-editor.js';
import { PledgeEditor } from './pledge-editor.js';
import { PledgeTable } from './pledge-table.js';
import { usePledgePage } from './use-pledge-page.js';

// The pledge list with filters (in the URL), one page at a time from the server; /pledges/<id> shows the pledge
// (the editor for those who may edit it) above the list.

/** The pledges page. */
export default function PledgesPage({ id }: { id: string | undefined }) {
  // A save reloads the list (its page may show the saved pledge).
  const [generation, setGeneration] = useState(0);
  return (
    <>
      {id && <EditorWithReference key={id} id={id} onSaved={() => setGeneration((value) => value + 1)} />}
      <PledgeList nested={id !== undefined} generation={generation} />
    </>
  );
}

// The editor draws the names beside its one pledge; the server previews the draft (load-pledge-editor.ts).
function EditorWithReference({ id, onSaved }: { id: string; onSaved: () => void }) {
  const { asOf } = useAppState();
  const reference = useLoad(`editor-reference:${asOf ?? ''}`, () => loadEditorReference(asOf));
  return <Loading loaded={reference}>{(loaded) => <PledgeEditor id={id} reference={loaded} onSaved={onSaved} />}</Loading>;
}

const SHOWN = ['id', 'party', 'capability', 'quantity', 'status', 'condition', 'state'] as const;

function PledgeList({ nested, generation }: { nested: boolean; generation: number }) {
  const { t, capability, language } = useI18n();
  const { session } = useSession();
  const [party] = useQueryParam('party');
  const [capabilityFilter] = useQueryParam('capability');
  const [state] = useQueryParam('state');
  // A filter starts the list at its first page.
  const setFilter = (name: string) => (value: string) => setQuery({ [name]: value || undefined, 'pledges.page': undefined });
  const { reference, page, rows, server } = usePledgePage('pledges', SHOWN, { party, capability: capabilityFilter, state }, generation);
  const parties = reference.data?.parties ?? [];
  const name = partyNamer(language, parties);
  const partyChoices = [...(page.data?.parties ?? [])].sort((a, b) => name(a).localeCompare(name(b), language));
  const capabilities = [...(page.data?.capabilities ?? [])].sort((a, b) => capability(a).localeCompare(capability(b), language));
  const Heading = nested ? 'h2' : 'h1';
  return (
    <section className="panel">
      <Heading>{t('pledges.title')}</Heading>
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label={t('common.filter')}>
        <label>{t('pledges.filterParty')} <select value={party} onChange={(event) => setFilter('party')(event.target.value)}><option value="">{t('common.all')}</option>{withChosen(partyChoices, party).map((id) => <option key={id} value={id}>{name(id)}</option>)}</select></label>
        <label>{t('pledges.filterCapability')} <select value={capabilityFilter} onChange={(event) => setFilter('capability')(event.target.value)}><option value="">{t('common.all')}</option>{withChosen(capabilities, capabilityFilter).map((id) => <option key={id} value={id}>{capability(id)}</option>)}</select></label>
        <label>{t('pledges.filterState')} <select value={state} onChange={(event) => setFilter('state')(event.target.value)}><option value="">{t('common.all')}</option>{(['certain', 'possible', 'inactive'] as const).map((entry) => <option key={entry} value={entry}>{t(`state.${entry}`)}</option>)}</select></label>
      </form>
      <Loading loaded={page}>
        {() => (
          <PledgeTable
            name="pledges"
            caption={t('pledges.title')}
            rows={rows}
            parties={parties}
            show={SHOWN}
            server={server}
            actions={pledgePartyFor(session) && <Link to="/pledges/new">{t('pledges.new')}</Link>}
          />
        )}
      </Loading>
    </section>
  );
}

// The choices of a filter, with the one the URL names even before the server's answer lists it.
function withChosen(choices: readonly string[], chosen: string): string[] {
  return chosen && !choices.includes(chosen) ? [...choices, chosen] : [...choices];
}
