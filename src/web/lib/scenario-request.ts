import { scenarioFacts } from '../features/overview/overview.data.js';
import type { FactValue } from '../../core/types.js';
import { type FactRecord, loadCollection } from './records.js';

// The body of a scenario request (POST /api/scenarios/…) for the fact switches and the date, built from the facts
// alone: the pages that draw an aggregate of the scenario load no pledge records for it.

/** What a scenario route takes: the switched facts (those that differ from the recorded or derived value) and the date. */
export interface ScenarioBody {
  facts: { id: string; value: FactValue }[];
  asOf?: string;
}

/** The request body of the scenario of the fact switches as of a date (undefined = now). */
export async function loadScenarioBody(asOf: string | undefined, overrides: ReadonlyMap<string, FactValue>): Promise<ScenarioBody> {
  const facts = scenarioFacts(await loadCollection<FactRecord>('facts', asOf), overrides);
  return asOf ? { facts, asOf } : { facts };
}
