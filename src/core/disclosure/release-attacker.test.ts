import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pledge, PledgeStatus } from '../types.js';
import { buildRelease, PUBLIC_STAGES, type PublicSummary, type ReleaseContent } from './build-release.js';

// A brute-force attacker against generated edit sequences and the releases published after each edit. It knows
// every public pledge at every release and every published figure, and computes everything one release's row
// gives by adding and subtracting its published cells; then it compares every two such figures of a capability,
// in one release and across ANY two releases. Ground truth comes from the pledges, not from the implementation.
// Nothing it computes may (a) give a suppressed cell of its own release, or (b) after subtracting the public
// pledges, rest on fewer than 3 non-public parties or on one party above 85 % — in particular never exactly one
// party's figure or one party's change.

const PARTIES = ['A', 'B', 'C', 'D', 'E', 'F'];
const CAPABILITIES = ['land.personnel', 'air.fighters'];
const STATUSES: Exclude<PledgeStatus, 'withdrawn'>[] = ['announced', 'offered', 'committed', 'approved', 'delivered'];
const STAGE_INDEX: Record<string, number> = { announced: 0, offered: 0, committed: 1, approved: 1, delivered: 2 };
const LEVELS = ['public', 'coalition', 'coalition', 'restricted'] as const;

type Edit =
  | { kind: 'add'; party: number; capability: number; quantity: number; status: number; level: number }
  | { kind: 'remove'; at: number }
  | { kind: 'quantity'; at: number; quantity: number }
  | { kind: 'status'; at: number; status: number }
  | { kind: 'level'; at: number; level: number };

const addArb = fc.record({
  kind: fc.constant('add' as const),
  party: fc.nat(PARTIES.length - 1),
  capability: fc.nat(CAPABILITIES.length - 1),
  quantity: fc.integer({ min: 1, max: 6 }),
  status: fc.nat(STATUSES.length - 1),
  level: fc.nat(LEVELS.length - 1),
});
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: addArb },
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('quantity' as const), at: fc.nat(), quantity: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('status' as const), at: fc.nat(), status: fc.nat(STATUSES.length - 1) }),
  fc.record({ kind: fc.constant('level' as const), at: fc.nat(), level: fc.nat(LEVELS.length - 1) }),
);
const historyArb = fc.record({ start: fc.array(addArb, { maxLength: 10 }), steps: fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }) });

function applyEdit(pledges: Pledge[], edit: Edit, id: number): Pledge[] {
  if (edit.kind === 'add') {
    const pledge: Pledge = {
      id: `p${id}`, party: PARTIES[edit.party] ?? 'A', capability: CAPABILITIES[edit.capability] ?? 'land.personnel', quantity: { min: edit.quantity, max: edit.quantity },
      areas: ['any'], status: STATUSES[edit.status] ?? 'announced', confidentiality: LEVELS[edit.level] ?? 'coalition', condition: 'true', sources: [],
    };
    return [...pledges, pledge];
  }
  if (pledges.length === 0) return pledges;
  const at = edit.at % pledges.length;
  const change = (patch: Partial<Pledge>): Pledge[] => pledges.map((pledge, i) => (i === at ? { ...pledge, ...patch } : pledge));
  switch (edit.kind) {
    case 'remove':
      return pledges.filter((_, i) => i !== at);
    case 'quantity':
      return change({ quantity: { min: edit.quantity, max: edit.quantity } });
    case 'status':
      return change({ status: STATUSES[edit.status] ?? 'announced' });
    case 'level':
      return change({ confidentiality: LEVELS[edit.level] ?? 'coalition' });
  }
}

/** The truth behind a set of stages: each party's non-public sum, and the public sum (known to the attacker). */
function truthOf(pledges: readonly Pledge[], capability: string, stages: readonly number[]): { nonPublic: Map<string, number>; publicSum: number } {
  const nonPublic = new Map<string, number>();
  let publicSum = 0;
  for (const pledge of pledges) {
    if (pledge.capability !== capability || !stages.includes(STAGE_INDEX[pledge.status] ?? -1)) continue;
    const amount = pledge.quantity?.min ?? 0;
    if (pledge.confidentiality === 'public') publicSum += amount;
    else if (pledge.confidentiality === 'coalition') nonPublic.set(pledge.party, (nonPublic.get(pledge.party) ?? 0) + amount);
  }
  return { nonPublic, publicSum };
}

interface Derived {
  release: number;
  capability: string;
  /** Coefficient per stage (0/1): the stages whose sum this is. */
  stages: number[];
  value: number;
  nonPublic: Map<string, number>;
}

/** Everything the attacker computes from one release: ±1 combinations of published cells that sum whole stages. */
function deriveFromRelease(summary: PublicSummary, release: number, pledges: readonly Pledge[]): { derived: Derived[]; hiddenReached: string[] } {
  const derived: Derived[] = [];
  const hiddenReached: string[] = [];
  for (const row of summary.capabilities) {
    const equations: { coefficients: number[]; value: number }[] = [];
    row.stages.forEach((cell, i) => {
      if (!cell.suppressed && cell.value !== null) equations.push({ coefficients: PUBLIC_STAGES.map((_, j) => (i === j ? 1 : 0)), value: cell.value });
    });
    if (!row.total.suppressed && row.total.value !== null) equations.push({ coefficients: PUBLIC_STAGES.map(() => 1), value: row.total.value });
    const seen = new Set<string>();
    for (let code = 1; code < 3 ** equations.length; code++) {
      let rest = code;
      const sum = PUBLIC_STAGES.map(() => 0);
      let value = 0;
      for (const equation of equations) {
        const factor = (rest % 3) - 1;
        rest = Math.floor(rest / 3);
        equation.coefficients.forEach((c, j) => (sum[j] = (sum[j] ?? 0) + factor * c));
        value += factor * equation.value;
      }
      if (!sum.every((c) => c === 0 || c === 1) || sum.every((c) => c === 0) || seen.has(sum.join())) continue;
      seen.add(sum.join());
      const stages = sum.flatMap((c, j) => (c === 1 ? [j] : []));
      const truth = truthOf(pledges, row.capability, stages);
      // The published figures are honest: what the attacker computes is the truth.
      expect(value).toBe(truth.publicSum + [...truth.nonPublic.values()].reduce((a, b) => a + b, 0));
      derived.push({ release, capability: row.capability, stages, value, nonPublic: truth.nonPublic });
      const isTotal = stages.length === PUBLIC_STAGES.length;
      if (isTotal && row.total.suppressed) hiddenReached.push(`${row.capability} total`);
      if (stages.length === 1 && row.stages[stages[0] ?? 0]?.suppressed) hiddenReached.push(`${row.capability} ${PUBLIC_STAGES[stages[0] ?? 0]}`);
    }
  }
  return { derived, hiddenReached };
}

/** Why a computed non-public figure reveals something (threshold 3, dominance 85 %), or undefined. */
function revelation(parts: Map<string, number>): string | undefined {
  const sizes = [...parts.values()].map(Math.abs).filter((size) => size > 0);
  if (sizes.length === 0) return undefined;
  const sum = sizes.reduce((a, b) => a + b, 0);
  if (sizes.length === 1) return 'one party exactly';
  if (sizes.length < 3) return 'fewer than 3 parties';
  if (Math.max(...sizes) > 0.85 * sum) return 'one party above 85 %';
  return undefined;
}

function difference(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const result = new Map(a);
  for (const [party, value] of b) result.set(party, (result.get(party) ?? 0) - value);
  return result;
}

/** Publish a release after each step of a history; return the pledges and releases. */
function publishHistory(history: { start: Edit[]; steps: Edit[][] }): { pledges: Pledge[]; release: ReleaseContent }[] {
  let id = 0;
  let pledges: Pledge[] = [];
  for (const edit of history.start) pledges = applyEdit(pledges, edit, id++);
  const releases: { pledges: Pledge[]; release: ReleaseContent }[] = [];
  const publish = (): void => {
    const release = buildRelease({ pledges, unitOf: () => 'units', previous: releases.map((item) => item.release) });
    releases.push({ pledges, release });
  };
  publish();
  for (const step of history.steps) {
    for (const edit of step) pledges = applyEdit(pledges, edit, id++);
    publish();
  }
  return releases;
}

describe('disclosure control against a brute-force attacker', () => {
  it('no single figure, no difference within a release and no difference across any two releases reveals a party or a suppressed cell (3,000 histories)', () => {
    let comparisons = 0;
    fc.assert(
      fc.property(historyArb, (history) => {
        const releases = publishHistory(history);
        const all: Derived[] = [];
        releases.forEach(({ pledges, release }, index) => {
          const { derived, hiddenReached } = deriveFromRelease(release.summary, index, pledges);
          expect(hiddenReached, `release ${index}: a suppressed cell follows from the published ones`).toEqual([]);
          all.push(...derived);
        });
        for (const item of all) expect(revelation(item.nonPublic), `release ${item.release} ${item.capability} stages ${item.stages.join('+')}`).toBeUndefined();
        for (let i = 0; i < all.length; i++) {
          for (let j = i + 1; j < all.length; j++) {
            const a = all[i];
            const b = all[j];
            if (!a || !b || a.capability !== b.capability) continue;
            comparisons += 1;
            const why = revelation(difference(a.nonPublic, b.nonPublic));
            expect(why, `${a.capability}: release ${a.release} stages ${a.stages.join('+')} minus release ${b.release} stages ${b.stages.join('+')}`).toBeUndefined();
          }
        }
      }),
      { numRuns: 3_000 },
    );
    expect(comparisons).toBeGreaterThan(10_000);
  });
});
