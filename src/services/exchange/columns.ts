import type { Contribution } from '../../contracts/records.schema.js';
import type { Pledge, Requirement } from '../../core/types.js';
import { pledgeEntity, requirementEntity } from '../../db/entities/dataset-entities.js';
import type { EntityDefinition, StoredRecord } from '../../db/entities/entity-definition.js';
import { contributionEntity } from '../../db/entities/funding-entities.js';
import { type Column, formatDonors, formatList, formatText, type ParsedRow, type TableRow } from './cells.js';

// The flat columns of each exchanged entity (docs/data-exchange.md lists them): the same names in CSV headers,
// XLSX header rows and JSON keys. toRow flattens a record; fromRow builds the candidate object that the
// entity's zod schema then validates, so an import checks exactly what the API checks.

export interface CodecSpec<R extends StoredRecord> {
  entity: EntityDefinition<R>;
  columns: readonly Column[];
  /** The record as one row of cells, in column order. */
  toRow(record: R): TableRow;
  /** The candidate record from a row's cells (absent keys take the schema's defaults); `problem` reports cells that only fail together. */
  fromRow(row: ParsedRow, problem: (column: string, message: string) => void): Record<string, unknown>;
}

/** Keep the keys whose value is defined, so the schema's defaults apply to empty cells. */
function defined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}

function windowOf(row: ParsedRow, fromColumn: string, toColumn: string): Record<string, unknown> | undefined {
  const window = defined({ from: row.text(fromColumn), to: row.text(toColumn) });
  return Object.keys(window).length > 0 ? window : undefined;
}

const column = (name: string, kind: Column['kind'], field: string, description: string): Column => ({ name, kind, field, description });

const DERIVED_DESCRIPTION = 'figures no cited source states, as JSON: [{"field":"quantity.max","from":["source-id"],"how":"…"}]';

/** The derivations of a record as a JSON cell (null when none). */
function formatDerived(derived: readonly unknown[] | undefined): string | null {
  return derived && derived.length > 0 ? JSON.stringify(derived) : null;
}

/** A derived cell read back: its JSON (the schema checks the shape), or a problem when it is not JSON. */
function parseDerived(row: ParsedRow, problem: (column: string, message: string) => void): unknown {
  const text = row.text('derived');
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    problem('derived', 'must be JSON: [{"field": …, "from": […], "how": …}]');
    return undefined;
  }
}

const PLEDGE_COLUMNS: readonly Column[] = [
  column('id', 'text', 'id', 'unique id of the pledge (letters, digits, _ . : -)'),
  column('party', 'text', 'party', 'party making the pledge (ISO 3166-1 alpha-2 or EU, EUCO, NATO)'),
  column('capability', 'text', 'capability', 'capability pledged (domain.kind, e.g. land.personnel)'),
  column('quantity_min', 'integer', 'quantity.min', 'lower end of the quantity; empty with quantity_max empty = no figure given'),
  column('quantity_max', 'integer', 'quantity.max', 'upper end of the quantity (equal to quantity_min for a single figure)'),
  column('areas', 'list', 'areas', 'allowed areas, separated by ; (default any)'),
  column('window_from', 'text', 'window.from', 'start of the time window (YYYY-MM-DD)'),
  column('window_to', 'text', 'window.to', 'end of the time window (YYYY-MM-DD)'),
  column('status', 'text', 'status', 'announced, offered, committed, approved, delivered or withdrawn (default committed)'),
  column('supersedes', 'text', 'supersedes', 'id of the pledge this revision replaces'),
  column('announced_on', 'text', 'announcedOn', 'date announced (YYYY-MM-DD)'),
  column('withdrawn_on', 'text', 'withdrawnOn', 'date withdrawn (YYYY-MM-DD)'),
  column('confidentiality', 'text', 'confidentiality', 'public, coalition, restricted or bilateral (default coalition)'),
  column('shared_with', 'list', 'sharedWith', 'parties a bilateral pledge is shared with, separated by ;'),
  column('condition', 'text', 'condition', 'condition (DESIGN.md §4), e.g. ceasefire and us_backstop (default true)'),
  column('sources', 'list', 'sources', 'ids of the sources, separated by ;'),
  column('note', 'text', 'note', 'free text'),
  column('stale', 'text', 'stale', 'why the position may no longer hold (empty: current)'),
  column('derived', 'text', 'derived', DERIVED_DESCRIPTION),
];

/** Pledges: one row each, the quantity as a min–max pair. */
export const pledgeCodec: CodecSpec<Pledge> = {
  entity: pledgeEntity,
  columns: PLEDGE_COLUMNS,
  toRow: (pledge) => ({
    id: pledge.id,
    party: pledge.party,
    capability: pledge.capability,
    quantity_min: pledge.quantity?.min ?? null,
    quantity_max: pledge.quantity?.max ?? null,
    areas: formatList(pledge.areas),
    window_from: formatText(pledge.window?.from),
    window_to: formatText(pledge.window?.to),
    status: pledge.status,
    supersedes: formatText(pledge.supersedes),
    announced_on: formatText(pledge.announcedOn),
    withdrawn_on: formatText(pledge.withdrawnOn),
    confidentiality: pledge.confidentiality,
    shared_with: formatList(pledge.sharedWith),
    condition: pledge.condition,
    sources: formatList(pledge.sources),
    note: formatText(pledge.note),
    stale: formatText(pledge.stale),
    derived: formatDerived(pledge.derived),
  }),
  fromRow: (row, problem) => {
    const min = row.number('quantity_min');
    const max = row.number('quantity_max');
    if (row.has('quantity_min') !== row.has('quantity_max')) {
      problem(row.has('quantity_min') ? 'quantity_max' : 'quantity_min', 'give both quantity_min and quantity_max (the same figure twice for a single number), or neither');
    }
    return defined({
      id: row.text('id'),
      party: row.text('party'),
      capability: row.text('capability'),
      quantity: min !== undefined && max !== undefined ? { min, max } : null,
      areas: row.list('areas'),
      window: windowOf(row, 'window_from', 'window_to'),
      status: row.text('status'),
      supersedes: row.text('supersedes'),
      announcedOn: row.text('announced_on'),
      withdrawnOn: row.text('withdrawn_on'),
      confidentiality: row.text('confidentiality'),
      sharedWith: row.list('shared_with'),
      condition: row.text('condition'),
      sources: row.list('sources'),
      note: row.text('note'),
      stale: row.text('stale'),
      derived: parseDerived(row, problem),
    });
  },
};

const REQUIREMENT_COLUMNS: readonly Column[] = [
  column('id', 'text', 'id', 'unique id of the requirement'),
  column('capability', 'text', 'capability', 'capability required (domain.kind)'),
  column('quantity', 'integer', 'quantity', 'quantity required; empty = no public figure'),
  column('estimate', 'boolean', 'estimate', 'true when the figure is a public estimate (default false)'),
  column('priority', 'integer', 'priority', '1 = highest (default 1)'),
  column('area', 'text', 'area', 'area (ua.rear, ua.front, ua.airspace, black_sea, outside_ua, any; default any)'),
  column('package', 'text', 'package', 'id of the requirement package'),
  column('window_from', 'text', 'window.from', 'start of the time window (YYYY-MM-DD)'),
  column('window_to', 'text', 'window.to', 'end of the time window (YYYY-MM-DD)'),
  column('title', 'text', 'title', 'short description'),
  column('sources', 'list', 'sources', 'ids of the sources, separated by ;'),
  column('note', 'text', 'note', 'which figure is used and why, other estimates, caveats'),
  column('derived', 'text', 'derived', DERIVED_DESCRIPTION),
];

/** Requirements: one row each. */
export const requirementCodec: CodecSpec<Requirement> = {
  entity: requirementEntity,
  columns: REQUIREMENT_COLUMNS,
  toRow: (requirement) => ({
    id: requirement.id,
    capability: requirement.capability,
    quantity: requirement.quantity,
    estimate: requirement.estimate,
    priority: requirement.priority,
    area: requirement.area,
    package: formatText(requirement.package),
    window_from: formatText(requirement.window?.from),
    window_to: formatText(requirement.window?.to),
    title: formatText(requirement.title),
    sources: formatList(requirement.sources),
    note: formatText(requirement.note),
    derived: formatDerived(requirement.derived),
  }),
  fromRow: (row, problem) =>
    defined({
      id: row.text('id'),
      capability: row.text('capability'),
      quantity: row.number('quantity') ?? null,
      estimate: row.boolean('estimate'),
      priority: row.number('priority'),
      area: row.text('area'),
      package: row.text('package'),
      window: windowOf(row, 'window_from', 'window_to'),
      title: row.text('title'),
      sources: row.list('sources'),
      note: row.text('note'),
      derived: parseDerived(row, problem),
    }),
};

const CONTRIBUTION_COLUMNS: readonly Column[] = [
  column('id', 'text', 'id', 'unique id of the contribution'),
  column('fund', 'text', 'fund', 'id of the fund paid into'),
  column('package', 'text', 'package', 'id of the fund package it is earmarked for'),
  column('donors', 'donors', 'donors', 'donor parties, separated by ;, each optionally with its share: PL:0.5;NO:0.25;DE:0.25 or PL;NO;DE; a part its donor has not confirmed ends in ? (NO:0.25?)'),
  column('amount', 'integer', 'amount', 'amount in minor units of the currency (EUR 500 m = 50000000000 cents); empty = no amount was published'),
  column('currency', 'text', 'currency', 'ISO 4217 code, e.g. EUR'),
  column('date', 'text', 'date', 'date of the contribution (YYYY-MM-DD)'),
  column('status', 'text', 'status', 'pledged or paid (default pledged)'),
  column('confidentiality', 'text', 'confidentiality', 'public, coalition, restricted or bilateral (default coalition)'),
  column('shared_with', 'list', 'sharedWith', 'parties a bilateral contribution is shared with, separated by ;'),
  column('sources', 'list', 'sources', 'ids of the sources, separated by ;'),
  column('note', 'text', 'note', 'free text'),
  column('derived', 'text', 'derived', DERIVED_DESCRIPTION),
];

/** Contributions: one row each, the donors in one cell. */
export const contributionCodec: CodecSpec<Contribution> = {
  entity: contributionEntity,
  columns: CONTRIBUTION_COLUMNS,
  toRow: (contribution) => ({
    id: contribution.id,
    fund: contribution.fund,
    package: formatText(contribution.package),
    donors: formatDonors(contribution.donors),
    amount: contribution.amount,
    currency: contribution.currency,
    date: contribution.date,
    status: contribution.status,
    confidentiality: contribution.confidentiality,
    shared_with: formatList(contribution.sharedWith),
    sources: formatList(contribution.sources),
    note: formatText(contribution.note),
    derived: formatDerived(contribution.derived),
  }),
  fromRow: (row, problem) =>
    defined({
      id: row.text('id'),
      fund: row.text('fund'),
      package: row.text('package'),
      donors: row.donors('donors'),
      amount: row.has('amount') ? row.number('amount') : null,
      currency: row.text('currency'),
      date: row.text('date'),
      status: row.text('status'),
      confidentiality: row.text('confidentiality'),
      sharedWith: row.list('shared_with'),
      sources: row.list('sources'),
      note: row.text('note'),
      derived: parseDerived(row, problem),
    }),
};
