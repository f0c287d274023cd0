import type { FinancingPlan } from '../../../contracts/records.schema.js';

// Financing plans side by side: one column per plan, one row per option, the decided option marked.

export interface PlanColumn {
  id: string;
  title: string;
  need: number;
  currency: string;
  period: string | null;
  options: { id: string; kind: string; title: string; key: string | null; amount: number | null; optOuts: string[]; guarantors: string[]; decided: boolean; sources: string[] }[];
  sources: string[];
}

/** The plans as columns, each option with its key, opt-outs and guarantors. */
export function buildPlanColumns(plans: readonly FinancingPlan[]): PlanColumn[] {
  return [...plans]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((plan) => ({
      id: plan.id,
      title: plan.title,
      need: plan.needAmount,
      currency: plan.currency,
      period: plan.period ? `${plan.period.from ?? '…'} – ${plan.period.to ?? '…'}` : null,
      options: plan.options.map((option) => ({
        id: option.id,
        kind: option.kind,
        title: option.title,
        key: option.key ?? null,
        amount: option.amount ?? null,
        optOuts: option.optOuts ?? [],
        guarantors: option.guarantors ?? [],
        decided: plan.decidedOption === option.id,
        sources: option.sources ?? [],
      })),
      sources: plan.sources,
    }));
}
