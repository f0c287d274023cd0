import { formatMoney, formatMoneyExact } from '../features/purl/purl.data.js';
import type { Language } from '../i18n/messages.js';

// An amount rounded to what a source supports (three significant figures: "€23.2bn"), the exact figure on hover.

/** A money amount in minor units, rounded, with the exact amount as its tooltip. */
export function Money({ language, amount, currency }: { language: Language; amount: number; currency: string }) {
  return <span className="money" title={formatMoneyExact(language, amount, currency)}>{formatMoney(language, amount, currency)}</span>;
}
