import { selectCandidates } from '../activation/candidates.js';
import type { Pledge, PledgeStatus } from '../types.js';
import { assessCell, type CellContribution, DEFAULT_DISCLOSURE_RULE, type DisclosureRule, suppressRow } from './suppress-cells.js';

// The public summary (no login): how many parties contribute per domain, and per capability the pledged
// totals by stage, under disclosure control. Only `public` and `coalition` pledges enter it: every logged-in
// user sees those, so a published figure that also held a restricted or bilateral pledge would reveal that
// pledge to them by subtracting what they can see.

export const PUBLIC_STAGES = ['planned', 'committed', 'delivered'] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

const STAGE_OF: Record<Exclude<PledgeStatus, 'withdrawn'>, PublicStage> = {
  announced: 'planned',
  offered: 'planned',
  committed: 'committed',
  approved: 'committed',
  delivered: 'delivered',
};

/** A published figure, or null when suppressed. */
export interface PublicCell {
  value: number | null;
  parties: number | null;
  suppressed: boolean;
}

export interface PublicSummary {
  rule: DisclosureRule;
  contributingParties: number | null;
  domains: { domain: string; parties: number | null; suppressed: boolean }[];
  capabilities: { capability: string; unit: string; total: PublicCell; stages: ({ stage: PublicStage } & PublicCell)[] }[];
}

/** Build the public summary from all pledges (filters them itself) and the capabilities' units. */
export function buildPublicSummary(pledges: readonly Pledge[], unitOf: (capability: string) => string, rule: DisclosureRule = DEFAULT_DISCLOSURE_RULE): PublicSummary {
  const open = pledges.filter((pledge) => pledge.confidentiality === 'public' || pledge.confidentiality === 'coalition');
  const { candidates } = selectCandidates(open);
  const countCell = (group: readonly Pledge[]): { parties: number | null; suppressed: boolean } => {
    const parties = new Set(group.map((pledge) => pledge.party)).size;
    const allPublic = group.length > 0 && group.every((pledge) => pledge.confidentiality === 'public');
    const suppressed = parties > 0 && parties < rule.minParties && !allPublic;
    return { parties: suppressed ? null : parties, suppressed };
  };
  const domains = groupBy(candidates, (pledge) => pledge.capability.split('.')[0] ?? pledge.capability);
  const capabilities = groupBy(candidates, (pledge) => pledge.capability);
  return {
    rule,
    contributingParties: countCell(candidates).parties,
    domains: [...domains].sort(([a], [b]) => a.localeCompare(b)).map(([domain, group]) => ({ domain, ...countCell(group) })),
    capabilities: [...capabilities].sort(([a], [b]) => a.localeCompare(b)).map(([capability, group]) => summariseCapability(capability, unitOf(capability), group, rule)),
  };
}

function summariseCapability(capability: string, unit: string, pledges: readonly Pledge[], rule: DisclosureRule): PublicSummary['capabilities'][number] {
  // A total counts minimum quantities; pledges without a figure (or with a minimum of 0) add nothing to it.
  const quantified = pledges.filter((pledge) => pledge.quantity !== null && pledge.quantity.min > 0);
  const contribution = (pledge: Pledge): CellContribution => ({ party: pledge.party, value: pledge.quantity?.min ?? 0, isPublic: pledge.confidentiality === 'public' });
  const stageOf = (pledge: Pledge): PublicStage => (pledge.status === 'withdrawn' ? 'planned' : STAGE_OF[pledge.status]);
  const cells = PUBLIC_STAGES.map((stage) => assessCell(quantified.filter((pledge) => stageOf(pledge) === stage).map(contribution), rule));
  const total = assessCell(quantified.map(contribution), rule);
  const hidden = suppressRow(cells, total);
  const publish = (cell: (typeof cells)[number], suppressed: boolean): PublicCell =>
    suppressed ? { value: null, parties: null, suppressed: true } : { value: cell.value, parties: cell.parties, suppressed: false };
  return {
    capability,
    unit,
    total: publish(total, hidden.total),
    stages: PUBLIC_STAGES.map((stage, i) => ({ stage, ...publish(cells[i] ?? total, hidden.cells[i] ?? true) })),
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
