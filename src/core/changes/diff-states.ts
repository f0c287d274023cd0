import type { Fact, IsoDate, Pledge, Requirement } from '../types.js';
import type { AsOfState, CoverageFigures, StateContribution, StateDecision } from './as-of-state.js';
import { type CollectionDiff, diffRecords } from './diff-records.js';

// What changed between two dates (GET /api/changes, `coalition changes`, the briefing pack): the difference
// between the states known at the end of each, nothing else. Pure: every list in id order.

export interface PledgeChanges extends CollectionDiff<Pledge> {
  /** Known at both dates, counting at the first and withdrawn by the second. */
  withdrawn: { id: string; party: string; on: IsoDate | null }[];
  /** Known at both dates, counting at the first and replaced by a revision by the second. */
  superseded: { id: string; party: string; by: string }[];
}

export interface CoverageChange {
  requirement: string;
  /** null where the requirement did not exist at that date. */
  then: CoverageFigures | null;
  now: CoverageFigures | null;
  changed: boolean;
}

export interface ChangeReport {
  since: IsoDate;
  until: IsoDate;
  pledges: PledgeChanges;
  /** Every requirement known at either date, then and now. */
  coverage: CoverageChange[];
  requirements: CollectionDiff<Requirement>;
  facts: CollectionDiff<Fact>;
  contributions: CollectionDiff<StateContribution>;
  decisions: CollectionDiff<StateDecision>;
}

/** The differences between the state at `since` and the state at `until`. */
export function diffStates(then: AsOfState, now: AsOfState): ChangeReport {
  const pledges = diffRecords(then.pledges, now.pledges);
  const withdrawn: PledgeChanges['withdrawn'] = [];
  const superseded: PledgeChanges['superseded'] = [];
  for (const id of [...now.pledges.keys()].sort()) {
    const party = (now.pledges.get(id) as Pledge).party;
    if (!then.pledges.has(id)) continue;
    const out = now.withdrawn.get(id);
    if (out && !then.withdrawn.has(id)) withdrawn.push({ id, party, on: out.on });
    const by = now.superseded.get(id);
    if (by && !then.superseded.has(id) && !then.withdrawn.has(id) && !out) superseded.push({ id, party, by: by.by });
  }
  const requirementIds = [...new Set([...then.coverage.keys(), ...now.coverage.keys()])].sort();
  const coverage = requirementIds.map((requirement) => {
    const before = then.coverage.get(requirement) ?? null;
    const after = now.coverage.get(requirement) ?? null;
    return { requirement, then: before, now: after, changed: JSON.stringify(before) !== JSON.stringify(after) };
  });
  return {
    since: then.date,
    until: now.date,
    pledges: { ...pledges, withdrawn, superseded },
    coverage,
    requirements: diffRecords(then.requirements, now.requirements),
    facts: diffRecords(then.facts, now.facts),
    contributions: diffRecords(then.contributions, now.contributions),
    decisions: diffRecords(then.decisions, now.decisions),
  };
}

/** How many changes a report holds (coverage rows count when their figures moved). */
export function countChanges(report: ChangeReport): number {
  const size = (diff: CollectionDiff<unknown & { id: string }>): number => diff.added.length + diff.changed.length + diff.removed.length;
  return (
    size(report.pledges) +
    report.pledges.withdrawn.length +
    report.pledges.superseded.length +
    report.coverage.filter((row) => row.changed).length +
    size(report.requirements) +
    size(report.facts) +
    size(report.contributions) +
    size(report.decisions)
  );
}
