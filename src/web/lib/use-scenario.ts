import { useAppState } from './app-state.js';
import { loadScenarioView, scenarioKey, type ScenarioView } from './load-scenario-view.js';
import { type Loaded, useLoad } from './use-api.js';

// The reference data and the current scenario's result, re-evaluated when a fact switch or the date changes.

export type { ScenarioView };

/** Load reference data and the overview's evaluation of the scenario of the fact switches; the last result stays while the next loads. */
export function useScenario(): Loaded<ScenarioView> {
  const { asOf, overrides } = useAppState();
  return useLoad(`overview|${scenarioKey(asOf, overrides)}`, () => loadScenarioView(asOf, overrides));
}
