import type { Pledge, Requirement } from '../types.js';
import { type AggregateCoverage, type Allocation, type CapabilityCoverage, type CoverageReport, type RequirementCoverage, describeRow, summarise } from './coverage-rows.js';
import type { CoverageIndex } from './index-coverage.js';

// The per-scenario half of coverage (index-coverage.ts builds the index): the pledges' states decide what each
// gives. What a fill reads of the pledges (quantities, which give no number, ids, parties, whether they cite a
// source) is tabulated once per index in typed arrays, so a fill touches a pledge object only for what it lists:
// each pass of the greedy allocation reads typed arrays, and a row scans its matches only as far as either pass
// took from them (the rest gave nothing), plus the matches that give no number.

/** 0 inactive, 1 possible, 2 certain (per pledge, in the index's pledge order). */
export type CoverageStates = Uint8Array;
export const COVERAGE_INACTIVE = 0;
export const COVERAGE_POSSIBLE = 1;
export const COVERAGE_CERTAIN = 2;

export interface FillOptions {
  /** Give each row the sources its allocated and unquantified pledges cite, each once, in order of first citation. */
  pledgeSources?: boolean;
}

interface FillTables {
  /** Per pledge: its quantity's min and max for pledges that match a requirement (0 otherwise or without a number). */
  quantityMin: Float64Array;
  quantityMax: Float64Array;
  /** CSR over the requirements: the slots (positions in index.source) of matches that give no number. */
  unquantifiedStart: Int32Array;
  unquantifiedSlot: Int32Array;
  /** 1 for pledges that cite at least one source. */
  cites: Uint8Array;
  /** Per pledge: its id and party (what an allocation names), read without reaching into the pledge objects. */
  ids: string[];
  parties: string[];
}

// An index and its pledges are never changed once built (a dataset with new quantities gets a new index object).
const tablesOf = new WeakMap<CoverageIndex, FillTables>();

/** Coverage of every requirement for the pledges' states (by position in the index's pledges). */
export function fillCoverageReport(index: CoverageIndex, states: CoverageStates, options: FillOptions = {}): CoverageReport {
  const { requirements, pledges, sourceStart, source } = index;
  const tables = fillTables(index);
  const { quantityMin, quantityMax } = tables;
  const leftMin = new Float64Array(pledges.length);
  const leftMax = new Float64Array(pledges.length);
  for (let p = 0; p < pledges.length; p++) {
    const state = states[p];
    if (state === COVERAGE_CERTAIN) leftMin[p] = quantityMin[p] as number;
    if (state !== COVERAGE_INACTIVE) leftMax[p] = quantityMax[p] as number;
  }
  const minPass = allocate(index, leftMin);
  const maxPass = allocate(index, leftMax);
  const rows = requirements.map((requirement, r) => {
    const allocations: Allocation[] = [];
    let supplyMin = 0;
    let supplyMax = 0;
    const end = Math.max(minPass.stop[r] as number, maxPass.stop[r] as number);
    for (let i = sourceStart[r] as number; i < end; i++) {
      const min = minPass.taken[i] as number;
      const max = maxPass.taken[i] as number;
      if (!(min > 0 || max > 0)) continue;
      supplyMin += min;
      supplyMax += max;
      const p = source[i] as number;
      allocations.push({ pledge: tables.ids[p] as string, party: tables.parties[p] as string, min, max });
    }
    const unquantified: string[] = [];
    for (let u = tables.unquantifiedStart[r] as number; u < (tables.unquantifiedStart[r + 1] as number); u++) {
      const p = source[tables.unquantifiedSlot[u] as number] as number;
      if (states[p] !== COVERAGE_INACTIVE) unquantified.push(tables.ids[p] as string);
    }
    const row = describeRow(requirement, supplyMin, supplyMax, allocations, unquantified);
    if (options.pledgeSources) row.pledgeSources = citedSources(index, tables, r, { minPass, maxPass, end, states });
    return row;
  });
  return { requirements: rows, capabilities: summariseCapabilities(index, rows, leftMin, leftMax), packages: summarise(rows, (row) => row.package) };
}

function fillTables(index: CoverageIndex): FillTables {
  const known = tablesOf.get(index);
  if (known) return known;
  const { pledges, matched, source, sourceStart, requirements } = index;
  const quantityMin = new Float64Array(pledges.length);
  const quantityMax = new Float64Array(pledges.length);
  const cites = new Uint8Array(pledges.length);
  const ids = new Array<string>(pledges.length);
  const parties = new Array<string>(pledges.length);
  pledges.forEach((pledge, p) => {
    ids[p] = pledge.id;
    parties[p] = pledge.party;
    if (matched[p] === 1 && pledge.quantity !== null) {
      quantityMin[p] = pledge.quantity.min;
      quantityMax[p] = pledge.quantity.max;
    }
    if (pledge.sources.length > 0) cites[p] = 1;
  });
  const unquantifiedStart = new Int32Array(requirements.length + 1);
  const slots: number[] = [];
  for (let r = 0; r < requirements.length; r++) {
    for (let i = sourceStart[r] as number; i < (sourceStart[r + 1] as number); i++) if ((pledges[source[i] as number] as Pledge).quantity === null) slots.push(i);
    unquantifiedStart[r + 1] = slots.length;
  }
  const tables: FillTables = { quantityMin, quantityMax, unquantifiedStart, unquantifiedSlot: Int32Array.from(slots), cites, ids, parties };
  tablesOf.set(index, tables);
  return tables;
}

interface Pass {
  /** Per (requirement, match) slot: what the requirement took from the pledge. */
  taken: Float64Array;
  /** Per requirement: the slot its scan stopped at (every later slot took nothing). */
  stop: Int32Array;
}

// One pass of the greedy allocation from what each pledge has (`left`, per pledge, updated in place).
function allocate(index: CoverageIndex, left: Float64Array): Pass {
  const { requirements, sourceStart, source } = index;
  const taken = new Float64Array(source.length);
  const stop = new Int32Array(requirements.length);
  for (let r = 0; r < requirements.length; r++) {
    let need = (requirements[r] as Requirement).quantity ?? Infinity;
    const end = sourceStart[r + 1] as number;
    let i = sourceStart[r] as number;
    for (; i < end && need > 0; i++) {
      const p = source[i] as number;
      const available = left[p] as number;
      const take = Math.min(available, need);
      if (take <= 0) continue;
      taken[i] = take;
      left[p] = available - take;
      need -= take;
    }
    stop[r] = i;
  }
  return { taken, stop };
}

// The sources a row's allocated, then unquantified, pledges cite, each once, in order of first citation.
function citedSources(index: CoverageIndex, tables: FillTables, r: number, fill: { minPass: Pass; maxPass: Pass; end: number; states: CoverageStates }): string[] {
  const { pledges, source, sourceStart } = index;
  const cited = new Set<string>();
  const cite = (p: number): void => {
    if (tables.cites[p] === 1) for (const id of (pledges[p] as Pledge).sources) cited.add(id);
  };
  for (let i = sourceStart[r] as number; i < fill.end; i++) if ((fill.minPass.taken[i] as number) > 0 || (fill.maxPass.taken[i] as number) > 0) cite(source[i] as number);
  for (let u = tables.unquantifiedStart[r] as number; u < (tables.unquantifiedStart[r + 1] as number); u++) {
    const p = source[tables.unquantifiedSlot[u] as number] as number;
    if (fill.states[p] !== COVERAGE_INACTIVE) cite(p);
  }
  return [...cited];
}

function summariseCapabilities(index: CoverageIndex, rows: readonly RequirementCoverage[], leftMin: Float64Array, leftMax: Float64Array): CapabilityCoverage[] {
  return summarise(rows, (row) => row.capability).map((group: AggregateCoverage) => {
    let unallocatedMin = 0;
    let unallocatedMax = 0;
    for (const p of index.byCapability.get(group.id) ?? []) {
      unallocatedMin += leftMin[p] as number;
      unallocatedMax += leftMax[p] as number;
    }
    return { ...group, unallocatedMin, unallocatedMax };
  });
}
