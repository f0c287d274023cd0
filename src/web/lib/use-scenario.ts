import { scenarioFacts } from '../features/overview/overview.data.js';
import { useAppState } from './app-state.js';
import { evaluateScenarioOnServer, loadReferenceData, type ReferenceData, type ScenarioResult } from './records.js';
import { type Loaded, useLoad } from './use-api.js';

// The reference data and the current scenario's result, re-evaluated when a fact switch or the date changes.

export interface ScenarioView {
  reference: ReferenceData;
  result: ScenarioResult;
  /** Identifies the evaluated facts and date (drawn as data-scenario on the page, for tests and benchmarks). */
  key: string;
}

/** Load reference data and evaluate the scenario of the fact switches; the last result stays while the next loads. */
export function useScenario(): Loaded<ScenarioView> {
  const { asOf, overrides } = useAppState();
  const overrideKey = [...overrides].map(([id, value]) => `${id}=${String(value)}`).sort().join(',');
  const key = `${asOf ?? ''}|${overrideKey}`;
  return useLoad(key, async () => {
    const reference = await loadReferenceData(asOf);
    const result = await evaluateScenarioOnServer(scenarioFacts(reference.facts, overrides), asOf);
    return { reference, result, key };
  });
}
