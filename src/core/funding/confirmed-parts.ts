import { type DonorPart, type DonorShare, splitBetweenDonors } from './split-donors.js';

// A contribution counts in funding figures only for the donors whose parts are confirmed (DESIGN.md §2): a
// delegate can record its own party's part, and another donor's part counts once that donor confirms it.

export interface ConfirmableDonor extends DonorShare {
  /** false while the donor has not confirmed its part; absent: confirmed. */
  confirmed?: boolean;
}

/**
 * The counted form of a contribution (its confirmed donors' parts: their amount, and those donors with their
 * shares of it), or undefined when nothing of it is confirmed; and the parts left out.
 */
export function countConfirmedParts<C extends { amount: number; donors: ConfirmableDonor[] }>(contribution: C): { counted: C | undefined; unconfirmed: DonorPart[] } {
  if (contribution.donors.every((donor) => donor.confirmed !== false)) return { counted: contribution, unconfirmed: [] };
  const parts = splitBetweenDonors(contribution.amount, contribution.donors);
  const confirmed = parts.filter((_part, i) => contribution.donors[i]?.confirmed !== false);
  const unconfirmed = parts.filter((_part, i) => contribution.donors[i]?.confirmed === false);
  const amount = confirmed.reduce((sum, part) => sum + part.amount, 0);
  if (amount === 0) return { counted: undefined, unconfirmed };
  const donors = confirmed.map((part) => (confirmed.length === 1 ? { party: part.party } : { party: part.party, share: part.amount / amount }));
  return { counted: { ...contribution, amount, donors }, unconfirmed };
}
