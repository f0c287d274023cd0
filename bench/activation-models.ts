import type { ActivationPledge } from '../src/core/activation/compile-network.js';
import type { Condition } from '../src/core/conditions/ast.js';
import { coversArea } from '../src/core/areas.js';
import type { FactValue, QuantityRange } from '../src/core/types.js';
import { createRandom, pick, randomInt } from './bench-support.js';

// Deterministic activation models for the benchmark (docs/performance.md): random conditions of about three
// literals over many parties, and long dependency chains whose fixed points need n rounds of propagation.

export interface ActivationModel {
  name: string;
  pledges: ActivationPledge[];
  facts: Map<string, FactValue>;
}

const CAPABILITIES = [
  'land.personnel',
  'land.brigade_equipment',
  'air.fighters',
  'air.isr',
  'air_defence.systems',
  'air_defence.interceptors',
  'maritime.vessels',
  'maritime.mine_countermeasures',
  'training.trainees_per_year',
  'monitoring.observers',
  'logistics.hub',
  'intelligence.support',
  'industry.long_range_missiles',
  'finance.grant',
  'finance.loan',
];
const TOGETHER = 'monitoring.observers';
const PLEDGE_AREAS = ['any', 'ua', 'ua.rear', 'ua.front', 'outside_ua'];
const TARGET_AREAS = ['ua', 'ua.rear', 'ua.front', 'outside_ua'];
const FACT_VALUES: readonly [string, FactValue][] = [
  ['ceasefire', true],
  ['us_backstop', 'unknown'],
  ['un_mandate', false],
  ['violation', false],
  ['mandate.DE', true],
  ['mandate.FR', true],
  ['mandate.GB', 'unknown'],
  ['mandate.PL', true],
  ['mandate.NL', false],
  ['mandate.IT', 'unknown'],
  ['mandate.SE', true],
  ['mandate.DK', true],
];
const at = 0;

/** Random model of `n` pledges: ~3 literals each (facts, total, count, active; nested and/or), seeded. */
export function buildRandomModel(n: number, seed: number): ActivationModel {
  const random = createRandom(seed);
  const partyCount = Math.max(40, Math.floor(n / 100));
  const parties = Array.from({ length: partyCount }, (_, i) => `P${i}`);
  const shells = Array.from({ length: n }, (_, i) => randomShell(random, i, parties));
  const scale = measureAggregates(shells);
  const pledges = shells.map((shell): ActivationPledge => ({ ...shell, condition: randomCondition(random, scale, parties, shell) }));
  return { name: 'random', pledges, facts: new Map(FACT_VALUES) };
}

type PledgeShell = Omit<ActivationPledge, 'condition'>;

function randomShell(random: () => number, index: number, parties: readonly string[]): PledgeShell {
  const min = randomInt(random, 1, 20);
  const quantity: QuantityRange | null = random() < 0.05 ? null : { min, max: min + randomInt(random, 0, 10) };
  const first = pick(random, PLEDGE_AREAS);
  const areas = random() < 0.3 ? [...new Set([first, pick(random, PLEDGE_AREAS)])] : [first];
  return { id: `p${index}`, party: pick(random, parties), capability: pick(random, CAPABILITIES), quantity, areas };
}

/** Full totals (every pledge at its minimum) per capability and area, and parties per capability. */
interface AggregateScale {
  total: Map<string, number>;
  parties: Map<string, number>;
}

function measureAggregates(shells: readonly PledgeShell[]): AggregateScale {
  const total = new Map<string, number>();
  const partySets = new Map<string, Set<string>>();
  const add = (key: string, amount: number): void => void total.set(key, (total.get(key) ?? 0) + amount);
  for (const shell of shells) {
    const amount = shell.quantity?.min ?? 0;
    add(shell.capability, amount);
    for (const area of TARGET_AREAS) {
      if (shell.areas.some((allowed) => coversArea(allowed, area))) add(`${shell.capability}|${area}`, amount);
    }
    const set = partySets.get(shell.capability) ?? new Set<string>();
    set.add(shell.party);
    partySets.set(shell.capability, set);
  }
  return { total, parties: new Map([...partySets].map(([capability, set]) => [capability, set.size])) };
}

// Shapes: and of three, or over an and, and over an or, a pair, or a single literal. Pledges of the TOGETHER
// capability all say "if others pledge half of it": none moves first, so the certain ones form the assurance gap.
function randomCondition(random: () => number, scale: AggregateScale, parties: readonly string[], shell: PledgeShell): Condition {
  const literal = (): Condition => randomLiteral(random, scale, parties);
  if (shell.capability === TOGETHER) return { kind: 'and', items: [together(scale), literal()] };
  const shape = random();
  if (shape < 0.3) return { kind: 'and', items: [literal(), literal(), literal()] };
  if (shape < 0.55) return { kind: 'or', items: [literal(), { kind: 'and', items: [literal(), literal()] }] };
  if (shape < 0.8) return { kind: 'and', items: [literal(), { kind: 'or', items: [literal(), literal()] }] };
  if (shape < 0.95) return { kind: 'and', items: [literal(), literal()] };
  return literal();
}

function together(scale: AggregateScale): Condition {
  const threshold = Math.round((scale.total.get(TOGETHER) ?? 0) * 0.4);
  return { kind: 'total', capability: TOGETHER, op: '>=', threshold, at, capabilityAt: at };
}

function randomLiteral(random: () => number, scale: AggregateScale, parties: readonly string[]): Condition {
  const roll = random();
  if (roll < 0.35) {
    const [fact] = pick(random, FACT_VALUES);
    return { kind: 'fact', fact, negated: random() < 0.3, at };
  }
  const capability = pick(random, CAPABILITIES);
  const op = random() < 0.8 ? ('>=' as const) : ('>' as const);
  // Thresholds are a share of what all pledges would give, so that some hold and some do not at every size.
  const share = 0.05 + random() * 0.75;
  if (roll < 0.6) {
    const area = random() < 0.5 ? pick(random, TARGET_AREAS) : undefined;
    const full = scale.total.get(area === undefined ? capability : `${capability}|${area}`) ?? 0;
    const node: Condition = { kind: 'total', capability, op, threshold: Math.round(full * share), at, capabilityAt: at };
    return area === undefined ? node : { ...node, area, areaAt: at };
  }
  if (roll < 0.75) {
    const threshold = Math.max(1, Math.round((scale.parties.get(capability) ?? 0) * share));
    return { kind: 'count', capability, op, threshold, at, capabilityAt: at };
  }
  const party = pick(random, parties);
  return random() < 0.5 ? { kind: 'active', party, at, partyAt: at } : { kind: 'active', party, capability, at, partyAt: at, capabilityAt: at };
}

export type ChainVariant = 'chain' | 'chain-head-inactive' | 'ring';

/**
 * A chain of `n` pledges, each of its own party P{i}, waiting on `active(P{i-1})`. `chain`: P0 depends on a
 * true fact, so the least fixed point adds one pledge per round; `chain-head-inactive`: P0 depends on a false
 * fact, so the greatest fixed point drops them one by one; `ring`: P0 waits on the last party, so all are
 * certain only together (one waiting group of n).
 */
export function buildChainModel(n: number, variant: ChainVariant, seed: number): ActivationModel {
  const random = createRandom(seed);
  const capability = (): string => pick(random, CAPABILITIES);
  const pledges: ActivationPledge[] = [];
  for (let i = 0; i < n; i++) {
    const min = randomInt(random, 1, 20);
    pledges.push({
      id: `c${i}`,
      party: `P${i}`,
      capability: capability(),
      quantity: { min, max: min + randomInt(random, 0, 5) },
      areas: ['any'],
      condition: chainCondition(i, n, variant),
    });
  }
  const facts = new Map<string, FactValue>([
    ['ceasefire', true],
    ['violation', true],
  ]);
  return { name: variant, pledges, facts };
}

function chainCondition(i: number, n: number, variant: ChainVariant): Condition {
  if (i > 0) return { kind: 'active', party: `P${i - 1}`, at, partyAt: at };
  if (variant === 'ring') return { kind: 'active', party: `P${n - 1}`, at, partyAt: at };
  return { kind: 'fact', fact: 'violation', negated: variant === 'chain-head-inactive', at };
}

/** Number of literals (leaves) over all conditions of a model. */
export function countLiterals(pledges: readonly ActivationPledge[]): number {
  const leaves = (node: Condition): number => (node.kind === 'and' || node.kind === 'or' ? node.items.reduce((sum, item) => sum + leaves(item), 0) : 1);
  return pledges.reduce((sum, pledge) => sum + leaves(pledge.condition), 0);
}
