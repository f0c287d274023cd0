import type { ActivationPledge } from '../../src/core/activation/compile-network.js';
import { parseCondition } from '../../src/core/conditions/parse-condition.js';
import { type PreparedDataset, prepareDataset } from '../../src/core/dataset/prepare-dataset.js';
import type { Dataset, Fact, FactValue, Pledge, Requirement } from '../../src/core/types.js';

// Small hand-made models for example-based tests: compact builders with sensible defaults.

/** A full pledge record (defaults: FR, land.personnel, 1000, ua.rear, committed, unconditional). */
export function makePledge(id: string, extra: Partial<Pledge> = {}): Pledge {
  return {
    id,
    party: 'FR',
    capability: 'land.personnel',
    quantity: { min: 1000, max: 1000 },
    areas: ['ua.rear'],
    status: 'committed',
    confidentiality: 'coalition',
    condition: 'true',
    sources: [],
    ...extra,
  };
}

/** A requirement record (defaults: land.personnel in ua.rear, priority 1). */
export function makeRequirement(id: string, quantity: number | null, extra: Partial<Requirement> = {}): Requirement {
  return { id, capability: 'land.personnel', quantity, estimate: false, priority: 1, area: 'ua.rear', sources: [], ...extra };
}

/** A pledge for the activation engine, its condition parsed from text. */
export function activationPledge(
  id: string,
  party: string,
  condition: string,
  extra: Partial<Omit<ActivationPledge, 'condition'>> = {},
): ActivationPledge {
  const parsed = parseCondition(condition);
  if (!parsed.ok) throw new Error(`bad condition in test model: ${condition}: ${parsed.error.message}`);
  return { id, party, capability: 'land.personnel', quantity: { min: 1000, max: 1000 }, areas: ['ua.rear'], condition: parsed.condition, ...extra };
}

/** Facts as the map the engine takes. */
export function factMap(values: Record<string, FactValue>): Map<string, FactValue> {
  return new Map(Object.entries(values));
}

/** A dataset with the given parties (as states), facts, pledges and requirements. */
export function makeDataset(options: {
  parties: string[];
  facts?: Record<string, FactValue>;
  pledges: Pledge[];
  requirements?: Requirement[];
}): Dataset {
  const facts: Fact[] = Object.entries(options.facts ?? {}).map(([id, value]) => ({ id, value, sources: [] }));
  return {
    parties: options.parties.map((id) => ({ id, kind: 'state', name: { en: id, de: id }, groups: [] })),
    capabilities: [],
    facts,
    sources: [],
    packages: [],
    requirements: options.requirements ?? [],
    pledges: options.pledges,
  };
}

/** A prepared dataset, or a thrown error listing the problems (test models must be valid). */
export function prepareModel(dataset: Dataset): PreparedDataset {
  const prepared = prepareDataset(dataset);
  if (!prepared.ok) throw new Error(`invalid test model: ${prepared.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return prepared.value;
}
