import { useMemo } from 'react';
import { SourceLinks } from '../../components/source-links.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { useAppState } from '../../lib/app-state.js';
import { type ContributionRecord, type FundPackageRecord, type FundRecord, loadCollection } from '../../lib/records.js';
import { groupName, statusName } from '../../i18n/labels.data.js';
import { partyName, partyNamer } from '../../i18n/party-names.data.js';
import { usePageTitle } from '../../lib/page-title.js';
import { PledgeTable } from '../pledges/pledge-table.js';
import { useLoad } from '../../lib/use-api.js';
import { apiGet, withQuery } from '../../lib/api-client.js';
import type { ReferenceData } from '../../lib/records.js';
import { usePledgePage } from '../pledges/use-pledge-page.js';
import { type ConversionLike, Money } from '../../components/money.js';
import { CurrencyNote } from '../../components/currency-note.js';
import type { FundAllocation } from '../purl/purl.data.js';
import { formatMoney } from '../purl/purl.data.js';
import { type Burden, burdenOf, collectSources, contributionsOf } from './party.data.js';

// A party: its pledges with conditions, states and explanations (one page at a time from the server), its
// contributions, and the sources.

const SHOWN = ['id', 'capability', 'quantity', 'status', 'condition', 'state', 'explanation'] as const;

/** The party page. */
export default function PartyPage({ id }: { id: string }) {
  const pledges = usePledgePage('party-pledges', SHOWN, { party: id });
  return <Loading loaded={pledges.reference}>{(reference) => <Party id={id} reference={reference} pledges={pledges} />}</Loading>;
}

function Party({ id, reference, pledges }: { id: string; reference: ReferenceData; pledges: ReturnType<typeof usePledgePage> }) {
  const { t, language } = useI18n();
  const { asOf, currency } = useAppState();
  const party = reference.parties.find((entry) => entry.id === id);
  const contributions = useLoad(`contributions:${asOf ?? ''}`, () => loadCollection<ContributionRecord>('contributions', asOf));
  const own = useMemo(() => contributionsOf(id, contributions.data ?? []).filter((c) => asOf === undefined || c.date <= asOf), [id, contributions.data, asOf]);
  const burden = useLoad(`burden:${asOf ?? ''}:${currency}`, () => apiGet<Burden>(withQuery('/api/burden', { asOf, currency })));
  // The contributions in the view's currency, as each fund's allocation converts them (at their own dates), with the funds' and packages' titles.
  const funding = useLoad(`party-funding:${asOf ?? ''}:${currency}`, async () => {
    const [funds, packages] = await Promise.all([loadCollection<FundRecord>('funds', asOf), loadCollection<FundPackageRecord>('fund-packages', asOf)]);
    const allocations = await Promise.all(funds.map((fund) => apiGet<FundAllocation>(withQuery(`/api/funds/${encodeURIComponent(fund.id)}/allocation`, { asOf, currency }))));
    return {
      converted: new Map(allocations.flatMap((allocation) => (allocation.contributions ?? []).map((entry) => [entry.id, { ...entry, currency: allocation.currency ?? allocation.fund.currency }] as const))),
      titles: new Map([...funds, ...packages].map((record) => [record.id, record.title])),
    };
  });
  const share = burden.data ? burdenOf(id, burden.data) : null;
  const title = partyName(language, id, reference.parties);
  usePageTitle(title, t('app.title'));
  if (!party) return <p>{t('notFound')}</p>;
  const namer = partyNamer(language, reference.parties);
  return (
    <div className="party">
      <h1>{title} <code className="muted small">{party.id}</code></h1>
      <p>{t('party.groups')}: {party.groups.map((group) => groupName(t, group, namer)).join(', ') || t('common.none')}</p>
      {share && burden.data && (
        <section className="panel" data-testid="burden">
          <h2>{t('party.burden')}</h2>
          <CurrencyNote rateDate={rateDateOf(burden.data)} perContribution />
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
        <Loading loaded={pledges.page}>
          {(page) => (page.parties.includes(id) ? <PledgeTable name="party-pledges" caption={t('party.pledgesOf', { party: title })} rows={pledges.rows} parties={reference.parties} show={SHOWN} server={pledges.server} /> : <p>{t('party.none')}</p>)}
        </Loading>
      </section>
      <section className="panel">
        <h2>{t('party.contributions')}</h2>
        {own.length === 0 ? (
          <p>{t('common.noData')}</p>
        ) : (
          <ul>
            {own.map((contribution) => (
              <li key={contribution.id}>
                {contribution.date}: <ContributionAmount contribution={contribution} converted={funding.data?.converted.get(contribution.id)} /> → <span data-free-text>{funding.data?.titles.get(contribution.fund) ?? contribution.fund}</span>
                {contribution.package && <> / <span data-free-text>{funding.data?.titles.get(contribution.package) ?? contribution.package}</span></>} ({statusName(t, contribution.status)}
                {contribution.donors.length > 1 && `, ${contribution.donors.map((donor) => namer(donor.party)).join(' + ')}`}) <SourceLinks ids={contribution.sources} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel">
        <h2>{t('common.sources')}</h2>
        <SourceLinks ids={[...new Set([...(pledges.page.data?.sources ?? []), ...collectSources(own)])]} />
      </section>
    </div>
  );
}

type Converted = { amount: number | null; currency: string; conversion: ConversionLike | null };

/** A contribution's amount in the view's currency as the server converted it (in its own currency until that answer is in). */
function ContributionAmount({ contribution, converted }: { contribution: { amount: number | null; currency: string }; converted: Converted | undefined }) {
  const { t, language } = useI18n();
  if (contribution.amount === null) return <>{t('party.noAmount')}</>;
  if (!converted || converted.amount === null) return <Money language={language} amount={contribution.amount} currency={contribution.currency} />;
  return <Money language={language} amount={converted.amount} currency={converted.currency} conversion={converted.conversion} />;
}

// The ECB day of the rates the burden report used for the as-of date (plans' amounts), if it converted any.
function rateDateOf(burden: Burden): string | null {
  const notes = [...(burden.liabilities ?? []), ...(burden.otherFinance ?? [])].map((entry) => entry.conversion).filter((note) => note !== null && note !== undefined);
  return notes[0]?.rates[0]?.date ?? null;
}
