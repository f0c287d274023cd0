import { selectCandidates } from '../../core/activation/candidates.js';
import { type BurdenRow, computeBurdenSharing } from '../../core/funding/compute-burden-sharing.js';
import { computeFinancingShares } from '../../core/funding/compute-financing-shares.js';
import { splitBetweenDonors } from '../../core/funding/split-donors.js';
import { decidedAsOf } from '../../core/funding/known-as-of.js';
import { averageRate, type RateTable } from '../../core/money/rate-table.js';
import { minorUnitDigits } from '../../contracts/records.schema.js';
import { type ConversionNote, Converter } from './convert-records.js';
import type { FundingRecords } from './load-funding-records.js';
import type { GdpTable } from './reference-data.js';

// Burden sharing (DESIGN.md §5): per party its PURL money (all funds), other finance it gives (its amount
// under a decided bilateral option of a financing plan) and pledged ground personnel, against a fair share by
// GDP; money as % of GDP, ranked. Its share of a decided joint-borrowing or guarantee option is a liability,
// shown apart: it is not money given. The parties: the coalition's states (not the beneficiary) and any other
// contributing or liable state.

export interface BurdenReport {
  key: 'gdp';
  currency: string;
  asOf: string;
  rows: (BurdenRow & { name: string; personnelPledges: number; personnelUnquantified: number })[];
  totals: { money: number; keyedMoney: number; liabilities: number; personnel: { min: number; max: number } };
  outsideKey: string[];
  gdp: { source: string; referenceYear: number; conversion: ConversionNote | null };
  /** Decided bilateral options: money the states give. */
  otherFinance: { plan: string; option: string; title: string; conversion: ConversionNote | null }[];
  /** Decided joint-borrowing or guarantee options: each state's share is a liability, not money given. */
  liabilities: { plan: string; option: string; title: string; exposure: 'liability' | 'guarantee'; conversion: ConversionNote | null }[];
  /** Contributions without a published amount, whose donors add nothing. */
  withoutAmount: string[];
  notes: string[];
}

const PERSONNEL = 'land.personnel';

/** Burden sharing by GDP in `currency` as of a date. */
export function reportBurdenSharing(records: FundingRecords, options: { table: RateTable; gdp: GdpTable; currency: string; asOf: string }): BurdenReport {
  const { table, gdp, currency, asOf } = options;
  const converter = new Converter(table);
  const states = new Map(records.parties.filter((party) => party.kind === 'state').map((party) => [party.id, party]));
  const purl = new Map<string, number>();
  const withoutAmount: string[] = [];
  for (const contribution of records.contributions.filter((item) => item.date <= asOf)) {
    if (contribution.amount === null) {
      withoutAmount.push(contribution.id);
      continue;
    }
    const value = converter.convert({ amount: contribution.amount, currency: contribution.currency }, currency, contribution.date, `contributions/${contribution.id}.currency`);
    for (const part of splitBetweenDonors(value?.amount ?? 0, contribution.donors)) purl.set(part.party, (purl.get(part.party) ?? 0) + part.amount);
  }
  const other = new Map<string, number>();
  const liability = new Map<string, number>();
  const otherFinance: BurdenReport['otherFinance'] = [];
  const liabilities: BurdenReport['liabilities'] = [];
  for (const plan of records.plans) {
    // A plan decided after the as-of date was still open then: nothing is given or owed under it yet.
    const decidedId = decidedAsOf(plan, asOf);
    const decided = plan.options.find((option) => option.id === decidedId);
    if (!decided) continue;
    const [shares] = computeFinancingShares({ needAmount: plan.needAmount, options: [decided], parties: records.parties, keyFigures: gdp.usdBn });
    if (!shares) continue;
    const given = shares.exposure === 'lending';
    let note: ConversionNote | null = null;
    for (const share of shares.shares) {
      const value = converter.convert({ amount: share.amount, currency: plan.currency }, currency, asOf, `financing-plans/${plan.id}.currency`);
      if (plan.currency !== currency && value) note = value.note;
      const target = given ? other : liability;
      target.set(share.party, (target.get(share.party) ?? 0) + (value?.amount ?? 0));
    }
    if (shares.exposure === 'lending') otherFinance.push({ plan: plan.id, option: decided.id, title: decided.title, conversion: note });
    else liabilities.push({ plan: plan.id, option: decided.id, title: decided.title, exposure: shares.exposure, conversion: note });
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
  // GDP (USD bn of the reference year) in the result currency at the year's average ECB rates, as FACTS.md
  // §5.1 converts it (USD 1.0824 per EUR in 2024), for the % of GDP.
  const gdpRate = convertGdp(table, currency, gdp.referenceYear);
  if (!gdpRate.ok) converter.problems.push({ path: 'gdp', message: gdpRate.message });
  const gdpNote = gdpRate.ok ? gdpRate.note : null;
  const gdpIn = (party: string): number | undefined => {
    const usdBn = gdp.usdBn.get(party);
    if (usdBn === undefined || !gdpRate.ok) return undefined;
    return Math.round(usdBn * 1e9 * gdpRate.factor * 10 ** minorUnitDigits(currency));
  };
  const members = [...states.values()].filter((party) => party.groups.includes('coalition') || purl.has(party.id) || other.has(party.id) || liability.has(party.id));
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
      liability: liability.get(party.id) ?? 0,
      personnel: { min: persons?.min ?? 0, max: persons?.max ?? 0 },
    };
  });
  converter.throwProblems('the contributions');
  const result = computeBurdenSharing(inputs);
  const notes = [
    'Joint contributions whose split was not reported count in equal parts.',
    'Money given: PURL contributions and other finance (a state’s amount under a decided bilateral option of a financing plan).',
    'Liability: a state’s share of decided EU joint borrowing or guarantees (GDP standing in for GNI). It is not money given: it is shown apart and enters neither the % of GDP, the fair shares nor the gaps.',
    `Personnel: ${PERSONNEL} pledges that are candidates as of ${asOf}, at their minimum and maximum; pledges without a figure add nothing.`,
  ];
  if (withoutAmount.length > 0) notes.push(`Pledged without a published amount (their donors add nothing): ${withoutAmount.join(', ')}.`);
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
    liabilities,
    withoutAmount,
    notes,
  };
}

// The factor from USD to the result currency at the reference year's average rates, with its note.
function convertGdp(table: RateTable, currency: string, year: number): { ok: true; factor: number; note: ConversionNote | null } | { ok: false; message: string } {
  if (currency === 'USD') return { ok: true, factor: 1, note: null };
  const usd = averageRate(table, 'USD', year);
  const to = averageRate(table, currency, year);
  if (!usd || !to) return { ok: false, message: `cannot convert GDP from USD to ${currency}: no ECB rates for ${usd ? currency : 'USD'} in ${year}` };
  const factor = to.rate / usd.rate;
  const period = `average of ${year} (${usd.days} ECB days)`;
  const rates = [{ currency: 'USD', rate: String(usd.rate), date: period, exact: true }, ...(currency === 'EUR' ? [] : [{ currency, rate: String(to.rate), date: period, exact: true }])];
  const digits = minorUnitDigits(currency);
  const note: ConversionNote = {
    from: { amount: 100_000_000_000, currency: 'USD' },
    to: { amount: Math.round(1e9 * factor * 10 ** digits), currency },
    date: period,
    rates,
    crossRate: factor,
    exact: true,
  };
  return { ok: true, factor, note };
}
