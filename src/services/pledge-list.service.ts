import type { Principal } from '../core/access/principal.js';
import type { PledgeListPage, PledgeListRow } from '../core/pledge-list/pledge-list-page.js';
import { explainChain, type Explanation } from '../core/activation/explanation-chain.js';
import type { PreparedDataset } from '../core/dataset/prepare-dataset.js';
import { explanationRenderer } from '../core/pledge-list/explanation-text.js';
import { type PledgeListColumn, type PledgeListLanguage, pledgeListWords } from '../core/pledge-list/pledge-row-text.js';
import { selectFromOrder } from '../core/pledge-list/select-from-order.js';
import type { PledgeListQuery } from '../core/pledge-list/select-pledge-rows.js';
import type { ScenarioPledge, ScenarioResult } from '../core/scenario/evaluate-scenario.js';
import type { Fact, Pledge } from '../core/types.js';
import type { CacheStats } from './head-keyed-cache.js';
import { writeCsv, writeXlsx } from './exchange/write-tables.js';
import { explanationsAt, PledgeListOrders, stateAt } from './pledge-list-orders.js';
import type { ScenarioRequest } from './run-scenario.js';
import type { ScenarioService } from './scenarios.service.js';

// The pledge list of the web's Pledges and party pages (docs/api.md "Pledge list"): one page of a scenario's
// evaluated pledges, filtered, searched and sorted by what the table shows, or the whole filtered list as CSV or
// XLSX. It reads the dataset and the evaluation the caller may see through ScenarioService (the same access and the
// same cached evaluation as POST /api/scenarios/evaluate), walks the order of the sorted column it keeps per
// dataset (pledge-list-orders.ts) and builds objects only for the rows it returns.

/** A list request: the scenario (as the evaluate route takes it), the filters and sort, and the page's language. */
export interface PledgeListRequest {
  scenario: ScenarioRequest;
  query: PledgeListQuery;
  language: PledgeListLanguage;
}

export type PledgeExportFormat = 'csv' | 'xlsx';

/** An export request: the list's request, its format, the columns (sources always last) and the file's name. */
export interface PledgeExportRequest extends PledgeListRequest {
  format: PledgeExportFormat;
  columns: readonly Exclude<PledgeListColumn, 'sources'>[];
  name: string;
}

export interface PledgeExport {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

const MAX_SOURCES = 1000;

export class PledgeListService {
  private readonly orders = new PledgeListOrders();

  constructor(
    private readonly scenarios: ScenarioService,
    private readonly now: () => Date,
  ) {}

  /** One page of the scenario's pledges the caller may see, filtered and sorted as asked. */
  async page(principal: Principal, request: PledgeListRequest & { limit: number; offset: number }): Promise<PledgeListPage> {
    const { dataset, result } = await this.scenarios.evaluateWithDataset(principal, request.scenario);
    const positions = this.select(dataset, result, request);
    const shown = positions.slice(request.offset, request.offset + request.limit);
    const facets = this.facets(dataset, request.query.knownOn);
    return { items: buildRows(dataset, this.orders.names(dataset), result, shown, request.language), total: positions.length, limit: request.limit, offset: request.offset, ...facets, sources: citedSources(dataset, positions) };
  }

  /** The whole filtered, sorted list as CSV or XLSX, with the columns the page shows, sources and the as-of date last. */
  async export(principal: Principal, request: PledgeExportRequest): Promise<PledgeExport> {
    const { dataset, result } = await this.scenarios.evaluateWithDataset(principal, request.scenario);
    const positions = this.select(dataset, result, request);
    const words = pledgeListWords(request.language);
    const names = this.orders.names(dataset);
    const texts = names.texts[request.language];
    const asOf = request.scenario.asOf ?? this.now().toISOString().slice(0, 10);
    const headers = [...request.columns.map((column) => words.headers[column]), words.headers.sources, words.headers.asOf];
    const explanations = request.columns.includes('explanation') ? explanationTexts(dataset, names, result, positions, request.language) : [];
    const rows = positions.map((position, i) => {
      const pledge = dataset.pledges[position] as Pledge;
      const state = stateAt(result, position);
      const cell = (column: Exclude<PledgeListColumn, 'sources'>): string | number | null => {
        switch (column) {
          case 'id': return pledge.id;
          case 'party': return texts.party(pledge.party);
          case 'capability': return texts.capabilityCell(pledge);
          case 'quantity': return texts.quantity(pledge);
          case 'status': return texts.status(pledge.status);
          case 'condition': return pledge.condition;
          case 'state': return texts.state(state);
          case 'explanation': return explanations[i] ?? '';
        }
      };
      return Object.fromEntries([...request.columns.map((column, c) => [headers[c] as string, cell(column)]), [words.headers.sources, pledge.sources.join('; ')], [words.headers.asOf, asOf]]);
    });
    const table = { name: 'pledges', columns: headers.map((header) => ({ name: header, kind: 'text' as const, field: header, description: header })), rows };
    const filename = `${request.name}-${asOf}.${request.format}`;
    if (request.format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', body: writeCsv(table) };
    return { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await writeXlsx([table], this.now()) };
  }

  /** The list's cache (GET /health). */
  cacheStats(): CacheStats {
    return this.orders.stats();
  }

  // The rows the query lets through, in its order: the order kept for the sorted column, walked once.
  private select(dataset: PreparedDataset, result: ScenarioResult, request: PledgeListRequest): number[] {
    const order = this.orders.order(dataset, result, request.query.sort, request.language);
    const source = { pledges: dataset.pledges, stateAt: (position: number) => stateAt(result, position), searchTexts: request.query.q?.trim() ? this.orders.searchTexts(dataset) : [], stateWords: this.orders.stateWords(dataset), explanations: (positions: readonly number[]) => explanationsAt(result, positions) };
    return selectFromOrder(source, order, request.query);
  }

  private facets(dataset: PreparedDataset, knownOn: string | undefined): { parties: string[]; capabilities: string[] } {
    return this.orders.remember(dataset, `facets:${knownOn ?? ''}`, () => facetsOf(dataset, knownOn), (facets) => 256 + 32 * (facets.parties.length + facets.capabilities.length));
  }
}

// The filters' choices: every party and capability among the pledges (known at the date), sorted by id.
function facetsOf(dataset: PreparedDataset, knownOn: string | undefined): { parties: string[]; capabilities: string[] } {
  const parties = new Set<string>();
  const capabilities = new Set<string>();
  for (const pledge of dataset.pledges) {
    if (knownOn && pledge.announcedOn !== undefined && pledge.announcedOn > knownOn) continue;
    parties.add(pledge.party);
    capabilities.add(pledge.capability);
  }
  return { parties: [...parties].sort(), capabilities: [...capabilities].sort() };
}

function citedSources(dataset: PreparedDataset, positions: readonly number[]): string[] {
  const sources = new Set<string>();
  for (const position of positions) {
    for (const source of (dataset.pledges[position] as Pledge).sources) {
      sources.add(source);
      if (sources.size >= MAX_SOURCES) return [...sources];
    }
  }
  return [...sources];
}

type Names = ReturnType<PledgeListOrders['names']>;

// Looks a pledge up among the candidates by id, as the web's explainer does (the chains' "waits for").
function candidateLookup(positions: ReadonlyMap<string, number>, result: ScenarioResult): (id: string) => ScenarioPledge | undefined {
  const looked = new Map<string, ScenarioPledge | undefined>();
  return (id) => {
    if (!looked.has(id)) {
      const position = positions.get(id);
      const found = position === undefined ? undefined : result.pledgesAt([position])[0];
      looked.set(id, found?.candidate === false ? undefined : found);
    }
    return looked.get(id);
  };
}

// A pledge's explanation chain; none for a certain pledge outside the gap, or one never a candidate for no reason.
function chainOf(entry: ScenarioPledge, lookup: (id: string) => ScenarioPledge | undefined): Explanation | undefined {
  return entry.state !== 'certain' && entry.candidate === false && entry.reasons.length === 0 ? undefined : explainChain(entry, lookup);
}

// The export's "Why" cells: each pledge's chain in the page's language, parties, capabilities, areas and facts by name.
function explanationTexts(dataset: PreparedDataset, names: Names, result: ScenarioResult, positions: readonly number[], language: PledgeListLanguage): string[] {
  const facts = new Map(dataset.facts.map((fact) => [fact.id, factName(fact, language)]));
  const render = explanationRenderer(language, names.texts[language], (id) => facts.get(id) ?? id);
  const lookup = candidateLookup(names.positions, result);
  const out: string[] = [];
  for (let start = 0; start < positions.length; start += 2000) {
    for (const entry of result.pledgesAt(positions.slice(start, start + 2000))) {
      const chain = chainOf(entry, lookup);
      out.push(chain === undefined ? '' : render(chain));
    }
  }
  return out;
}

// A fact's name in the language where the record has one (as the web names it), else its id.
function factName(fact: Fact, language: PledgeListLanguage): string {
  const name: unknown = 'name' in fact ? fact.name : undefined;
  if (typeof name === 'object' && name !== null && language in name) {
    const named: unknown = (name as Record<string, unknown>)[language];
    if (typeof named === 'string' && named !== '') return named;
  }
  return fact.id;
}

// The page's rows: each pledge with names, state and explanation (its chain looked up among the candidates, as the
// web's explainer does).
function buildRows(dataset: PreparedDataset, names: Names, result: ScenarioResult, positions: readonly number[], language: PledgeListLanguage): PledgeListRow[] {
  const texts = names.texts[language];
  const evaluated = result.pledgesAt(positions);
  const lookup = candidateLookup(names.positions, result);
  return positions.map((position, i) => {
    const pledge = dataset.pledges[position] as Pledge;
    const entry = evaluated[i] as ScenarioPledge;
    const chain = chainOf(entry, lookup);
    return {
      id: pledge.id,
      party: pledge.party,
      partyName: texts.party(pledge.party),
      capability: pledge.capability,
      capabilityName: texts.capability(pledge.capability),
      quantity: pledge.quantity,
      areas: pledge.areas,
      status: pledge.status,
      condition: pledge.condition,
      state: entry.state,
      note: pledge.note ?? null,
      sources: pledge.sources,
      explanation: entry.explanation,
      explanationChain: chain ?? null,
      standby: entry.standby ?? null,
    };
  });
}
