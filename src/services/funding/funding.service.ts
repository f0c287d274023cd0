import { knownAsOf } from '../../core/funding/known-as-of.js';
import { convertMoney } from '../../core/money/convert-money.js';
import { findRate, listRateCurrencies, type RateTable, type RateUsed } from '../../core/money/rate-table.js';
import type { BurdenQuery, RateQuery } from '../../contracts/funding.schema.js';
import { InputError } from '../../contracts/input-error.js';
import { minorUnitDigits } from '../../contracts/records.schema.js';
import type { Store } from '../../db/open-store.js';
import type { Principal } from '../../core/access/principal.js';
import type { Actor } from '../records.service.js';
import { type BurdenReport, reportBurdenSharing } from './burden-report.js';
import { type ConversionNote, noteOf } from './convert-records.js';
import { type FinancingReport, financingReportOf, reportFinancingPlan } from './financing-report.js';
import { type FundAllocationReport, reportFundAllocation } from './fund-allocation.js';
import { DatasetCache } from '../store-dataset.js';
import { loadFundingRecords } from './load-funding-records.js';
import { importRates, RateTableCache, type RatesImportSummary, type RatesInfo } from './rates.service.js';
import { loadGdpTable, loadReportedTotals } from './reference-data.js';

// The funding use cases for the API and the CLI: load the records the caller may see (one function, see
// load-funding-records), the rates and the reference data, then call the core.

export type FundSummary = {
  id: string;
  title: string;
  /** The currency of the figures (the fund's unless another was asked for), and the ECB day of the rates used for the as-of date. */
  currency: string;
  rateDate: string | null;
  packages: number;
  fundedPackages: number;
  contributions: number;
  contributed: number;
  allocated: number;
  shortfall: number;
  target: number | null;
  fundedShareOfTarget: number | null;
};

export interface RatesAnswer {
  info: RatesInfo;
  date: string;
  rates: RateUsed[];
  conversion: ConversionNote | null;
}

export class FundingService {
  private readonly rateTables = new RateTableCache();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
    /** The app's dataset cache (services.cache); a command of its own gets a fresh one. */
    private readonly cache: DatasetCache = new DatasetCache(),
  ) {}

  /** Every fund with its totals as of a date (default today); `recorded: 'as-of'` also reads the funding records as they were recorded then. */
  async listFunds(principal: Principal, options: { asOf?: string; recorded?: 'now' | 'as-of'; currency?: string } = {}): Promise<FundSummary[]> {
    const records = await loadFundingRecords(this.store.db, this.cache, principal, options.recorded === 'as-of' ? options.asOf : undefined);
    const { table } = await this.rateTables.current(this.store.db);
    checkCurrency(table, options.currency);
    const reported = await loadReportedTotals();
    const asOf = options.asOf ?? this.today();
    return records.funds.filter((fund) => knownAsOf(fund, asOf)).map((fund) => {
      const report = reportFundAllocation(records, fund.id, { table, asOf, reported, ...(options.currency !== undefined ? { currency: options.currency } : {}) });
      const { totals, packages } = report.allocation;
      return {
        id: fund.id,
        title: fund.title,
        currency: report.currency,
        rateDate: report.rateDate,
        packages: packages.length,
        fundedPackages: packages.filter((item) => item.status !== 'open').length,
        contributions: report.contributions.length,
        contributed: totals.contributed,
        allocated: totals.allocated,
        shortfall: totals.shortfall,
        target: totals.target,
        fundedShareOfTarget: totals.fundedShareOfTarget,
      };
    });
  }

  /** One fund's allocation: packages, donors, flows, conversions, reported totals. */
  async allocation(principal: Principal, fundId: string, options: { asOf?: string; currency?: string } = {}): Promise<FundAllocationReport> {
    const records = await loadFundingRecords(this.store.db, this.cache, principal);
    const { table } = await this.rateTables.current(this.store.db);
    checkCurrency(table, options.currency);
    return reportFundAllocation(records, fundId, { table, asOf: options.asOf ?? this.today(), reported: await loadReportedTotals(), ...(options.currency !== undefined ? { currency: options.currency } : {}) });
  }

  /** One financing plan's options side by side as of a date (default today: a later decision is not shown as taken). */
  async financing(principal: Principal, planId: string, options: { asOf?: string; currency?: string } = {}): Promise<FinancingReport> {
    const { table } = await this.rateTables.current(this.store.db);
    checkCurrency(table, options.currency);
    const records = await loadFundingRecords(this.store.db, this.cache, principal);
    return reportFinancingPlan(records, planId, await loadGdpTable(), options.asOf ?? this.today(), options.currency === undefined ? undefined : { table, currency: options.currency });
  }

  /** Every financing plan's options side by side, as of today. */
  async listFinancing(principal: Principal): Promise<FinancingReport[]> {
    const records = await loadFundingRecords(this.store.db, this.cache, principal);
    const gdp = await loadGdpTable();
    return records.plans.map((plan) => financingReportOf(plan, records, gdp, this.today()));
  }

  /** Burden sharing by a key in a currency. */
  async burden(principal: Principal, query: BurdenQuery): Promise<BurdenReport> {
    const { table } = await this.rateTables.current(this.store.db);
    checkCurrency(table, query.currency);
    const records = await loadFundingRecords(this.store.db, this.cache, principal);
    return reportBurdenSharing(records, { table, gdp: await loadGdpTable(), currency: query.currency, asOf: query.asOf ?? this.today() });
  }

  /** The rates on a date (nearest earlier publication day), and a conversion when asked for. */
  async rates(query: RateQuery): Promise<RatesAnswer> {
    const { table, info } = await this.rateTables.current(this.store.db);
    const date = query.date ?? this.today();
    const problems: { path: string; message: string }[] = [];
    const currencies = query.from !== undefined ? [query.from, query.to] : listRateCurrencies(table);
    const rates: RateUsed[] = [];
    for (const [i, currency] of currencies.entries()) {
      if (currency === 'EUR') continue;
      const found = findRate(table, currency, date);
      if (found.ok) rates.push(found.value);
      else problems.push({ path: query.from !== undefined ? (i === 0 ? 'from' : 'to') : 'date', message: found.message });
    }
    if (problems.length > 0) throw new InputError('input.invalid', 'invalid rate query', problems);
    let conversion: ConversionNote | null = null;
    if (query.amount !== undefined && query.from !== undefined) {
      const result = convertMoney(table, { amount: query.amount, currency: query.from }, query.to, date, minorUnitDigits);
      if (result.ok) conversion = noteOf(result.value);
    }
    return { info, date, rates, conversion };
  }

  /** Import an ECB rate file (all or nothing). */
  async importRates(actor: Actor, input: { name: string; text: string }): Promise<RatesImportSummary> {
    return importRates(this.store, input, actor, this.now);
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

// A currency to report in must have ECB rates (400 naming the field otherwise).
function checkCurrency(table: RateTable, currency: string | undefined): void {
  if (currency === undefined || currency === 'EUR' || table.series.has(currency)) return;
  throw new InputError('input.invalid', 'invalid currency', [{ path: 'currency', message: `no ECB reference rate for ${currency} (rates exist for EUR, ${listRateCurrencies(table).join(', ')})` }]);
}
