import { useMemo } from 'react';
import { SourceLinks } from '../../components/source-links.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { useAppState } from '../../lib/app-state.js';
import { type FinancingPlanRecord, loadCollection } from '../../lib/records.js';
import { useLoad } from '../../lib/use-api.js';
import { formatMoney } from '../purl/purl.data.js';
import { buildPlanColumns } from './financing.data.js';

// Financing plans side by side.

/** The financing page. */
export default function FinancingPage() {
  const { t, language } = useI18n();
  const { asOf } = useAppState();
  const loaded = useLoad(`financing:${asOf ?? ''}`, () => loadCollection<FinancingPlanRecord>('financing-plans', asOf));
  const columns = useMemo(() => buildPlanColumns(loaded.data ?? []), [loaded.data]);
  return (
    <div>
      <h1>{t('financing.title')}</h1>
      <Loading loaded={loaded}>
        {() =>
          columns.length === 0 ? (
            <p>{t('common.noData')}</p>
          ) : (
            <div className="side-by-side">
              {columns.map((plan) => (
                <section key={plan.id} className="panel">
                  <h2>{plan.title} <SourceLinks ids={plan.sources} /></h2>
                  <p>{t('financing.need')}: <strong>{formatMoney(language, plan.need, plan.currency)}</strong>{plan.period && ` (${plan.period})`}</p>
                  <h3>{t('financing.options')}</h3>
                  <ol>
                    {plan.options.map((option) => (
                      <li key={option.id} className={option.decided ? 'decided' : undefined}>
                        <strong>{option.title}</strong> {option.decided && '✔'} <span className="muted">({option.kind}{option.key && `, ${option.key}`})</span>
                        {option.amount !== null && <div>{formatMoney(language, option.amount, plan.currency)}</div>}
                        {option.optOuts.length > 0 && <div>{t('financing.optOuts', { parties: option.optOuts.join(', ') })}</div>}
                        {option.guarantors.length > 0 && <div>{t('financing.guarantors', { parties: option.guarantors.join(', ') })}</div>}
                        <SourceLinks ids={option.sources} />
                      </li>
                    ))}
                  </ol>
                </section>
              ))}
            </div>
          )
        }
      </Loading>
    </div>
  );
}
