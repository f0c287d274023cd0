import type { Principal } from '../core/access/principal.js';
import { aggregatePartyDomains, type PartyDomainAggregate } from '../core/party-domains/aggregate-party-domains.js';
import { compiledCandidates } from '../core/scenario/compiled-candidates.js';
import type { ScenarioRequest } from './run-scenario.js';
import type { ScenarioService } from './scenarios.service.js';

// The map's aggregate of a scenario (POST /api/scenarios/party-domains): read from the cached evaluation's states
// and the dataset it ran on, on what the caller may see — the same scenarios, visibility and caches as
// POST /api/scenarios/evaluate, without building a per-pledge object.

export class PartyDomainService {
  constructor(private readonly scenarios: ScenarioService) {}

  /** Per party and domain: counts by state, the strongest state, sums per capability and the first `pledgesPerCell` pledges. */
  async aggregate(principal: Principal, request: ScenarioRequest, pledgesPerCell: number): Promise<PartyDomainAggregate & { asOf: string | null }> {
    const { dataset, result } = await this.scenarios.evaluateWithDataset(principal, request);
    // Compiled once per dataset and options by the evaluation itself: this is a lookup.
    const { candidateOf } = compiledCandidates(dataset, { ...(request.asOf ? { asOf: request.asOf } : {}), ...(request.minStatus ? { minStatus: request.minStatus } : {}) });
    return { asOf: result.asOf, ...aggregatePartyDomains({ pledges: dataset.pledges, states: result.states, candidateOf, pledgesPerCell }) };
  }
}
