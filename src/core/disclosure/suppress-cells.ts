// Statistical disclosure control for published totals (DESIGN.md §7), like statistical offices' threshold
// and dominance rules: a cell is published only if at least `minParties` parties contribute and no single party
// holds more than `maxShare` of it — or every contribution to it is public anyway. Secondary suppression then
// hides further cells so that no suppressed cell follows from the published ones by subtraction.

export interface DisclosureRule {
  minParties: number;
  maxShare: number;
}

export const DEFAULT_DISCLOSURE_RULE: DisclosureRule = { minParties: 3, maxShare: 0.85 };

/** One party's contribution to a cell. */
export interface CellContribution {
  party: string;
  value: number;
  /** The contribution's pledge is public: publishing it discloses nothing. */
  isPublic: boolean;
}

export interface CellFacts {
  value: number;
  parties: number;
  /** No contribution at all: a published zero protects nothing and needs no protection. */
  empty: boolean;
  /** Every contribution is public. */
  allPublic: boolean;
  /** Fails the threshold or the dominance rule (and is not all public). */
  sensitive: boolean;
}

/** Sum a cell and apply the primary rules. */
export function assessCell(contributions: readonly CellContribution[], rule: DisclosureRule = DEFAULT_DISCLOSURE_RULE): CellFacts {
  const byParty = new Map<string, number>();
  for (const item of contributions) byParty.set(item.party, (byParty.get(item.party) ?? 0) + item.value);
  const value = [...byParty.values()].reduce((sum, part) => sum + part, 0);
  const largest = Math.max(0, ...byParty.values());
  const empty = contributions.length === 0;
  const allPublic = !empty && contributions.every((item) => item.isPublic);
  const tooFew = byParty.size < rule.minParties;
  const dominated = value > 0 && largest > rule.maxShare * value;
  return { value, parties: byParty.size, empty, allPublic, sensitive: !empty && !allPublic && (tooFew || dominated) };
}

/** Which cells of one additive row (cells that sum to the row total) are published. */
export interface RowSuppression {
  cells: boolean[];
  total: boolean;
}

/**
 * Primary and secondary suppression for a row whose cells add up to its total. `true` = suppressed. With the
 * total published, a row never has exactly one suppressed cell (it would be the total minus the others): a
 * complement is suppressed too — the smallest non-empty cell that is not all public (public figures are known,
 * so they protect nothing) — or, failing one, the total. With the total suppressed, at least one cell is too.
 */
export function suppressRow(cells: readonly CellFacts[], total: CellFacts): RowSuppression {
  const hidden = cells.map((cell) => cell.sensitive);
  let totalHidden = total.sensitive;
  const complements = (): number[] =>
    cells
      .map((cell, i) => ({ cell, i }))
      .filter(({ cell, i }) => !hidden[i] && !cell.empty && !cell.allPublic)
      .sort((a, b) => a.cell.value - b.cell.value || a.i - b.i)
      .map(({ i }) => i);
  const hiddenCount = (): number => hidden.filter(Boolean).length;
  if (!totalHidden && hiddenCount() === 1) {
    const [next] = complements();
    if (next === undefined) totalHidden = true;
    else hidden[next] = true;
  }
  if (totalHidden && hiddenCount() === 0) {
    const [next] = complements();
    if (next !== undefined) hidden[next] = true;
    // Otherwise every non-empty cell is public, so the total is public too and was not hidden.
  }
  return { cells: hidden, total: totalHidden };
}
