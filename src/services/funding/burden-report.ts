import { selectCandidates } from '../../core/activation/candidates.js';
import { type BurdenRow, computeBurdenSharing } from '../../core/funding/compute-burden-sharing.js';
import { computeFinancingShares } from '../../core/funding/compute-financing-shares.js';
import { splitBetweenDonors } from '../../core/funding/split-donors.js';
import type { RateTable } from '../../core/money/rate-table.js';
import { type ConversionNote, Converter } from './convert-records.js';
import type { FundingRecords } from './load-funding-records.js';
import type { GdpTable } from './reference-data.js';

// Burden sharing (DESIGN.md §5): per party its PURL money (all funds), other finance (its amount under the
// decided option of each financing plan) and pledged ground personnel, against a fair share by GDP; money as
// % of GDP, ranked. The parties: the coalition's states (not the beneficiary) and any other contributing state.

export interface BurdenReport {
  key: 'gdp';
  currency: string;
  asOf: string;
  rows: (BurdenRow & { name: string; personnelPledges: number; personnelUnquantified: number })[];
  totals: { money: number; keyedMoney: number; personnel: { min: number; max: number } };
  outsideKey: string[];
  gdp: { source: string; referenceYear: number; conversion: ConversionNote | null };
  otherFinance: { plan: string; option: string; title: string; conversion: ConversionNote | null }[];
  notes: string[];
}

const PERSONNEL = 'land.personnel';

/** Burden sharing by GDP in `currency` as of a date. */
export function reportBurdenSharing(records: FundingRecords, options: { table: RateTable; gdp: GdpTable; currency: string; asOf: string }): BurdenReport {
  const { table, gdp, currency, asOf } = options;
  const converter = new Converter(table);
  const states = new Map(records.parties.filter((party) => party.kind === 'state').map((party) => [party.id, party]));
  const purl = new Map<string, number>();
  for (const contribution of records.contributions.filter((item) => item.date <= asOf)) {
    const value = converter.convert({ amount: contribution.amount, currency: contribution.currency }, currency, contribution.date, `contributions/${contribution.id}.currency`);
    for (const part of splitBetweenDonors(value?.amount ?? 0, contribution.donors)) purl.set(part.party, (purl.get(part.party) ?? 0) + part.amount);
  }
  const other = new Map<string, number>();
  const otherFinance: BurdenReport['otherFinance'] = [];
  for (const plan of records.plans) {
    const decided = plan.options.find((option) => option.id === plan.decidedOption);
    if (!decided) continue;
    const [shares] = computeFinancingShares({ needAmount: plan.needAmount, options: [decided], parties: records.parties, keyFigures: gdp.usdBn });
    let note: ConversionNote | null = null;
    for (const share of shares?.shares ?? []) {
      const value = converter.convert({ amount: share.amount, currency: plan.currency }, currency, asOf, `financing-plans/${plan.id}.currency`);
      if (plan.currency !== currency && value) note = value.note;
      other.set(share.party, (other.get(share.party) ?? 0) + (value?.amount ?? 0));
    }
    otherFinance.push({ plan: plan.id, option: decided.id, title: decided.title, conversion: note });
  }
  const personnel = new Map<string, { min: number; max: number; pledges: number; unquantified: number }>();
  for (const pledge of selectCandidates(records.pledges, { asOf }).candidates.filter((item) => item.capability === PERSONNEL)) {
    const entry = personnel.get(pledge.party) ?? { min: 0, max: 0, pledges: 0, unquantified: 0 };
    entry.pledges += 1;
    if (pledge.quantity) {
      entry.min += pledge.quantity.min;
      entry.max += pledge.quantity.max;
    } else entry.unquantified += 1;
    personnel.set(pledge.party, entry);
  }
  // GDP (USD bn of the reference year) in the result currency at the year's last rate, for the % of GDP.
  const gdpDate = `${gdp.referenceYear}-12-31`;
  // The note shows what USD 1 bn of GDP is worth in the result currency.
  const gdpNote = currency === 'USD' ? null : (converter.convert({ amount: 100_000_000_000, currency: 'USD' }, currency, gdpDate, 'gdp')?.note ?? null);
  const gdpIn = (party: string): number | undefined => {
    const usdBn = gdp.usdBn.get(party);
    if (usdBn === undefined) return undefined;
    return converter.convert({ amount: Math.round(usdBn * 1e11), currency: 'USD' }, currency, gdpDate, 'gdp')?.amount;
  };
  const members = [...states.values()].filter((party) => party.groups.includes('coalition') || purl.has(party.id) || other.has(party.id));
  const inputs = members.map((party) => {
    const figure = gdp.usdBn.get(party.id);
    const gdpValue = gdpIn(party.id);
    const persons = personnel.get(party.id);
    return {
      party: party.id,
      ...(figure !== undefined ? { keyFigure: figure } : {}),
      ...(gdpValue !== undefined ? { gdp: gdpValue } : {}),
      purl: purl.get(party.id) ?? 0,
      otherFinance: other.get(party.id) ?? 0,
      personnel: { min: persons?.min ?? 0, max: persons?.max ?? 0 },
    };
  });
  converter.throwProblems('the contributions');
  const result = computeBurdenSharing(inputs);
  const notes = [
    'Joint contributions whose split was not reported count in equal parts.',
    'Other finance: each state’s amount under the decided option of each financing plan (GDP stands in for GNI).',
    `Personnel: ${PERSONNEL} pledges that are candidates as of ${asOf}, at their minimum and maximum; pledges without a figure add nothing.`,
  ];
  return {
    key: 'gdp',
    currency,
    asOf,
    rows: result.rows.map((row) => ({
      ...row,
      name: states.get(row.party)?.name.en ?? row.party,
      personnelPledges: personnel.get(row.party)?.pledges ?? 0,
      personnelUnquantified: personnel.get(row.party)?.unquantified ?? 0,
    })),
    totals: result.totals,
    outsideKey: result.outsideKey,
    gdp: { source: gdp.source, referenceYear: gdp.referenceYear, conversion: gdpNote },
    otherFinance,
    notes,
  };
}
