import type { FinancingPlan } from '../../../contracts/records.schema.js';
import { decidedAsOf } from '../../../core/funding/known-as-of.js';

// Financing plans side by side: one column per plan, one row per option, the decided option marked.

export interface PlanColumn {
  id: string;
  title: string;
  need: number;
  currency: string;
  period: string | null;
  /** The day the decided option was decided, when it was by the as-of date (null: open then, or no date recorded). */
  decidedOn: string | null;
  /** True when no option was decided by the as-of date. */
  open: boolean;
  options: { id: string; kind: string; title: string; name: { en: string; de: string } | null; key: string | null; amount: number | null; optOuts: string[]; guarantors: string[]; decided: boolean; sources: string[] }[];
  sources: string[];
}

/** The plans as columns as of a date, each option with its key, opt-outs and guarantors; a decision taken after the date is not marked. */
export function buildPlanColumns(plans: readonly FinancingPlan[], asOf: string): PlanColumn[] {
  return [...plans]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((plan) => ({ plan, decided: decidedAsOf(plan, asOf) }))
    .map(({ plan, decided }) => ({
      id: plan.id,
      title: plan.title,
      need: plan.needAmount,
      currency: plan.currency,
      period: plan.period ? `${plan.period.from ?? '…'} – ${plan.period.to ?? '…'}` : null,
      decidedOn: decided === undefined ? null : (plan.decidedOn ?? null),
      open: decided === undefined,
      options: plan.options.map((option) => ({
        id: option.id,
        kind: option.kind,
        title: option.title,
        name: option.name ?? null,
        key: option.key ?? null,
        amount: option.amount ?? null,
        optOuts: option.optOuts ?? [],
        guarantors: option.guarantors ?? [],
        decided: decided === option.id,
        sources: option.sources ?? [],
      })),
      sources: plan.sources,
    }));
}

// GET /api/financing-plans/:id/shares (docs/funding.md): each state's amount under each option.
export interface PlanShares {
  /** In the currency asked for (the server converted the need and the amounts at the as-of date's rate). */
  plan: { id: string; currency: string; needAmount?: number };
  options: { id: string; title: string; kind: string; keyUsed?: string; exposure: string; amount?: number; decided: boolean; warnings: string[] }[];
  conversion?: { from: string; note: { from: { amount: number; currency: string }; rates: { currency: string; rate: string; date: string }[] } } | null;
  sideBySide: { party: string; name?: string; amounts: (number | null)[]; shares: (number | null)[] }[];
  keySource?: string;
}

export interface SideBySide {
  options: { id: string; title: string; exposure: string; decided: boolean; warnings: string[] }[];
  rows: { party: string; name: string; amounts: (number | null)[]; percents: (number | null)[] }[];
}

/** Per state its amount and share under each option, the largest under the decided option first. */
export function buildSideBySide(shares: PlanShares): SideBySide {
  const decided = Math.max(0, shares.options.findIndex((option) => option.decided));
  const amountAt = (row: PlanShares['sideBySide'][number]): number => row.amounts[decided] ?? -1;
  return {
    options: shares.options.map((option) => ({ id: option.id, title: option.title, exposure: option.exposure, decided: option.decided, warnings: option.warnings })),
    rows: [...shares.sideBySide]
      .sort((a, b) => amountAt(b) - amountAt(a) || a.party.localeCompare(b.party))
      .map((row) => ({ party: row.party, name: row.name ?? row.party, amounts: row.amounts, percents: row.shares.map((share) => (share === null ? null : Math.round(share * 1000) / 10)) })),
  };
}
