import { KNOWN_AREAS } from '../areas.js';
import { CAPABILITY_CATALOGUE } from '../capabilities.js';
import type { Condition } from '../conditions/ast.js';
import { checkConditionText, type ConditionVocabulary, suggest } from '../conditions/check-condition.js';
import { fail, type Problem, type Result, succeed } from '../errors.js';
import { guaranteeTriggerProblem } from '../guarantees/requires-trigger.js';
import type { Capability, Dataset } from '../types.js';

// Cross-record checks a schema cannot do: unique ids, references that resolve, no supersedes cycles,
// conditions that parse and name known things. Every problem is reported with its path.

const COLLECTION_OF = {
  source: 'sources',
  party: 'parties',
  capability: 'capabilities',
  package: 'packages',
  pledge: 'pledges',
} as const;

/** A dataset whose references resolve, with every condition parsed once. */
export interface PreparedDataset extends Dataset {
  conditions: ReadonlyMap<string, Condition>;
  capabilityById: ReadonlyMap<string, Capability>;
}

/** Check a schema-valid dataset and parse its conditions; every problem comes with its path. */
export function prepareDataset(dataset: Dataset): Result<PreparedDataset> {
  const problems: Problem[] = [];
  const capabilities = mergeCapabilities(dataset.capabilities);
  const ids = {
    sources: uniqueIds('sources', dataset.sources, problems),
    parties: uniqueIds('parties', dataset.parties, problems),
    facts: uniqueIds('facts', dataset.facts, problems),
    packages: uniqueIds('packages', dataset.packages, problems),
    requirements: uniqueIds('requirements', dataset.requirements, problems),
    pledges: uniqueIds('pledges', dataset.pledges, problems),
  };
  const refer = (path: string, what: keyof typeof COLLECTION_OF, id: string, known: ReadonlySet<string>): void => {
    if (known.has(id)) return;
    const message = `unknown ${what} '${id}'${suggest(id, known)}`;
    problems.push({ code: 'dataset.unknown_reference', path, message, reference: { collection: COLLECTION_OF[what], id } });
  };
  const referSources = (path: string, sources: readonly string[]): void =>
    sources.forEach((id, i) => refer(`${path}.sources[${i}]`, 'source', id, ids.sources));
  const capabilityIds = new Set(capabilities.keys());
  // A source's owner (the party whose delegate created it) must be a party, like any party reference.
  dataset.sources.forEach((source, i) => {
    if (source.owner !== undefined) refer(`sources[${i}].owner`, 'party', source.owner, ids.parties);
  });

  dataset.facts.forEach((fact, i) => referSources(`facts[${i}]`, fact.sources));
  dataset.packages.forEach((pkg, i) => referSources(`packages[${i}]`, pkg.sources));
  dataset.requirements.forEach((requirement, i) => {
    refer(`requirements[${i}].capability`, 'capability', requirement.capability, capabilityIds);
    if (requirement.package !== undefined) refer(`requirements[${i}].package`, 'package', requirement.package, ids.packages);
    referSources(`requirements[${i}]`, requirement.sources);
  });

  const areas = new Set<string>(KNOWN_AREAS);
  for (const pledge of dataset.pledges) for (const area of pledge.areas) areas.add(area);
  for (const requirement of dataset.requirements) areas.add(requirement.area);
  const vocabulary: ConditionVocabulary = { facts: ids.facts, parties: ids.parties, capabilities: capabilityIds, areas };
  const conditions = new Map<string, Condition>();
  dataset.pledges.forEach((pledge, i) => {
    const path = `pledges[${i}]`;
    refer(`${path}.party`, 'party', pledge.party, ids.parties);
    refer(`${path}.capability`, 'capability', pledge.capability, capabilityIds);
    if (pledge.supersedes !== undefined) refer(`${path}.supersedes`, 'pledge', pledge.supersedes, ids.pledges);
    pledge.sharedWith?.forEach((party, j) => refer(`${path}.sharedWith[${j}]`, 'party', party, ids.parties));
    referSources(path, pledge.sources);
    const checked = checkConditionText(pledge.condition, vocabulary);
    if (checked.ok) {
      conditions.set(pledge.id, checked.condition);
      const trigger = guaranteeTriggerProblem(pledge, checked.condition);
      if (trigger !== undefined) problems.push({ code: 'guarantee.trigger_not_required', path: `${path}.guarantee.trigger`, message: trigger });
    } else for (const issue of checked.issues) problems.push({ code: issue.code, path: `${path}.condition`, message: issue.message, column: issue.column });
  });
  problems.push(...findSupersedesCycles(dataset));
  if (problems.length > 0) return fail(problems);
  return succeed({ ...dataset, conditions, capabilityById: capabilities });
}

function mergeCapabilities(extra: readonly Capability[]): Map<string, Capability> {
  const merged = new Map(CAPABILITY_CATALOGUE.map((capability) => [capability.id, capability]));
  for (const capability of extra) merged.set(capability.id, capability);
  return merged;
}

function uniqueIds(collection: string, records: readonly { id: string }[], problems: Problem[]): Set<string> {
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const first = seen.get(record.id);
    if (first === undefined) seen.set(record.id, i);
    else problems.push({ code: 'dataset.duplicate_id', path: `${collection}[${i}].id`, message: `duplicate id '${record.id}' (first at ${collection}[${first}])` });
  });
  return new Set(seen.keys());
}

// A revision chain must end: a → b → a would hide both pledges from every total.
function findSupersedesCycles(dataset: Dataset): Problem[] {
  const next = new Map<string, string>();
  const position = new Map<string, number>();
  dataset.pledges.forEach((pledge, i) => {
    position.set(pledge.id, i);
    if (pledge.supersedes !== undefined) next.set(pledge.id, pledge.supersedes);
  });
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const start of next.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | undefined = start;
    while (current !== undefined && !onPath.has(current) && !reported.has(current)) {
      onPath.add(current);
      path.push(current);
      current = next.get(current);
    }
    if (current === undefined || reported.has(current)) {
      for (const id of path) reported.add(id);
      continue;
    }
    const cycle = path.slice(path.indexOf(current));
    for (const id of path) reported.add(id);
    problems.push({
      code: 'dataset.supersedes_cycle',
      path: `pledges[${position.get(current)}].supersedes`,
      message: `supersedes cycle: ${[...cycle, current].join(' → ')}`,
    });
  }
  return problems;
}
