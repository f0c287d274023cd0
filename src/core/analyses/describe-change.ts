// Numbers and changes in words for the analyses' sentences ("+12,000–15,000 land.personnel in ua.rear").

/** A whole or decimal number with thousands separators: 12000 → "12,000". */
export function formatAmount(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole, fraction] = Math.abs(rounded).toString().split('.');
  const grouped = (whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** True when a change reads as one figure or range ("+12,000", "+12,000–15,000"); else both are named. */
export function isDeltaRange(min: number, max: number): boolean {
  const gain = min >= 0 && max >= 0;
  const loss = min <= 0 && max <= 0;
  return min === max || ((gain || loss) && Math.abs(min) <= Math.abs(max));
}

/**
 * A change of supply at the certain minimum and the possible maximum: "+12,000" when both agree, "+12,000–15,000"
 * (or "−0–15,000") when the maximum moves at least as far in the same direction, else both named
 * ("+2,001 certain, maximum unchanged").
 */
export function formatDelta(min: number, max: number): string {
  const signed = (value: number): string => (value > 0 ? `+${formatAmount(value)}` : value < 0 ? formatAmount(value) : '0');
  if (min === max) return signed(min);
  if (isDeltaRange(min, max)) return `${min >= 0 && max >= 0 ? '+' : '−'}${formatAmount(Math.abs(min))}–${formatAmount(Math.abs(max))}`;
  return `${signed(min)} certain, ${max === 0 ? 'maximum unchanged' : `${signed(max)} at most`}`;
}

/** The first `shown` ids, then "…" with how many more. */
export function listIds(ids: readonly string[], shown = 4): string {
  if (ids.length <= shown) return ids.join(', ');
  return `${ids.slice(0, shown).join(', ')} … (${ids.length - shown} more)`;
}
