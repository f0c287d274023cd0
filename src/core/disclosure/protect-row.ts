import { DEFAULT_DISCLOSURE_RULE, type DisclosureRule, failsPrimaryRule, subtractFigures } from './primary-rule.js';
import { fullMask, knownMasks, nonPublicOf, type RowBasis, type RowPattern, type StageMask } from './row-basis.js';

// Primary, secondary and over-time suppression of one row (a capability's total and its stages), in one loop.
// The invariant a release must keep, for every figure a reader can compute from it (knownMasks: a published
// cell, or the total minus the published stages):
//   1. the figure itself passes the primary rule (after subtracting public figures);
//   2. the difference of any two such figures of the row in this release passes it;
//   3. the difference between any such figure of this release and any such figure of the same row in ANY earlier
//      release passes it (so a change attributable to fewer than 3 parties, or dominated by one, is never shown).
// The primary rule judges the difference party by party: a computed figure that moves only one party (its
// figure, or its change) fails it, and so does one that equals a suppressed cell's non-public part. While a
// figure breaks the invariant, the release hides one more cell so that figure can no longer be computed —
// preferring a small stage (a complement, as in τ-ARGUS's secondary suppression), else the total. Every step
// hides a published cell, so the loop ends after at most (stages + 1) steps.

export interface ProtectRowOptions {
  row: RowBasis;
  /** The same row in every earlier release: what it was made of, and what that release hid. */
  earlier: readonly { row: RowBasis; pattern: RowPattern }[];
  rule?: DisclosureRule;
}

/** Decide which cells of a row this release hides. */
export function protectRow(options: ProtectRowOptions): RowPattern {
  const rule = options.rule ?? DEFAULT_DISCLOSURE_RULE;
  const count = options.row.stages.length;
  const earlierFigures = options.earlier.map(({ row, pattern }) => knownMasks(pattern).map((mask) => nonPublicOf(row, mask)));
  let pattern: RowPattern = { stages: options.row.stages.map(() => false), total: false };
  for (let step = 0; step <= count + 1; step++) {
    const unsafe = findUnsafeFigure(options.row, pattern, earlierFigures, rule);
    if (unsafe === undefined) return pattern;
    pattern = forget(options.row, pattern, unsafe);
  }
  // Unreachable (every step hides a cell); hiding everything is the safe answer regardless.
  return { stages: options.row.stages.map(() => true), total: true };
}

/** A computable figure of the row (as a mask) that breaks the invariant, if any. */
function findUnsafeFigure(row: RowBasis, pattern: RowPattern, earlier: readonly (readonly Map<string, number>[])[], rule: DisclosureRule): StageMask | undefined {
  const masks = knownMasks(pattern);
  const figures = masks.map((mask) => nonPublicOf(row, mask));
  for (let i = 0; i < masks.length; i++) if (failsPrimaryRule(figures[i] ?? new Map(), rule)) return masks[i];
  for (let j = 0; j < masks.length; j++) {
    for (let i = 0; i < j; i++) if (failsPrimaryRule(subtractFigures(figures[i] ?? new Map(), figures[j] ?? new Map()), rule)) return masks[j];
  }
  for (const release of earlier) {
    for (let j = 0; j < masks.length; j++) {
      for (const before of release) if (failsPrimaryRule(subtractFigures(before, figures[j] ?? new Map()), rule)) return masks[j];
    }
  }
  return undefined;
}

/** Hide one more cell so that `mask` can no longer be computed: a published stage (smallest first), else the total. */
function forget(row: RowBasis, pattern: RowPattern, mask: StageMask): RowPattern {
  const count = row.stages.length;
  const single = pattern.stages.findIndex((hidden, i) => !hidden && mask === 1 << i);
  if (single >= 0) return hideStage(pattern, single);
  const size = (i: number): number => [...nonPublicOf(row, 1 << i).values()].reduce((sum, value) => sum + Math.abs(value), 0);
  const published = pattern.stages.flatMap((hidden, i) => (hidden ? [] : [i]));
  const protecting = published.filter((i) => size(i) > 0).sort((a, b) => size(a) - size(b) || a - b);
  const empty = published.filter((i) => size(i) === 0);
  const candidates: RowPattern[] = [...protecting.map((i) => hideStage(pattern, i)), ...(pattern.total ? [] : [{ ...pattern, total: true }]), ...empty.map((i) => hideStage(pattern, i))];
  const works = candidates.find((candidate) => !knownMasks(candidate).includes(mask));
  if (works) return works;
  // Cannot happen for a mask that is computable (see knownMasks); stay safe anyway.
  return mask === fullMask(count) ? { stages: pattern.stages.map(() => true), total: true } : { ...pattern, total: true };
}

function hideStage(pattern: RowPattern, stage: number): RowPattern {
  return { stages: pattern.stages.map((hidden, i) => hidden || i === stage), total: pattern.total };
}
