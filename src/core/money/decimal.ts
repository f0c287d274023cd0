// Exact decimal arithmetic for money: ECB rates are decimal strings ("1.1252"), amounts are integer minor
// units. Everything is done in BigInt, so no binary floating point touches an amount.

/** A non-negative decimal as an integer and a power-of-ten scale: "1.1252" → {units: 11252n, scale: 4}. */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL_PATTERN = /^(\d{1,15})(?:\.(\d{1,12}))?$/;

/** Parse a positive decimal such as an ECB rate; undefined when it is not one (or zero). */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  const units = BigInt(`${match[1] ?? '0'}${fraction}`);
  return units === 0n ? undefined : { units, scale: fraction.length };
}

/** The decimal as a canonical string ("1.1252", "7.46"). */
export function formatDecimal(value: Decimal): string {
  const digits = value.units.toString().padStart(value.scale + 1, '0');
  if (value.scale === 0) return digits;
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** Round numerator / denominator to the nearest integer, halves away from zero (both non-negative). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n || numerator < 0n) throw new RangeError('divideRounded needs a non-negative numerator and a positive denominator');
  const quotient = numerator / denominator;
  return (numerator % denominator) * 2n >= denominator ? quotient + 1n : quotient;
}

/** 10^n as a BigInt. */
export function powerOfTen(n: number): bigint {
  return 10n ** BigInt(n);
}
