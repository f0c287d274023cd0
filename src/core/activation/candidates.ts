import type { IsoDate, Pledge, PledgeStatus } from '../types.js';

// Which pledges take part in an evaluation (DESIGN.md §4): not withdrawn, not superseded, announced by the
// as-of date, at or above a minimum status.

export const STATUS_RANK: Record<PledgeStatus, number> = {
  announced: 0,
  offered: 1,
  committed: 2,
  approved: 3,
  delivered: 4,
  withdrawn: -1,
};

export interface CandidateOptions {
  /** Evaluate as known on this date; undefined means "now" (every recorded pledge). */
  asOf?: IsoDate;
  minStatus?: Exclude<PledgeStatus, 'withdrawn'>;
}

export type ExclusionReason =
  | { kind: 'withdrawn'; on?: IsoDate }
  | { kind: 'superseded'; by: string }
  | { kind: 'not_yet_announced'; announcedOn: IsoDate; asOf: IsoDate }
  | { kind: 'below_min_status'; status: PledgeStatus; minStatus: PledgeStatus };

export interface CandidateSelection {
  candidates: Pledge[];
  excluded: Map<string, ExclusionReason>;
}

/** Split pledges into candidates and excluded ones, each with its reason. */
export function selectCandidates(pledges: readonly Pledge[], options: CandidateOptions = {}): CandidateSelection {
  const asOf = options.asOf;
  const minRank = STATUS_RANK[options.minStatus ?? 'announced'];
  const known = (pledge: Pledge): boolean => asOf === undefined || pledge.announcedOn === undefined || pledge.announcedOn <= asOf;
  // A revision only hides the pledge it replaces once the revision itself is known at the as-of date.
  const supersededBy = new Map<string, string>();
  for (const pledge of pledges) {
    if (pledge.supersedes !== undefined && known(pledge)) supersededBy.set(pledge.supersedes, pledge.id);
  }
  const candidates: Pledge[] = [];
  const excluded = new Map<string, ExclusionReason>();
  for (const pledge of pledges) {
    const reason = exclusionOf(pledge, { asOf, minRank, minStatus: options.minStatus ?? 'announced', supersededBy });
    if (reason) excluded.set(pledge.id, reason);
    else candidates.push(pledge);
  }
  return { candidates, excluded };
}

interface ExclusionContext {
  asOf: IsoDate | undefined;
  minRank: number;
  minStatus: PledgeStatus;
  supersededBy: Map<string, string>;
}

function exclusionOf(pledge: Pledge, context: ExclusionContext): ExclusionReason | undefined {
  const { asOf } = context;
  if (asOf !== undefined && pledge.announcedOn !== undefined && pledge.announcedOn > asOf) {
    return { kind: 'not_yet_announced', announcedOn: pledge.announcedOn, asOf };
  }
  const withdrawnBy = pledge.withdrawnOn !== undefined && (asOf === undefined || pledge.withdrawnOn <= asOf);
  if (withdrawnBy || (pledge.status === 'withdrawn' && pledge.withdrawnOn === undefined)) {
    return pledge.withdrawnOn === undefined ? { kind: 'withdrawn' } : { kind: 'withdrawn', on: pledge.withdrawnOn };
  }
  const by = context.supersededBy.get(pledge.id);
  if (by !== undefined) return { kind: 'superseded', by };
  // A pledge withdrawn after the as-of date was live then; its status before withdrawal is not recorded, so it counts as announced.
  const rank = pledge.status === 'withdrawn' ? STATUS_RANK.announced : STATUS_RANK[pledge.status];
  if (rank < context.minRank) return { kind: 'below_min_status', status: pledge.status, minStatus: context.minStatus };
  return undefined;
}
