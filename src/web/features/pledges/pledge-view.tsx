import { CapabilityLabel } from '../../components/capability-label.js';
import { SourceLinks } from '../../components/source-links.js';
import { StateBadge } from '../../components/state-badge.js';
import { formatQuantity } from '../../i18n/capabilities.data.js';
import { useI18n } from '../../i18n/i18n.js';
import { partyName } from '../../i18n/party-names.data.js';
import { areaName, statusName } from '../../i18n/labels.data.js';
import { useChainExplainer } from '../../i18n/use-explainer.js';
import type { MessageKey } from '../../i18n/messages.js';
import { recordNamer } from '../../i18n/record-names.data.js';
import type { PledgeRecord } from '../../lib/records.js';
import { useAppState } from '../../lib/app-state.js';
import { scenarioKey } from '../../lib/load-scenario-view.js';
import { Link } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { loadEvaluatedPledge } from './load-pledge-editor.js';
import type { EditorReference } from './pledge-editor.data.js';

// A pledge as everyone who may see it reads it: party, capability with its unit, quantity, areas, status, the
// condition and its state under the current scenario with the reason (its row of the server's pledge list), the note
// and the sources.

/** The read view of one pledge. */
export function PledgeView({ record, reference }: { record: PledgeRecord; reference: EditorReference }) {
  const { t, language } = useI18n();
  const { asOf, overrides } = useAppState();
  const explain = useChainExplainer(reference);
  const row = useLoad(`${scenarioKey(asOf, overrides)}|${language}|${record.party}|${record.id}|${record.version}`, () => loadEvaluatedPledge(asOf, overrides, record, language));
  const evaluated = row.data;
  const explanation = evaluated?.explanationChain ? explain(evaluated.explanationChain) : null;
  return (
    <dl className="record-view" data-testid="pledge-view">
      <dt>{t('pledges.party')}</dt>
      <dd><Link to={`/parties/${record.party}`}>{partyName(language, record.party, reference.parties)}</Link></dd>
      <dt>{t('pledges.capability')}</dt>
      <dd><CapabilityLabel id={record.capability} withId /></dd>
      <dt>{t('pledges.quantity')}</dt>
      <dd>{formatQuantity(language, record.quantity, record.capability)}</dd>
      <dt>{t('pledges.areas')}</dt>
      <dd>{record.areas.map((area) => areaName(t, area)).join(', ')}</dd>
      <dt>{t('pledges.status')}</dt>
      <dd>{statusName(t, record.status)}{record.announcedOn && ` · ${t('pledges.announcedOn', { date: record.announcedOn })}`}</dd>
      <dt>{t('pledges.condition')}</dt>
      <dd><code>{record.condition}</code></dd>
      {record.guarantee && (
        <>
          <dt>{t('pledges.guarantee')}</dt>
          <dd data-testid="pledge-guarantee">
            <Link to="/guarantees">{t('pledges.guaranteeTrigger', { trigger: recordNamer(language, reference.facts)(record.guarantee.trigger) })}</Link>
            {' · '}{record.guarantee.responses.map((kind) => t(`guarantees.kind.${kind}` as MessageKey)).join(', ')}
            {' · '}{t('guarantees.responseTime')}: {record.guarantee.responseTime === 'not stated' ? t('guarantees.notStated') : record.guarantee.responseTime}
          </dd>
        </>
      )}
      <dt>{t('pledges.filterState')}</dt>
      <dd aria-busy={row.loading}>{evaluated ? <StateBadge state={evaluated.state} /> : row.loading ? t('common.loading') : t('common.none')}{explanation && <p className="small">{explanation}</p>}</dd>
      {record.note && (
        <>
          <dt>{t('pledges.note')}</dt>
          <dd className="small" data-free-text>{record.note}</dd>
        </>
      )}
      <dt>{t('common.sources')}</dt>
      <dd><SourceLinks ids={record.sources} /></dd>
    </dl>
  );
}
