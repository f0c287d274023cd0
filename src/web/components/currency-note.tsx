import { useI18n } from '../i18n/i18n.js';
import { useAppState } from '../lib/app-state.js';
import { VIEW_CURRENCIES, type ViewCurrency } from '../lib/url-state.data.js';

// One currency per view: the line above a page's money saying which currency it is in and at which ECB
// reference rates it was converted (by the server, with the core's money code), with the switch EUR / USD.

/**
 * "Amounts in [EUR ▾]: contributions converted at the ECB reference rate of their own date, other amounts at that of
 * 2026-04-13." `rateDate` null: nothing was converted at the as-of date; `perContribution`: contributions convert at their own dates.
 */
export function CurrencyNote({ rateDate, perContribution }: { rateDate: string | null; perContribution: boolean }) {
  const { t } = useI18n();
  const { currency, setCurrency } = useAppState();
  const how = [perContribution ? t('money.perContribution') : null, rateDate ? t(perContribution ? 'money.othersAt' : 'money.allAt', { date: rateDate }) : null].filter(Boolean).join('; ');
  return (
    <p className="currency-note muted small" data-testid="currency-note">
      <label htmlFor="view-currency">{t('money.in')}</label>{' '}
      <select id="view-currency" value={currency} onChange={(event) => setCurrency(event.target.value as ViewCurrency)}>
        {VIEW_CURRENCIES.map((code) => (
          <option key={code} value={code}>{code}</option>
        ))}
      </select>
      {how ? `: ${how}.` : '.'} {t('money.exactOnHover')}
    </p>
  );
}
