import type { ActivationPledge } from '../src/core/activation/compile-network.js';
import type { Condition } from '../src/core/conditions/ast.js';
import type { Fact, Requirement } from '../src/core/types.js';
import { createRandom, pick, randomInt } from './bench-support.js';

// Deterministic models for the analyses benchmark: pledges over a few capabilities and areas with conditions of
// facts (Boolean: the risk's bit-parallel path) or facts and aggregates (the engine's path), requirements per
// capability and area, and a pool of facts of which some are unknown.

const CAPABILITIES = ['land.personnel', 'air.fighters', 'air_defence.systems', 'maritime.vessels', 'logistics.hub'];
const PLEDGE_AREAS = ['any', 'ua', 'ua.rear', 'ua.front', 'outside_ua'];
const TARGET_AREAS = ['ua.rear', 'ua.front', 'outside_ua'];
const at = 0;

export interface AnalysisBenchModel {
  pledges: ActivationPledge[];
  requirements: Requirement[];
  facts: Fact[];
}

export interface ModelShape {
  pledges: number;
  parties: number;
  /** Facts in all; the first `unknown` of them are unknown, the rest true or false. */
  facts: number;
  unknown: number;
  /** Conditions may use total()/count()/active() as well as facts. */
  aggregates: boolean;
  seed: number;
}

/** A random model of the given shape. */
export function buildAnalysisModelData(shape: ModelShape): AnalysisBenchModel {
  const random = createRandom(shape.seed);
  const factIds = Array.from({ length: shape.facts }, (_, i) => `f${String(i).padStart(2, '0')}`);
  const facts: Fact[] = factIds.map((id, i) => ({ id, value: i < shape.unknown ? 'unknown' : random() < 0.5, probability: 0.2 + 0.6 * random(), sources: [] }));
  const parties = Array.from({ length: shape.parties }, (_, i) => `P${i}`);
  const literal = (): Condition => {
    if (shape.aggregates && random() < 0.35) {
      const kind = randomInt(random, 0, 2);
      if (kind === 0) return { kind: 'total', capability: pick(random, CAPABILITIES), op: '>=', threshold: randomInt(random, 100, 20_000), at, capabilityAt: at };
      if (kind === 1) return { kind: 'count', capability: pick(random, CAPABILITIES), op: '>=', threshold: randomInt(random, 1, 6), at, capabilityAt: at };
      return { kind: 'active', party: pick(random, parties), at, partyAt: at };
    }
    return { kind: 'fact', fact: pick(random, factIds), negated: random() < 0.15, at };
  };
  const condition = (): Condition => {
    const size = randomInt(random, 1, 3);
    if (size === 1) return literal();
    const items = Array.from({ length: size }, literal);
    return { kind: random() < 0.7 ? 'and' : 'or', items };
  };
  const pledges: ActivationPledge[] = Array.from({ length: shape.pledges }, (_, i) => {
    const min = randomInt(random, 1, 2000);
    return {
      id: `p${i}`,
      party: parties[i % parties.length] as string,
      capability: pick(random, CAPABILITIES),
      quantity: { min, max: min + randomInt(random, 0, 1000) },
      areas: [pick(random, PLEDGE_AREAS)],
      condition: condition(),
    };
  });
  const requirements: Requirement[] = [];
  for (const capability of CAPABILITIES) {
    for (const area of TARGET_AREAS) {
      requirements.push({ id: `r-${capability}-${area}`, capability, area, priority: randomInt(random, 1, 3), quantity: randomInt(random, 20, 200) * (shape.pledges / 10), estimate: false, sources: [] });
    }
  }
  return { pledges, requirements, facts };
}

/** An allocation model of `pledges` × `requirements` variables: every pledge fits every requirement of its capability. */
export function buildAllocationModelData(pledgeCount: number, requirementCount: number, seed: number): AnalysisBenchModel {
  const random = createRandom(seed);
  const areas = Array.from({ length: requirementCount }, (_, i) => `ua.sector${i}`);
  const pledges: ActivationPledge[] = Array.from({ length: pledgeCount }, (_, i) => ({
    id: `p${i}`,
    party: `P${i % 60}`,
    capability: 'land.personnel',
    quantity: { min: randomInt(random, 1, 100), max: 100 },
    areas: ['ua'],
    condition: { kind: 'const', value: true },
  }));
  const requirements: Requirement[] = areas.map((area, i) => ({
    id: `r${i}`,
    capability: 'land.personnel',
    area,
    priority: 1 + (i % 3),
    quantity: randomInt(random, 1000, 5000) * (pledgeCount / 1000),
    estimate: false,
    sources: [],
  }));
  return { pledges, requirements, facts: [] };
}

/**
 * An allocation model that HiGHS gets at full size: `pledges` pledges of one capability, each allowed in its own
 * random set of `areasPerPledge` of `requirementCount` sectors with its own quantity, so that no two pledges have
 * the same columns and the exact reduction (reduce-allocation-lp.ts) merges nothing: pledges × areasPerPledge
 * variables. Demands vary around the average supply per requirement (some short, some met), priorities 1–3.
 */
export function buildDistinctAllocationModelData(options: { pledges: number; requirements: number; areasPerPledge: number; seed: number }): AnalysisBenchModel {
  const random = createRandom(options.seed);
  const sectors = Array.from({ length: options.requirements }, (_, i) => `ua.sector${i}`);
  let supply = 0;
  const pledges: ActivationPledge[] = Array.from({ length: options.pledges }, (_, i) => {
    const chosen = new Set<number>();
    while (chosen.size < options.areasPerPledge) chosen.add(randomInt(random, 0, options.requirements - 1));
    const min = randomInt(random, 1, 1000);
    supply += min;
    return {
      id: `p${i}`,
      party: `P${i % 60}`,
      capability: 'land.personnel',
      quantity: { min, max: min + randomInt(random, 0, 500) },
      areas: [...chosen].sort((a, b) => a - b).map((s) => sectors[s] as string),
      condition: { kind: 'const', value: true },
    };
  });
  const average = supply / options.requirements;
  const requirements: Requirement[] = sectors.map((area, i) => ({
    id: `r${i}`,
    capability: 'land.personnel',
    area,
    priority: 1 + (i % 3),
    quantity: Math.round(average * (0.5 + random())),
    estimate: false,
    sources: [],
  }));
  return { pledges, requirements, facts: [] };
}
