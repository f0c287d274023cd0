import { useMemo } from 'react';
import { SourceLinks } from '../../components/source-links.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { apiGet } from '../../lib/api-client.js';
import { useAppState } from '../../lib/app-state.js';
import { type FinancingPlanRecord, loadCollection } from '../../lib/records.js';
import { Link } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { formatMoney } from '../purl/purl.data.js';
import { buildPlanColumns, buildSideBySide, type PlanShares, type SideBySide } from './financing.data.js';

// Financing plans side by side: the options of each plan, then each state's amount under every option.

/** The financing page. */
export default function FinancingPage() {
  const { t } = useI18n();
  const { asOf } = useAppState();
  const loaded = useLoad(`financing:${asOf ?? ''}`, async () => {
    const plans = await loadCollection<FinancingPlanRecord>('financing-plans', asOf);
    const shares = await Promise.all(plans.map((plan) => apiGet<PlanShares>(`/api/financing-plans/${encodeURIComponent(plan.id)}/shares`)));
    return { plans, shares: new Map(shares.map((entry) => [entry.plan.id, buildSideBySide(entry)])) };
  });
  return (
    <div>
      <h1>{t('financing.title')}</h1>
      <Loading loaded={loaded}>{(data) => (data.plans.length === 0 ? <p>{t('common.noData')}</p> : <Plans plans={data.plans} shares={data.shares} />)}</Loading>
    </div>
  );
}

function Plans({ plans, shares }: { plans: FinancingPlanRecord[]; shares: ReadonlyMap<string, SideBySide> }) {
  const { t, language } = useI18n();
  const columns = useMemo(() => buildPlanColumns(plans), [plans]);
  return (
    <>
      {columns.map((plan) => {
        const side = shares.get(plan.id);
        return (
          <section key={plan.id} className="panel">
            <h2>{plan.title} <SourceLinks ids={plan.sources} /></h2>
            <p>{t('financing.need')}: <strong>{formatMoney(language, plan.need, plan.currency)}</strong>{plan.period && ` (${plan.period})`}</p>
            <div className="side-by-side">
              {plan.options.map((option) => (
                <div key={option.id} className={option.decided ? 'card decided' : 'card'}>
                  <h3>{option.title} {option.decided && <span className="badge badge-certain">{t('financing.decided')}</span>}</h3>
                  <p className="muted">{option.kind}{option.key && ` · ${option.key}`}</p>
                  {option.amount !== null && <p>{formatMoney(language, option.amount, plan.currency)}</p>}
                  {option.optOuts.length > 0 && <p>{t('financing.optOuts', { parties: option.optOuts.join(', ') })}</p>}
                  {option.guarantors.length > 0 && <p>{t('financing.guarantors', { parties: option.guarantors.join(', ') })}</p>}
                  {side?.options.find((entry) => entry.id === option.id)?.warnings.map((warning) => <p key={warning} className="muted small">{warning}</p>)}
                  <SourceLinks ids={option.sources} />
                </div>
              ))}
            </div>
            {side && (
              <details open>
                <summary>{t('financing.perState')}</summary>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('pledges.party')}</th>
                      {side.options.map((option) => <th key={option.id} scope="col" className="number">{option.title.split(' (')[0]} ({option.exposure})</th>)}
                    </tr>
                  </thead>
                  <tbody>
                    {side.rows.map((row) => (
                      <tr key={row.party}>
                        <th scope="row"><Link to={`/parties/${row.party}`}>{row.name}</Link></th>
                        {row.amounts.map((amount, index) => (
                          <td key={index} className="number">{amount === null ? '—' : `${formatMoney(language, amount, plan.currency)} (${row.percents[index]} %)`}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            )}
          </section>
        );
      })}
    </>
  );
}
