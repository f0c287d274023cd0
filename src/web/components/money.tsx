import { formatMoney, formatMoneyExact } from '../features/purl/purl.data.js';
import { useI18n } from '../i18n/i18n.js';
import type { Language } from '../i18n/messages.js';

// An amount rounded to what a source supports (three significant figures: "€23.2bn"), the exact figure on hover
// and, for a converted amount, what it was and the ECB rate the server converted it at.

/** How the server converted an amount (the API's conversion note). */
export interface ConversionLike {
  from: { amount: number; currency: string };
  rates: { currency: string; rate: string; date: string }[];
}

/** A money amount in minor units, rounded, with the exact amount (and its conversion) as its tooltip. */
export function Money({ language, amount, currency, conversion }: { language: Language; amount: number; currency: string; conversion?: ConversionLike | null | undefined }) {
  const { t } = useI18n();
  const exact = formatMoneyExact(language, amount, currency);
  const rate = conversion?.rates[0];
  const title = conversion && rate ? `${exact} — ${t('money.original', { amount: formatMoneyExact(language, conversion.from.amount, conversion.from.currency), date: rate.date, rate: conversion.rates.map((entry) => `1 EUR = ${entry.rate} ${entry.currency}`).join(', ') })}` : exact;
  return <span className="money" title={title}>{formatMoney(language, amount, currency)}</span>;
}
