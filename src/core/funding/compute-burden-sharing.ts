import { splitAmount, weightsFromNumbers } from '../money/allocate-proportionally.js';

// Burden sharing (DESIGN.md §5): each party's money given (PURL contributions and other finance it gives) and
// pledged personnel against a fair share by a key (GDP), money as % of GDP, ranked. The fair shares split the
// group's own total by the key (largest remainder, so they sum to it exactly); the gap is what a party
// gives minus its fair share (negative: below its share). A party's share of joint borrowing or guarantees is
// a liability, not money given: it is carried beside the money and enters neither the ranking nor the gaps.

export interface BurdenPartyInput {
  party: string;
  /** Key figure (GDP) in any unit; undefined: the party is listed but outside the key. */
  keyFigure?: number;
  /** GDP in minor units of the result currency, for the % of GDP. */
  gdp?: number;
  purl: number;
  /** Other money the party gives (bilateral finance). */
  otherFinance: number;
  /** Its share of joint borrowing or guarantees it stands behind: a liability, not money given (default 0). */
  liability?: number;
  personnel: { min: number; max: number };
}

export interface BurdenRow {
  rank: number | null;
  party: string;
  purl: number;
  otherFinance: number;
  /** Money given: purl + otherFinance. */
  money: number;
  /** Share of joint borrowing or guarantees: a liability, apart from the money given. */
  liability: number;
  /** money / GDP (a fraction; 0.001 = 0.1 % of GDP), null without a GDP figure. */
  shareOfGdp: number | null;
  /** The party's share of the key (0–1). */
  keyShare: number | null;
  fairShare: number | null;
  gap: number | null;
  personnel: { min: number; max: number };
  personnelFairShare: { min: number; max: number } | null;
  personnelGap: { min: number; max: number } | null;
}

export interface BurdenSharing {
  rows: BurdenRow[];
  totals: { money: number; keyedMoney: number; liabilities: number; personnel: { min: number; max: number } };
  /** Parties without a key figure: listed, unranked, outside the fair shares. */
  outsideKey: string[];
}

/** Fair shares, gaps and the ranking by money as a share of GDP. */
export function computeBurdenSharing(parties: readonly BurdenPartyInput[]): BurdenSharing {
  // Key figures below the weights' precision (10^-6) count as none.
  const keyed = parties.filter((party) => party.keyFigure !== undefined && party.keyFigure >= 1e-6);
  const weights = weightsFromNumbers(keyed.map((party) => party.keyFigure ?? 0), 6);
  const keyTotal = keyed.reduce((acc, party) => acc + (party.keyFigure ?? 0), 0);
  const money = (party: BurdenPartyInput): number => party.purl + party.otherFinance;
  const keyedMoney = keyed.reduce((acc, party) => acc + money(party), 0);
  const personnelMin = keyed.reduce((acc, party) => acc + party.personnel.min, 0);
  const personnelMax = keyed.reduce((acc, party) => acc + party.personnel.max, 0);
  const fair = keyed.length > 0 ? splitAmount(keyedMoney, weights) : [];
  const fairMin = keyed.length > 0 ? splitAmount(personnelMin, weights) : [];
  const fairMax = keyed.length > 0 ? splitAmount(personnelMax, weights) : [];
  const keyedIndex = new Map(keyed.map((party, i) => [party.party, i]));
  const rows: BurdenRow[] = parties.map((party) => {
    const i = keyedIndex.get(party.party);
    const total = money(party);
    const fairShare = i === undefined ? null : (fair[i] ?? 0);
    const personnelFairShare = i === undefined ? null : { min: fairMin[i] ?? 0, max: fairMax[i] ?? 0 };
    return {
      rank: null,
      party: party.party,
      purl: party.purl,
      otherFinance: party.otherFinance,
      money: total,
      liability: party.liability ?? 0,
      shareOfGdp: party.gdp !== undefined && party.gdp > 0 ? total / party.gdp : null,
      keyShare: i === undefined ? null : (party.keyFigure ?? 0) / keyTotal,
      fairShare,
      gap: fairShare === null ? null : total - fairShare,
      personnel: party.personnel,
      personnelFairShare,
      personnelGap: personnelFairShare === null ? null : { min: party.personnel.min - personnelFairShare.min, max: party.personnel.max - personnelFairShare.max },
    };
  });
  rows.sort((a, b) => (b.shareOfGdp ?? -1) - (a.shareOfGdp ?? -1) || (a.party < b.party ? -1 : a.party > b.party ? 1 : 0));
  let rank = 0;
  for (const row of rows) if (row.shareOfGdp !== null) row.rank = ++rank;
  return {
    rows,
    totals: {
      money: parties.reduce((acc, party) => acc + money(party), 0),
      keyedMoney,
      liabilities: parties.reduce((acc, party) => acc + (party.liability ?? 0), 0),
      personnel: { min: personnelMin, max: personnelMax },
    },
    outsideKey: parties.filter((party) => !keyedIndex.has(party.party)).map((party) => party.party),
  };
}
