import { useMemo } from 'react';
import { SourceLinks } from '../../components/source-links.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { apiGet, withQuery } from '../../lib/api-client.js';
import { todayIso } from '../../components/download.js';
import { useAppState } from '../../lib/app-state.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { Money } from '../../components/money.js';
import { CurrencyNote } from '../../components/currency-note.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import { translateWarning } from '../../i18n/warnings.data.js';
import { type FinancingPlanRecord, loadCollection, type PartyRecord } from '../../lib/records.js';
import { Link } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { formatMoney } from '../purl/purl.data.js';
import { buildPlanColumns, buildSideBySide, type PlanColumn, type PlanShares, type SideBySide } from './financing.data.js';

// Financing plans side by side: the options of each plan, then each state's amount under every option.

/** The financing page. */
export default function FinancingPage() {
  const { t } = useI18n();
  const { asOf, currency } = useAppState();
  const loaded = useLoad(`financing:${asOf ?? ''}:${currency}`, async () => {
    const [plans, parties] = await Promise.all([loadCollection<FinancingPlanRecord>('financing-plans', asOf), loadCollection<PartyRecord>('parties', asOf)]);
    const shares = await Promise.all(plans.map((plan) => apiGet<PlanShares>(withQuery(`/api/financing-plans/${encodeURIComponent(plan.id)}/shares`, { asOf, currency }))));
    return { plans, parties, raw: new Map(shares.map((entry) => [entry.plan.id, entry])), shares: new Map(shares.map((entry) => [entry.plan.id, buildSideBySide(entry)])) };
  });
  return (
    <div>
      <h1>{t('financing.title')}</h1>
      <Loading loaded={loaded}>{(data) => (data.plans.length === 0 ? <p>{t('common.noData')}</p> : <Plans plans={data.plans} shares={data.shares} raw={data.raw} parties={data.parties} />)}</Loading>
    </div>
  );
}

function Plans({ plans, shares, raw, parties }: { plans: FinancingPlanRecord[]; shares: ReadonlyMap<string, SideBySide>; raw: ReadonlyMap<string, PlanShares>; parties: readonly PartyRecord[] }) {
  const { t, language } = useI18n();
  const { asOf } = useAppState();
  const columns = useMemo(() => buildPlanColumns(plans, asOf ?? todayIso()), [plans, asOf]);
  const party = partyNamer(language, parties);
  return (
    <>
      <CurrencyNote rateDate={[...raw.values()].find((entry) => entry.conversion)?.conversion?.note.rates[0]?.date ?? null} perContribution={false} />
      {columns.map((original) => {
        const side = shares.get(original.id);
        // The amounts as the server converted them into the view's currency (the record's own where nothing was converted).
        const answer = raw.get(original.id);
        const plan = answer ? { ...original, currency: answer.plan.currency, need: answer.plan.needAmount ?? original.need, options: original.options.map((option) => ({ ...option, amount: option.amount === null ? null : (answer.options.find((entry) => entry.id === option.id)?.amount ?? option.amount) })) } : original;
        const conversion = answer?.conversion?.note ?? null;
        return (
          <section key={plan.id} className="panel">
            <h2><span data-free-text>{plan.title}</span> <SourceLinks ids={plan.sources} /></h2>
            <p>{t('financing.need')}: <strong><Money language={language} amount={plan.need} currency={plan.currency} conversion={conversion} /></strong>{plan.period && ` (${plan.period})`}</p>
            {plan.open && <p data-testid="financing-open">{t('financing.openAsOf', { date: asOf ?? todayIso() })}</p>}
            <div className="side-by-side">
              {plan.options.map((option) => (
                <div key={option.id} className={option.decided ? 'card decided' : 'card'}>
                  <h3>
                    <span data-free-text>{option.name?.[language] ?? option.title}</span>{' '}
                    {option.decided && <span className="badge badge-certain">{plan.decidedOn ? t('financing.decidedOn', { date: plan.decidedOn }) : t('financing.decided')}</span>}
                  </h3>
                  {option.name && <p className="muted small" data-free-text lang="en">{option.title}</p>}
                  <p className="muted">{t(`financing.kind.${option.kind}` as 'financing.kind.bilateral')}{option.key && ` · ${t(`financing.key.${option.key}` as 'financing.key.gni')}`}</p>
                  {option.amount !== null && <p><Money language={language} amount={option.amount} currency={plan.currency} /></p>}
                  {option.optOuts.length > 0 && <p>{t('financing.optOuts', { parties: option.optOuts.map(party).join(', ') })}</p>}
                  {option.guarantors.length > 0 && <p>{t('financing.guarantors', { parties: option.guarantors.map(party).join(', ') })}</p>}
                  {side?.options.find((entry) => entry.id === option.id)?.warnings.map((warning) => {
                    const said = translateWarning(language, warning, party);
                    return <p key={warning} className="muted small" lang={said.translated ? undefined : 'en'}>{said.text}</p>;
                  })}
                  <SourceLinks ids={option.sources} />
                </div>
              ))}
            </div>
            {side && <SharesTable plan={plan} side={side} />}
          </section>
        );
      })}
    </>
  );
}

type ShareRow = SideBySide['rows'][number];

/** Each state's amount and share under every option (the shared table: sortable, searchable, CSV). */
function SharesTable({ plan, side }: { plan: PlanColumn; side: SideBySide }) {
  const { t, language } = useI18n();
  const columns = useMemo(() => {
    const list: Column<ShareRow>[] = [{ id: 'party', header: t('pledges.party'), rowHeader: true, text: (row) => row.name, cell: (row) => <Link to={`/parties/${row.party}`}>{row.name}</Link> }];
    side.options.forEach((option, index) => {
      list.push({
        id: option.id,
        header: `${plan.options.find((entry) => entry.id === option.id)?.name?.[language] ?? option.title.split(' (')[0] ?? option.title} (${t(`financing.exposure.${option.exposure}` as 'financing.exposure.liability')})`,
        numeric: true,
        text: (row) => {
          const amount = row.amounts[index];
          return amount === null || amount === undefined ? '—' : `${formatMoney(language, amount, plan.currency)} (${row.percents[index]} %)`;
        },
        sort: (row) => row.amounts[index] ?? null,
        cell: (row) => {
          const amount = row.amounts[index];
          return amount === null || amount === undefined ? '—' : <><Money language={language} amount={amount} currency={plan.currency} /> ({row.percents[index]} %)</>;
        },
      });
    });
    return list;
  }, [side, plan.currency, plan.options, t, language]);
  return (
    <details open>
      <summary>{t('financing.perState')}</summary>
      <DataTable name={`financing-${plan.id}`} caption={t('financing.perState')} rows={side.rows} columns={columns} rowKey={(row) => row.party} sources={() => plan.sources} />
    </details>
  );
}
