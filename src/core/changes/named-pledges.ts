import type { Pledge, QuantityRange } from '../types.js';
import type { PledgeChanges } from './diff-states.js';

// A changes report names some pledges by id alone (a changed pledge, a withdrawn or superseded one and its
// revision); a reader says which pledge that is by its party, capability and quantity. These are taken from the
// state at the end (or, for a pledge no longer known then, at the start), so a page needs no list of every pledge.

/** A pledge the report names by id, in words a reader recognises. */
export interface NamedPledge {
  id: string;
  party: string;
  capability: string;
  quantity: QuantityRange | null;
}

/** The pledges named by id in `changes` (changed, withdrawn, superseded and the revisions), in id order. */
export function listNamedPledges(changes: PledgeChanges, then: ReadonlyMap<string, Pledge>, now: ReadonlyMap<string, Pledge>): NamedPledge[] {
  const ids = new Set<string>();
  for (const change of changes.changed) ids.add(change.id);
  for (const item of changes.withdrawn) ids.add(item.id);
  for (const item of changes.superseded) {
    ids.add(item.id);
    ids.add(item.by);
  }
  const named: NamedPledge[] = [];
  for (const id of [...ids].sort()) {
    const pledge = now.get(id) ?? then.get(id);
    if (pledge) named.push({ id, party: pledge.party, capability: pledge.capability, quantity: pledge.quantity });
  }
  return named;
}
