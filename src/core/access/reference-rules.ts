import type { Dataset, Pledge } from '../types.js';
import type { WriteDecision } from './permissions.js';
import { isUser, type Principal, type VisibilityScope } from './principal.js';
import { canSeeItem } from './visibility.js';

// Writes through reference fields (DESIGN.md §2, §7): what a pledge may point at. A reference to a record the
// writer may not see is judged on the dataset as the writer sees it, so it gets exactly the answer a missing
// record gets; a reference to another party's visible record is refused where the rule says so.

/** Whether a scope may see a pledge. */
export function canSeePledge(scope: VisibilityScope, pledge: Pledge): boolean {
  return canSeeItem(scope, { confidentiality: pledge.confidentiality, owners: [pledge.party], sharedWith: pledge.sharedWith });
}

/**
 * Whether `pledge` may supersede `target` (a pledge the writer can see): only a pledge of the same party,
 * unless a coordinator or the system writes.
 */
export function decideSupersedes(principal: Principal, pledge: Pledge, target: Pledge): WriteDecision {
  if (!isUser(principal) || principal.role === 'coordinator' || target.party === pledge.party) return { ok: true };
  return { ok: false, reason: 'forbidden', message: `a pledge of ${pledge.party} may supersede only ${pledge.party}'s pledges, not '${target.id}' of ${target.party}` };
}

/**
 * The dataset as a scope sees it, for checking a write: pledges the scope may not see are gone, and so are
 * references to them from the pledges that stay — except a reference the writer just set on `written`
 * (`keep`), which then reads exactly like a reference to a pledge that does not exist.
 */
export function datasetAsSeenBy(dataset: Dataset, scope: VisibilityScope, keep?: { id: string; supersedes?: string | undefined }): Dataset {
  if (scope.kind === 'all') return dataset;
  const pledges = dataset.pledges.filter((pledge) => pledge.id === keep?.id || canSeePledge(scope, pledge));
  const visible = new Set(pledges.map((pledge) => pledge.id));
  const view = pledges.map((pledge) => {
    if (pledge.supersedes === undefined || visible.has(pledge.supersedes)) return pledge;
    if (pledge.id === keep?.id && keep.supersedes !== undefined && pledge.supersedes === keep.supersedes) return pledge;
    const { supersedes: _hidden, ...rest } = pledge;
    return rest;
  });
  return { ...dataset, pledges: view };
}
