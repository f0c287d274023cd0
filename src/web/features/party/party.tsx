import { useMemo } from 'react';
import { SourceLinks } from '../../components/source-links.js';
import { CapabilityLabel } from '../../components/capability-label.js';
import { StateBadge } from '../../components/state-badge.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { useExplainer } from '../../i18n/use-explainer.js';
import { useAppState } from '../../lib/app-state.js';
import { type ContributionRecord, loadCollection } from '../../lib/records.js';
import { Link } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { apiGet, withQuery } from '../../lib/api-client.js';
import { useScenario, type ScenarioView } from '../../lib/use-scenario.js';
import { formatMoney } from '../purl/purl.data.js';
import { type Burden, buildPartyPledges, burdenOf, collectSources, contributionsOf } from './party.data.js';

// A party: its pledges with conditions, states and explanations, its contributions, and the sources.

/** The party page. */
export default function PartyPage({ id }: { id: string }) {
  const scenario = useScenario();
  return <Loading loaded={scenario}>{(view) => <Party id={id} view={view} />}</Loading>;
}

function Party({ id, view }: { id: string; view: ScenarioView }) {
  const { t, n, name, language } = useI18n();
  const { asOf } = useAppState();
  const party = view.reference.parties.find((entry) => entry.id === id);
  const explain = useExplainer(view.result.pledges);
  const rows = useMemo(() => buildPartyPledges(id, view.reference.pledges, view.result, explain), [id, view, explain]);
  const contributions = useLoad(`contributions:${asOf ?? ''}`, () => loadCollection<ContributionRecord>('contributions', asOf));
  const own = useMemo(() => contributionsOf(id, contributions.data ?? []).filter((c) => asOf === undefined || c.date <= asOf), [id, contributions.data, asOf]);
  const burden = useLoad(`burden:${asOf ?? ''}`, () => apiGet<Burden>(withQuery('/api/burden', { asOf })));
  const share = burden.data ? burdenOf(id, burden.data) : null;
  if (!party) return <p>{t('notFound')}</p>;
  const quantity = (row: (typeof rows)[number]): string => (row.quantity ? (row.quantity.min === row.quantity.max ? n(row.quantity.min) : `${n(row.quantity.min)}–${n(row.quantity.max)}`) : t('pledges.noNumber'));
  return (
    <div className="party">
      <h1>{name(party.name, party.id)} <code className="muted">{party.id}</code></h1>
      <p>{t('party.groups')}: {party.groups.join(', ') || t('common.none')}</p>
      {share && burden.data && (
        <section className="panel" data-testid="burden">
          <h2>{t('party.burden')}</h2>
          <p>
            {t('party.money', { money: formatMoney(language, share.row.money, burden.data.currency), purl: formatMoney(language, share.row.purl, burden.data.currency), other: formatMoney(language, share.row.otherFinance, burden.data.currency) })}
          </p>
          {share.row.liability > 0 && <p>{t('party.liability', { liability: formatMoney(language, share.row.liability, burden.data.currency) })}</p>}
          {share.percentOfGdp !== null && (
            <p>
              <strong>{t('party.gdpShare')}: {new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 2 }).format(share.percentOfGdp)} %</strong>
              {share.row.rank !== null && ` · ${t('party.rank', { rank: share.row.rank, of: share.ranked })}`}
            </p>
          )}
          {share.row.fairShare !== null && share.row.gap !== null && (
            <p>{t('party.fairShare', { fair: formatMoney(language, share.row.fairShare, burden.data.currency), gap: formatMoney(language, share.row.gap, burden.data.currency) })}</p>
          )}
          <p className="muted small">{burden.data.gdp.source}, {burden.data.gdp.referenceYear}</p>
        </section>
      )}
      <section className="panel">
        <h2>{t('party.pledges')}</h2>
        {rows.length === 0 ? (
          <p>{t('party.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('editor.id')}</th>
                <th scope="col">{t('pledges.capability')}</th>
                <th scope="col">{t('pledges.quantity')}</th>
                <th scope="col">{t('pledges.status')}</th>
                <th scope="col">{t('pledges.condition')}</th>
                <th scope="col">{t('pledges.filterState')}</th>
                <th scope="col">{t('pledges.explanation')}</th>
                <th scope="col">{t('common.sources')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td><Link to={`/pledges/${row.id}`}>{row.id}</Link></td>
                  <td><CapabilityLabel id={row.capability} withId /><div className="muted">{row.areas.join(', ')}</div></td>
                  <td className="number">{quantity(row)}</td>
                  <td>{row.status}</td>
                  <td><code>{row.condition}</code></td>
                  <td><StateBadge state={row.state} /></td>
                  <td>{row.explanation ?? ''}{row.note && <div className="muted small">{row.note}</div>}</td>
                  <td><SourceLinks ids={row.sources} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel">
        <h2>{t('party.contributions')}</h2>
        {own.length === 0 ? (
          <p>{t('common.noData')}</p>
        ) : (
          <ul>
            {own.map((contribution) => (
              <li key={contribution.id}>
                {contribution.date}: {contribution.amount === null ? t('party.noAmount') : formatMoney(language, contribution.amount, contribution.currency)} → {contribution.fund}
                {contribution.package && ` / ${contribution.package}`} ({contribution.status}
                {contribution.donors.length > 1 && `, ${contribution.donors.map((donor) => donor.party).join(' + ')}`}) <SourceLinks ids={contribution.sources} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel">
        <h2>{t('common.sources')}</h2>
        <SourceLinks ids={[...collectSources(rows), ...collectSources(own)]} />
      </section>
    </div>
  );
}
