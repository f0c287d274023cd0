import { minorUnitDigits } from '../../contracts/records.schema.js';
import type { ConversionNote } from '../../services/funding/convert-records.js';

// Money for people in the funding commands: millions with one decimal place, the rates used in words.

/** "USD 562.6 m" from minor units (exact figures are in --json); amounts under a million in full. */
export function formatMillions(amount: number | null, currency: string): string {
  if (amount === null) return '–';
  const major = amount / 10 ** minorUnitDigits(currency);
  if (amount !== 0 && Math.abs(major) < 1e6) {
    const digits = minorUnitDigits(currency);
    return `${currency} ${new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(major)}`;
  }
  const text = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(major / 1e6);
  return `${currency} ${text} m`;
}

/** A share 0–1 as a percentage with one decimal ("12.3 %"); "–" without one. */
export function formatShare(share: number | null, decimals = 1): string {
  return share === null ? '–' : `${(share * 100).toFixed(decimals)} %`;
}

/** "NOK→USD at 11.6725 / 1.1252 per EUR of 2025-05-09 (nearest earlier to 2025-08-05)". */
export function describeConversion(note: ConversionNote): string {
  const rates = note.rates.map((rate) => `${rate.currency} ${rate.rate}`).join(', ');
  const dates = [...new Set(note.rates.map((rate) => rate.date))].join('/');
  const when = note.exact ? `of ${dates}` : `of ${dates} (nearest earlier to ${note.date})`;
  return `${note.from.currency}→${note.to.currency} at ${rates} per EUR ${when}`;
}
