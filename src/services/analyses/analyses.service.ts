import type { Principal } from '../../core/access/principal.js';
import type { AllocationResult } from '../../core/analyses/compute-allocation.js';
import type { RiskResult } from '../../core/analyses/compute-risk.js';
import type { UnlockersResult } from '../../core/analyses/compute-unlockers.js';
import type { WhatIfResult } from '../../core/guarantees/what-if-violated.js';
import type { AllocationRequest, RiskRequest, UnlockersRequest } from '../../contracts/analyses.schema.js';
import type { GuaranteesRequest } from '../../contracts/guarantees.schema.js';
import type { ScenarioService } from '../scenarios.service.js';
import { AllocationSolver } from './allocation-solver.js';
import { runAllocation, runRisk, runUnlockers } from './run-analyses.js';
import { runGuarantees } from './run-guarantees.js';

// The decision analyses on the store, on exactly the dataset the caller may see (the scenario service's view,
// now or as of a date): a pledge the caller cannot see never moves a figure. The allocation LP is solved in a
// worker thread. Derived facts take their values at the request's date, like the scenario's.

export class AnalysisService {
  constructor(
    private readonly scenarios: ScenarioService,
    private readonly solver: AllocationSolver = new AllocationSolver(),
  ) {}

  /** What each fact turning true would unlock, and what each party's absence would cost. */
  async unlockers(principal: Principal, request: UnlockersRequest): Promise<UnlockersResult> {
    return runUnlockers(await this.scenarios.dataset(principal, request.asOf), { ...request, derived: await this.scenarios.derivedFacts(principal, request.asOf) });
  }

  /** Who fills what, by linear program (in the worker thread), beside greedy coverage. */
  async allocation(principal: Principal, request: AllocationRequest): Promise<AllocationResult> {
    return runAllocation(await this.scenarios.dataset(principal, request.asOf), { ...request, derived: await this.scenarios.derivedFacts(principal, request.asOf) }, this.solver.allocate);
  }

  /** How likely each requirement is met when the unknown facts are uncertain. */
  async risk(principal: Principal, request: RiskRequest): Promise<RiskResult> {
    return runRisk(await this.scenarios.dataset(principal, request.asOf), { ...request, derived: await this.scenarios.derivedFacts(principal, request.asOf) });
  }

  /** What if the ceasefire is violated: which guarantee commitments activate, what they add, what stays unanswered. */
  async guarantees(principal: Principal, request: GuaranteesRequest): Promise<WhatIfResult> {
    return runGuarantees(await this.scenarios.dataset(principal, request.asOf), request);
  }

  /** Stop the solver's worker thread. */
  async close(): Promise<void> {
    await this.solver.close();
  }
}
