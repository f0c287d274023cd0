import { addFigures, type PartyFigures } from './primary-rule.js';

// One published row: a capability's total and its stages (parts that add up to it). The basis is what the
// figures are made of, per stage and party, split into public parts (known to everyone) and non-public ones
// (what disclosure control protects). It is kept with each release, never published.

/** One stage cell's contributions: party → sum of minimum quantities. */
export interface StageBasis {
  public: Record<string, number>;
  nonPublic: Record<string, number>;
}

export interface RowBasis {
  stages: StageBasis[];
}

/** Which cells of a row a release hides: `true` = suppressed. */
export interface RowPattern {
  stages: boolean[];
  total: boolean;
}

/** A set of stages as a bit mask (bit i = stage i). */
export type StageMask = number;

/** The mask of every stage of a row with `count` stages. */
export function fullMask(count: number): StageMask {
  return (1 << count) - 1;
}

/** The stage indices in a mask. */
export function stagesOf(mask: StageMask, count: number): number[] {
  const stages: number[] = [];
  for (let i = 0; i < count; i++) if (mask & (1 << i)) stages.push(i);
  return stages;
}

/**
 * The sets of stages whose sum a reader can compute from a release's row: each published stage, and — when the
 * total is published — the hidden stages together (the total minus the published ones); then every union of
 * these blocks (the linear span of what is published, restricted to sums of whole stages).
 */
export function knownMasks(pattern: RowPattern): StageMask[] {
  const count = pattern.stages.length;
  const blocks: StageMask[] = [];
  let hidden = 0;
  pattern.stages.forEach((isHidden, i) => {
    if (isHidden) hidden |= 1 << i;
    else blocks.push(1 << i);
  });
  if (!pattern.total && hidden !== 0) blocks.push(hidden);
  const masks = new Set<StageMask>();
  for (let pick = 1; pick < 1 << blocks.length; pick++) {
    let mask = 0;
    blocks.forEach((block, i) => {
      if (pick & (1 << i)) mask |= block;
    });
    masks.add(mask);
  }
  // Ordered: single stages first, then larger sets, the total last.
  return [...masks].filter((mask) => mask !== 0 && mask <= fullMask(count)).sort((a, b) => popCount(a) - popCount(b) || a - b);
}

/** The non-public part of the stages in `mask`, per party. */
export function nonPublicOf(row: RowBasis, mask: StageMask): Map<string, number> {
  return addFigures(stagesOf(mask, row.stages.length).map((i) => toFigures(row.stages[i]?.nonPublic ?? {})));
}

/** The published value of the stages in `mask`: every contribution, public or not. */
export function valueOf(row: RowBasis, mask: StageMask): number {
  let value = 0;
  for (const i of stagesOf(mask, row.stages.length)) {
    const stage = row.stages[i];
    if (!stage) continue;
    for (const part of Object.values(stage.public)) value += part;
    for (const part of Object.values(stage.nonPublic)) value += part;
  }
  return value;
}

/** How many parties contribute to the stages in `mask`, publicly or not. */
export function partiesOf(row: RowBasis, mask: StageMask): number {
  const parties = new Set<string>();
  for (const i of stagesOf(mask, row.stages.length)) {
    const stage = row.stages[i];
    if (!stage) continue;
    for (const party of Object.keys(stage.public)) parties.add(party);
    for (const party of Object.keys(stage.nonPublic)) parties.add(party);
  }
  return parties.size;
}

function toFigures(record: Record<string, number>): PartyFigures {
  return new Map(Object.entries(record));
}

function popCount(mask: StageMask): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}
