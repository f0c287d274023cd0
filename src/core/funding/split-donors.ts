import { splitAmount, weightsFromNumbers } from '../money/allocate-proportionally.js';

// A joint contribution ("Poland, Norway and Germany together") split between its donors. Known shares are
// used as given; donors without a share split what the known shares leave, equally; with no shares at all
// every donor gets an equal part. Parts are whole minor units that sum to the amount (largest remainder,
// ties to the donor listed first).

export interface DonorShare {
  party: string;
  /** 0–1; undefined when the reporting does not say. */
  share?: number;
}

export interface DonorPart {
  party: string;
  amount: number;
  /** The share used: as given, or derived (`equal` when not reported). */
  share: number;
  shareKnown: boolean;
}

/** Split `amount` (minor units) between the donors. */
export function splitBetweenDonors(amount: number, donors: readonly DonorShare[]): DonorPart[] {
  if (donors.length === 0) return [];
  const known = donors.reduce((sum, donor) => sum + (donor.share ?? 0), 0);
  const unknown = donors.filter((donor) => donor.share === undefined).length;
  const rest = unknown > 0 ? Math.max(0, 1 - known) / unknown : 0;
  let shares = donors.map((donor) => donor.share ?? rest);
  let weights = weightsFromNumbers(shares);
  // Shares that leave nothing for anyone (all 0 at the weights' precision) would lose money: equal parts.
  if (weights.every((weight) => weight === 0n)) {
    shares = donors.map(() => 1 / donors.length);
    weights = donors.map(() => 1n);
  }
  const parts = splitAmount(amount, weights);
  return donors.map((donor, i) => ({ party: donor.party, amount: parts[i] ?? 0, share: shares[i] ?? 0, shareKnown: donor.share !== undefined }));
}
