// The primary rule of disclosure control (DESIGN.md §7), as statistical offices apply threshold and dominance
// rules (sdcTable's `freq` and `nk` rules with n = 1, k = 85): public figures are known, so only the non-public
// part of a figure protects anyone. A figure is safe when its non-public part is zero, or spread over at least
// `minParties` parties with none above `maxShare` of it. The same rule judges what an attacker computes from
// published figures (a difference, a change between releases): there a party's part may be negative, and its
// size counts (|part| against the sum of all |parts|).

export interface DisclosureRule {
  minParties: number;
  maxShare: number;
}

export const DEFAULT_DISCLOSURE_RULE: DisclosureRule = { minParties: 3, maxShare: 0.85 };

/** The non-public part of a figure (or of a computed difference), per party; absent or 0 = nothing. */
export type PartyFigures = ReadonlyMap<string, number>;

/** True when the figure's non-public part could reveal one party: too few parties, or one dominates. */
export function failsPrimaryRule(figures: PartyFigures, rule: DisclosureRule = DEFAULT_DISCLOSURE_RULE): boolean {
  let parties = 0;
  let sum = 0;
  let largest = 0;
  for (const value of figures.values()) {
    const size = Math.abs(value);
    if (size === 0) continue;
    parties += 1;
    sum += size;
    largest = Math.max(largest, size);
  }
  if (parties === 0) return false;
  return parties < rule.minParties || largest > rule.maxShare * sum;
}

/** `a - b`, party by party (zeros dropped). */
export function subtractFigures(a: PartyFigures, b: PartyFigures): Map<string, number> {
  const result = new Map<string, number>();
  for (const [party, value] of a) result.set(party, value);
  for (const [party, value] of b) result.set(party, (result.get(party) ?? 0) - value);
  for (const [party, value] of result) if (value === 0) result.delete(party);
  return result;
}

/** The sum of several figures, party by party (zeros dropped). */
export function addFigures(parts: readonly PartyFigures[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const part of parts) for (const [party, value] of part) result.set(party, (result.get(party) ?? 0) + value);
  for (const [party, value] of result) if (value === 0) result.delete(party);
  return result;
}
