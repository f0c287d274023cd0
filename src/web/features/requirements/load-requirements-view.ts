import type { RequirementCoverage } from '../../../core/coverage/compute-coverage.js';
import type { FactValue } from '../../../core/types.js';
import { apiRequest } from '../../lib/api-client.js';
import { cached } from '../../lib/cache.js';
import { scenarioKey } from '../../lib/load-scenario-view.js';
import { loadCollection, type PackageRecord, type RequirementRecord } from '../../lib/records.js';
import { loadScenarioBody } from '../../lib/scenario-request.js';

// What the Requirements page draws: the requirements and packages as of the date, and each requirement's coverage
// under the scenario — the evaluation without its pledges (?pledges=none), so the page loads no pledge at all.

export interface RequirementsView {
  requirements: RequirementRecord[];
  packages: PackageRecord[];
  coverage: RequirementCoverage[];
  /** The evaluated facts and date (scenarioKey). */
  key: string;
}

/** Load the requirements, packages and coverage of the scenario of the fact switches as of a date. */
export async function loadRequirementsView(asOf: string | undefined, overrides: ReadonlyMap<string, FactValue>): Promise<RequirementsView> {
  const [requirements, packages, body] = await Promise.all([
    loadCollection<RequirementRecord>('requirements', asOf),
    loadCollection<PackageRecord>('packages', asOf),
    loadScenarioBody(asOf, overrides),
  ]);
  const result = await cached(`scenario:none:${JSON.stringify(body)}`, () => apiRequest<{ coverage: RequirementCoverage[] }>('POST', '/api/scenarios/evaluate?pledges=none', body));
  return { requirements, packages, coverage: result.coverage, key: scenarioKey(asOf, overrides) };
}
