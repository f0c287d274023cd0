import { scenarioFacts } from '../features/overview/overview.data.js';
import type { ScenarioJson } from '../../core/scenario/evaluate-scenario.js';
import type { FactValue } from '../../core/types.js';
import type { PledgeListPage } from '../../core/pledge-list/pledge-list-page.js';
import { apiDownload, apiListAll, apiRequest, withQuery } from './api-client.js';
import { cached } from './cache.js';
import { type FactRecord, type PackageRecord, type PartyRecord, type ReferenceData, type RequirementRecord } from './records.js';

// What the scenario screens load before they draw (no React here, so that bench/scale.bench.ts times exactly the
// requests the dashboard makes); no screen loads every pledge. The overview asks for what it draws — the summary,
// coverage and the pledges that are not plainly certain (one page) — and no pledge records; the pledge list and a
// party's page ask the server for the page of pledges they show (loadPledgePage); the pledge editor loads its one
// pledge and asks the server to preview the draft (features/pledges/load-pledge-editor.ts).

/** A coverage row as the evaluation route answers it: its allocations only when asked (`?allocations=all`). */
export type ServedCoverageRow = Omit<ScenarioJson['coverage'][number], 'allocations'> & Partial<Pick<ScenarioJson['coverage'][number], 'allocations'>>;

/** A scenario as the API answers it: the listed pledges, and which page of them. */
export type ScenarioResult = Omit<ScenarioJson, 'coverage'> & { coverage: ServedCoverageRow[]; pledgesPage?: { filter: string; total: number; limit: number; offset: number } };

export interface ScenarioView {
  reference: ReferenceData;
  result: ScenarioResult;
  /** Identifies the evaluated facts and date (drawn as data-scenario on the page, for tests and benchmarks). */
  key: string;
}

/** The key of a scenario: the date and the overridden facts. */
export function scenarioKey(asOf: string | undefined, overrides: ReadonlyMap<string, FactValue>): string {
  const overrideKey = [...overrides].map(([id, value]) => `${id}=${String(value)}`).sort().join(',');
  return `${asOf ?? ''}|${overrideKey}`;
}

/** What the overview draws: the only kind of scenario view (callers still name it: bench/scale.bench.ts). */
export type ScenarioViewKind = 'overview';

/** Load the reference data and the overview's evaluation of the scenario of the fact switches (those pledges not plainly certain, one page). */
export async function loadScenarioView(asOf: string | undefined, overrides: ReadonlyMap<string, FactValue>, _kind: ScenarioViewKind = 'overview'): Promise<ScenarioView> {
  const reference = await loadReferenceWithoutPledges(asOf);
  const result = await evaluateOnServer(scenarioFacts(reference.facts, overrides), asOf);
  return { reference, result, key: scenarioKey(asOf, overrides) };
}

/** Parties, facts, requirements and packages as of a date (no pledges), shared between screens. */
export function loadReferenceWithoutPledges(asOf: string | undefined): Promise<ReferenceData> {
  return cached(`reference-without-pledges:${asOf ?? ''}`, async () => {
    const query = { asOf };
    const [parties, facts, requirements, packages] = await Promise.all([
      apiListAll<PartyRecord>('/api/parties', query),
      apiListAll<FactRecord>('/api/facts', query),
      apiListAll<RequirementRecord>('/api/requirements', query),
      apiListAll<PackageRecord>('/api/packages', query),
    ]);
    return { parties, facts, requirements, packages };
  });
}

/** Evaluate a scenario on the server: the summary, coverage and the pledges not plainly certain (the route's default). */
function evaluateOnServer(facts: { id: string; value: FactValue }[], asOf: string | undefined): Promise<ScenarioResult> {
  const body = asOf ? { facts, asOf } : { facts };
  return cached(`scenario:overview:${asOf ?? ''}:${JSON.stringify(facts)}`, () => apiRequest<ScenarioResult>('POST', '/api/scenarios/evaluate', body));
}

/** What the pledge list asks the server for: filters, search, sort (`-party`) and the page. */
export interface PledgeListRequest {
  party?: string;
  capability?: string;
  domain?: string;
  state?: string;
  q?: string;
  sort?: string;
  offset: number;
  limit: number;
}

/** The scenario body of the fact switches and date, as POST /api/scenarios/evaluate takes it. */
async function scenarioBody(asOf: string | undefined, overrides: ReadonlyMap<string, FactValue>): Promise<{ facts: { id: string; value: FactValue }[]; asOf?: string }> {
  const reference = await loadReferenceWithoutPledges(asOf);
  const facts = scenarioFacts(reference.facts, overrides);
  return asOf ? { facts, asOf } : { facts };
}

/** One page of the scenario's pledges, filtered, searched and sorted on the server (POST /api/scenarios/pledges). */
export async function loadPledgePage(asOf: string | undefined, overrides: ReadonlyMap<string, FactValue>, request: PledgeListRequest, language: string): Promise<PledgeListPage> {
  const body = await scenarioBody(asOf, overrides);
  const { offset, limit, ...filters } = request;
  return cached(`pledge-page:${asOf ?? ''}:${JSON.stringify(body.facts)}:${language}:${JSON.stringify(request)}`, () =>
    apiRequest<PledgeListPage>('POST', withQuery('/api/scenarios/pledges', { ...filters, lang: language, offset, limit }), body),
  );
}

/** The whole filtered, sorted list as a file made by the server (POST /api/scenarios/pledges/export). */
export async function exportPledgeList(asOf: string | undefined, overrides: ReadonlyMap<string, FactValue>, request: Omit<PledgeListRequest, 'offset' | 'limit'>, file: { format: 'csv' | 'xlsx'; columns: readonly string[]; name: string; language: string }): Promise<{ blob: Blob; filename: string }> {
  const body = await scenarioBody(asOf, overrides);
  const query = { ...request, lang: file.language, format: file.format, columns: file.columns.join(','), name: file.name };
  return apiDownload('POST', withQuery('/api/scenarios/pledges/export', query), body);
}
