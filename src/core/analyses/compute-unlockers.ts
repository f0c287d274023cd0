import { createScratch, runFixedPoint } from '../activation/run-fixed-point.js';
import type { FactValue, Requirement } from '../types.js';
import type { AnalysisModel } from './analysis-model.js';
import { fillCoverage } from './coverage-program.js';
import { formatDelta, isDeltaRange, listIds } from './describe-change.js';

// Unlockers (DESIGN.md §5): for each fact that is not true, what setting it true activates; for each party, what
// removing all its pledges loses, the cascade included. One pair of greatest fixed-point runs (optimistic, then
// pessimistic inside it) per fact and per party on the compiled network, and one coverage fill per run.

export interface CoverageDelta {
  requirement: string;
  supplyMinDelta: number;
  supplyMaxDelta: number;
}

export interface CapabilityDelta {
  capability: string;
  supplyMinDelta: number;
  supplyMaxDelta: number;
}

export interface FactUnlocker {
  fact: string;
  from: Exclude<FactValue, true>;
  /** Pledges whose state improves (inactive → possible/certain, possible → certain), by id. */
  pledgesImproved: string[];
  /** Requirements whose supply changes (priority order). */
  coverage: CoverageDelta[];
  capabilities: CapabilityDelta[];
  explanation: string;
}

export interface PartyUnlocker {
  party: string;
  /** Pledges whose state falls when the party's pledges go: its own that counted, and others' that wait on it. */
  pledgesLost: string[];
  /** The other parties' pledges among pledgesLost. */
  cascade: string[];
  coverage: CoverageDelta[];
  capabilities: CapabilityDelta[];
  explanation: string;
}

export interface UnlockersResult {
  /** Ranked: most coverage gained on the highest-priority requirements first. */
  facts: FactUnlocker[];
  /** Ranked: most coverage lost on the highest-priority requirements first (the pivotal parties). */
  parties: PartyUnlocker[];
}

interface Outcome {
  certain: Uint8Array;
  possible: Uint8Array;
  supplyMin: Float64Array;
  supplyMax: Float64Array;
}

/** Rank what each fact turning true would unlock and what each party's absence would cost. */
export function computeUnlockers(model: AnalysisModel): UnlockersResult {
  const { network, coverage } = model;
  const scratch = createScratch(network);
  const requirementCount = coverage.requirements.length;
  const evaluate = (values: readonly (FactValue | undefined)[], within?: Uint8Array): Outcome => {
    const optimistic = runFixedPoint(network, values, within === undefined ? { optimistic: true, greatest: true } : { optimistic: true, greatest: true, within }, scratch);
    const pessimistic = runFixedPoint(network, values, { optimistic: false, greatest: true, within: optimistic.active }, scratch);
    const supplyMin = new Float64Array(requirementCount);
    const supplyMax = new Float64Array(requirementCount);
    fillCoverage(coverage, pessimistic.active, network.quantityMin, supplyMin);
    fillCoverage(coverage, optimistic.active, network.quantityMax, supplyMax);
    return { certain: pessimistic.active, possible: optimistic.active, supplyMin, supplyMax };
  };
  const base = evaluate(model.factValues);
  const rank = (outcome: Outcome, p: number): number => (outcome.certain[p] === 1 ? 2 : outcome.possible[p] === 1 ? 1 : 0);
  const pledgeCount = network.pledgeIds.length;

  const facts: Ranked<FactUnlocker>[] = [];
  for (const fact of model.facts) {
    if (fact.value === true) continue;
    const index = network.factIndex.get(fact.id);
    let changed: Outcome = base;
    if (index !== undefined) {
      const values = [...model.factValues];
      values[index] = true;
      changed = evaluate(values);
    }
    const improved: string[] = [];
    for (let p = 0; p < pledgeCount; p++) if (rank(changed, p) > rank(base, p)) improved.push(network.pledgeIds[p] as string);
    improved.sort(compareText);
    const deltas = describeDeltas(model, base, changed);
    const entry: FactUnlocker = {
      fact: fact.id,
      from: fact.value,
      pledgesImproved: improved,
      coverage: deltas.coverage,
      capabilities: deltas.capabilities,
      explanation: explainChange(`${fact.id} (${fact.value} → true)`, model, deltas.coverage, improved.length === 0 ? '' : `activates ${listIds(improved)}`),
    };
    facts.push({ entry, score: deltas.score, size: improved.length, id: fact.id });
  }

  const parties: Ranked<PartyUnlocker>[] = [];
  const pledgesOf = groupByParty(model);
  for (const [party, own] of pledgesOf) {
    const within = new Uint8Array(base.possible);
    for (const p of own) within[p] = 0;
    const changed = evaluate(model.factValues, within);
    const lost: string[] = [];
    const cascade: string[] = [];
    for (let p = 0; p < pledgeCount; p++) {
      if (rank(changed, p) >= rank(base, p)) continue;
      const id = network.pledgeIds[p] as string;
      lost.push(id);
      if (model.partyOfPledge[p] !== party) cascade.push(id);
    }
    lost.sort(compareText);
    cascade.sort(compareText);
    const deltas = describeDeltas(model, base, changed);
    const tail = lost.length === 0 ? '' : `loses ${listIds(lost)}${cascade.length > 0 ? `, by cascade ${listIds(cascade, 3)}` : ''}`;
    const entry: PartyUnlocker = {
      party,
      pledgesLost: lost,
      cascade,
      coverage: deltas.coverage,
      capabilities: deltas.capabilities,
      explanation: explainChange(`without ${party}`, model, deltas.coverage, tail),
    };
    parties.push({ entry, score: deltas.score.map((value) => -value), size: lost.length, id: party });
  }
  return { facts: rankEntries(facts), parties: rankEntries(parties) };
}

interface Ranked<T> {
  entry: T;
  /** Per priority level (ascending): the share of demand gained, summed over its requirements. */
  score: number[];
  size: number;
  id: string;
}

// Lexicographic by priority level (the highest priority first), then more pledges moved, then id.
function rankEntries<T>(entries: Ranked<T>[]): T[] {
  return entries
    .sort((a, b) => {
      for (let level = 0; level < Math.max(a.score.length, b.score.length); level++) {
        const difference = (b.score[level] ?? 0) - (a.score[level] ?? 0);
        if (Math.abs(difference) > 1e-12) return difference;
      }
      return b.size - a.size || compareText(a.id, b.id);
    })
    .map((ranked) => ranked.entry);
}

function describeDeltas(model: AnalysisModel, base: Outcome, changed: Outcome): { coverage: CoverageDelta[]; capabilities: CapabilityDelta[]; score: number[] } {
  const { requirements, demand } = model.coverage;
  const levels = [...new Set(requirements.map((r) => r.priority))];
  const score = levels.map(() => 0);
  const coverage: CoverageDelta[] = [];
  const byCapability = new Map<string, CapabilityDelta>();
  requirements.forEach((requirement, r) => {
    const supplyMinDelta = (changed.supplyMin[r] as number) - (base.supplyMin[r] as number);
    const supplyMaxDelta = (changed.supplyMax[r] as number) - (base.supplyMax[r] as number);
    if (supplyMinDelta === 0 && supplyMaxDelta === 0) return;
    coverage.push({ requirement: requirement.id, supplyMinDelta, supplyMaxDelta });
    const row = byCapability.get(requirement.capability) ?? { capability: requirement.capability, supplyMinDelta: 0, supplyMaxDelta: 0 };
    row.supplyMinDelta += supplyMinDelta;
    row.supplyMaxDelta += supplyMaxDelta;
    byCapability.set(requirement.capability, row);
    const need = demand[r] as number;
    // Shares of demand make persons and systems comparable; a requirement without an estimate counts by sign.
    const share = Number.isFinite(need) && need > 0 ? (supplyMinDelta + supplyMaxDelta) / (2 * need) : Math.sign(supplyMinDelta + supplyMaxDelta) * 1e-6;
    const level = levels.indexOf(requirement.priority);
    score[level] = (score[level] as number) + share;
  });
  const capabilities = [...byCapability.values()].sort((a, b) => compareText(a.capability, b.capability));
  return { coverage, capabilities, score };
}

// "us_backstop (unknown → true): +12,000–15,000 land.personnel in ua.rear; activates us-1, fr-1 …"
function explainChange(subject: string, model: AnalysisModel, coverage: readonly CoverageDelta[], tail: string): string {
  const byId = new Map<string, Requirement>(model.coverage.requirements.map((r) => [r.id, r]));
  const shown = coverage.slice(0, 3).map((delta) => {
    const requirement = byId.get(delta.requirement) as Requirement;
    const change = formatDelta(delta.supplyMinDelta, delta.supplyMaxDelta);
    // "+12,000–15,000 land.personnel in ua.rear", but "land.personnel in ua.rear (+2,001 certain, maximum unchanged)".
    return isDeltaRange(delta.supplyMinDelta, delta.supplyMaxDelta) ? `${change} ${requirement.capability} in ${requirement.area}` : `${requirement.capability} in ${requirement.area} (${change})`;
  });
  if (coverage.length > 3) shown.push(`${coverage.length - 3} more requirement${coverage.length === 4 ? '' : 's'}`);
  const parts = [shown.join(', '), tail].filter((part) => part !== '');
  return `${subject}: ${parts.length === 0 ? 'no change' : parts.join('; ')}`;
}

function groupByParty(model: AnalysisModel): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  model.partyOfPledge.forEach((party, p) => {
    const list = groups.get(party) ?? [];
    list.push(p);
    groups.set(party, list);
  });
  return new Map([...groups].sort(([a], [b]) => compareText(a, b)));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
