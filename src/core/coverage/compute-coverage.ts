import type { Pledge, Requirement } from '../types.js';
import type { CoveragePledge, CoverageReport } from './coverage-rows.js';
import { COVERAGE_CERTAIN, COVERAGE_INACTIVE, COVERAGE_POSSIBLE, fillCoverageReport } from './fill-coverage.js';
import { indexCoverage } from './index-coverage.js';

// Coverage (DESIGN.md §5): requirements are served in priority order, each taking from the matching pledges'
// remaining quantity, so no pledge is counted twice. Two passes give the range: certain pledges at their
// minimum, then certain and possible pledges at their maximum. Callers that evaluate many scenarios on the same
// pledges index them once (index-coverage.ts) and fill the index per scenario (fill-coverage.ts).

export type { AggregateCoverage, Allocation, CapabilityCoverage, CoveragePledge, CoverageReport, RequirementCoverage } from './coverage-rows.js';

/** Compute coverage of every requirement from pledges with their activation states (pledge ids unique). */
export function computeCoverage(requirements: readonly Requirement[], pledges: readonly CoveragePledge[]): CoverageReport {
  const index = indexCoverage(requirements, pledges.map((entry): Pledge => entry.pledge));
  const states = Uint8Array.from(pledges, (entry) => (entry.state === 'certain' ? COVERAGE_CERTAIN : entry.state === 'possible' ? COVERAGE_POSSIBLE : COVERAGE_INACTIVE));
  return fillCoverageReport(index, states);
}
