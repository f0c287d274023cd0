import type { Principal } from '../../core/access/principal.js';
import type { BriefingAnalyses } from '../../core/briefing/build-briefing.js';
import type { IsoDate } from '../../core/types.js';
import type { AnalysisService } from '../analyses/analyses.service.js';

// The decision analyses for the briefing (DESIGN.md §5; the analysis service, on the requester's view as of the
// meeting's date): the top unlockers and P(need met). A fixed seed: the same pack twice says the same.

const TOP_UNLOCKERS = 5;
const RISK_SAMPLES = 2_000;
const RISK_SEED = 20_260_106;

/** Unlockers and risk for the briefing, or null when no pledge counts as of then. */
export async function runBriefingAnalyses(analyses: AnalysisService, principal: Principal, asOf: IsoDate): Promise<BriefingAnalyses | null> {
  const unlockers = await analyses.unlockers(principal, { facts: [], asOf });
  const risk = await analyses.risk(principal, { facts: [], asOf, probabilities: [], method: 'monte-carlo', samples: RISK_SAMPLES, seed: RISK_SEED });
  if (risk.pledges.length === 0) return null;
  return {
    unlockers: unlockers.facts
      .filter((fact) => fact.pledgesImproved.length > 0)
      .slice(0, TOP_UNLOCKERS)
      .map((fact) => ({ fact: fact.fact, from: fact.from, pledgesImproved: fact.pledgesImproved.length, coverage: fact.coverage })),
    risk: risk.requirements.map((row) => ({ requirement: row.requirement, pMetMin: row.pMetMin, pMetMax: row.pMetMax })),
    samples: risk.samples,
  };
}
