import { useAppState } from './app-state.js';
import { loadScenarioView, scenarioKey, type ScenarioView, type ScenarioViewKind } from './load-scenario-view.js';
import { type Loaded, useLoad } from './use-api.js';

// The reference data and the current scenario's result, re-evaluated when a fact switch or the date changes.

export type { ScenarioView };

/** Load reference data and evaluate the scenario of the fact switches; the last result stays while the next loads. */
export function useScenario(kind: ScenarioViewKind = 'all'): Loaded<ScenarioView> {
  const { asOf, overrides } = useAppState();
  return useLoad(`${kind}|${scenarioKey(asOf, overrides)}`, () => loadScenarioView(asOf, overrides, kind));
}
