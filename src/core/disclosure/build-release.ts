import { selectCandidates } from '../activation/candidates.js';
import type { Pledge, PledgeStatus } from '../types.js';
import { DEFAULT_DISCLOSURE_RULE, type DisclosureRule } from './primary-rule.js';
import { protectRow } from './protect-row.js';
import { fullMask, partiesOf, type RowBasis, type RowPattern, valueOf } from './row-basis.js';

// A public release (DESIGN.md §7): how many parties contribute per domain, and per capability the pledged totals
// by stage, under disclosure control that also holds between releases. Only `public` and `coalition` pledges
// enter it: every logged-in user sees those, so a published figure that also held a restricted or bilateral
// pledge would reveal that pledge to them by subtracting what they can see. Public pledges are known to anyone,
// so only the other (coalition-level) contributions protect a figure.

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

/** What a release's figures are made of (kept with the release, never published): capability → row basis. */
export interface ReleaseBasis {
  capabilities: Record<string, RowBasis>;
}

/** A release's content: what is published, and its basis (for the control over time of later releases). */
export interface ReleaseContent {
  summary: PublicSummary;
  basis: ReleaseBasis;
}

export interface BuildReleaseOptions {
  /** Every pledge of the store (the release filters them itself). */
  pledges: readonly Pledge[];
  unitOf: (capability: string) => string;
  /** Every earlier release, in any order: a figure of this one must not reveal anything against any of them. */
  previous: readonly ReleaseContent[];
  rule?: DisclosureRule;
}

/** Build the next public release. */
export function buildRelease(options: BuildReleaseOptions): ReleaseContent {
  const rule = options.rule ?? DEFAULT_DISCLOSURE_RULE;
  const open = options.pledges.filter((pledge) => pledge.confidentiality === 'public' || pledge.confidentiality === 'coalition');
  const { candidates } = selectCandidates(open);
  const basis = basisOf(candidates);
  const countCell = (group: readonly Pledge[]): { parties: number | null; suppressed: boolean } => {
    const parties = new Set(group.map((pledge) => pledge.party)).size;
    const allPublic = group.length > 0 && group.every((pledge) => pledge.confidentiality === 'public');
    const suppressed = parties > 0 && parties < rule.minParties && !allPublic;
    return { parties: suppressed ? null : parties, suppressed };
  };
  const domains = groupBy(candidates, (pledge) => pledge.capability.split('.')[0] ?? pledge.capability);
  const capabilities = Object.keys(basis.capabilities).sort((a, b) => a.localeCompare(b));
  return {
    summary: {
      rule,
      contributingParties: countCell(candidates).parties,
      domains: [...domains].sort(([a], [b]) => a.localeCompare(b)).map(([domain, group]) => ({ domain, ...countCell(group) })),
      capabilities: capabilities.map((capability) => {
        const row = basis.capabilities[capability] ?? { stages: [] };
        const earlier = options.previous.flatMap((release) => {
          const before = release.basis.capabilities[capability];
          const published = release.summary.capabilities.find((item) => item.capability === capability);
          return before && published ? [{ row: before, pattern: patternOf(published) }] : [];
        });
        return publishRow(capability, options.unitOf(capability), row, protectRow({ row, earlier, rule }));
      }),
    },
    basis,
  };
}

/** Which cells of a published row are suppressed. */
export function patternOf(row: PublicSummary['capabilities'][number]): RowPattern {
  return { stages: PUBLIC_STAGES.map((stage) => row.stages.find((cell) => cell.stage === stage)?.suppressed ?? true), total: row.total.suppressed };
}

// Per capability and stage, each party's public and non-public sums of minimum quantities. Pledges without a
// figure (or with a minimum of 0) add nothing, and a party that adds nothing does not count as contributing.
function basisOf(candidates: readonly Pledge[]): ReleaseBasis {
  const capabilities: Record<string, RowBasis> = {};
  for (const pledge of candidates) {
    const amount = pledge.quantity?.min ?? 0;
    if (amount <= 0 || pledge.status === 'withdrawn') continue;
    const row = (capabilities[pledge.capability] ??= { stages: PUBLIC_STAGES.map(() => ({ public: {}, nonPublic: {} })) });
    const stage = row.stages[PUBLIC_STAGES.indexOf(STAGE_OF[pledge.status])];
    if (!stage) continue;
    const part = pledge.confidentiality === 'public' ? stage.public : stage.nonPublic;
    part[pledge.party] = (part[pledge.party] ?? 0) + amount;
  }
  return { capabilities };
}

function publishRow(capability: string, unit: string, row: RowBasis, pattern: RowPattern): PublicSummary['capabilities'][number] {
  const cell = (mask: number, suppressed: boolean): PublicCell =>
    suppressed ? { value: null, parties: null, suppressed: true } : { value: valueOf(row, mask), parties: partiesOf(row, mask), suppressed: false };
  return {
    capability,
    unit,
    total: cell(fullMask(PUBLIC_STAGES.length), pattern.total),
    stages: PUBLIC_STAGES.map((stage, i) => ({ stage, ...cell(1 << i, pattern.stages[i] ?? true) })),
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
