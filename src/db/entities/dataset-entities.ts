import { facts, parties, pledges, capabilities, requirementPackages, requirements, sources } from '../schema/index.js';
import {
  capabilitySchema,
  factSchema,
  packageSchema,
  partySchema,
  pledgeSchema,
  requirementSchema,
  sourceSchema,
} from '../../contracts/domain.schema.js';
import type { Capability, Fact, FactValue, Party, Pledge, Requirement, RequirementPackage, Source } from '../../core/types.js';
import { derivationsFromRow, type EntityDefinition, windowFrom, withoutEmpty } from './entity-definition.js';

// Row ↔ record mappings for the records the engine reasons about (DESIGN.md §3).

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export const sourceEntity: EntityDefinition<Source, Row<typeof sources>> = {
  name: 'sources',
  table: sources,
  schema: sourceSchema,
  toRecord: (row) =>
    withoutEmpty({ id: row.id, url: row.url, publication: row.publication, publisher: row.publisher, date: row.date, language: row.language, quote: row.quote, owner: row.owner }) as Source,
  toRow: (record) => ({
    id: record.id,
    url: record.url ?? null,
    publication: record.publication ?? null,
    publisher: record.publisher,
    date: record.date,
    language: record.language ?? null,
    quote: record.quote ?? null,
    owner: record.owner ?? null,
  }),
  filters: { publisher: { column: sources.publisher } },
};

export const partyEntity: EntityDefinition<Party, Row<typeof parties>> = {
  name: 'parties',
  table: parties,
  schema: partySchema,
  toRecord: (row) => ({ id: row.id, kind: row.kind as Party['kind'], name: { en: row.nameEn, de: row.nameDe }, groups: row.groups as Party['groups'] }),
  toRow: (record) => ({ id: record.id, kind: record.kind, nameEn: record.name.en, nameDe: record.name.de, groups: record.groups }),
  filters: { kind: { column: parties.kind }, group: { column: parties.groups, array: true } },
};

export const capabilityEntity: EntityDefinition<Capability, Row<typeof capabilities>> = {
  name: 'capabilities',
  table: capabilities,
  schema: capabilitySchema,
  toRecord: (row) => ({ id: row.id, unit: row.unit as Capability['unit'], name: { en: row.nameEn, de: row.nameDe } }),
  toRow: (record) => ({ id: record.id, unit: record.unit, nameEn: record.name.en, nameDe: record.name.de }),
  filters: { unit: { column: capabilities.unit } },
};

export const factEntity: EntityDefinition<Fact, Row<typeof facts>> = {
  name: 'facts',
  table: facts,
  schema: factSchema,
  toRecord: (row) =>
    withoutEmpty({
      id: row.id,
      value: (row.value === 'unknown' ? 'unknown' : row.value === 'true') as FactValue,
      probability: row.probability,
      description: row.description,
      sources: row.sources,
    }) as Fact,
  toRow: (record) => ({
    id: record.id,
    value: String(record.value),
    probability: record.probability ?? null,
    description: record.description ?? null,
    sources: record.sources,
  }),
  filters: { value: { column: facts.value } },
};

export const packageEntity: EntityDefinition<RequirementPackage, Row<typeof requirementPackages>> = {
  name: 'packages',
  table: requirementPackages,
  schema: packageSchema,
  toRecord: (row) => withoutEmpty({ id: row.id, title: row.title, description: row.description, sources: row.sources }) as RequirementPackage,
  toRow: (record) => ({ id: record.id, title: record.title, description: record.description ?? null, sources: record.sources }),
  filters: {},
};

export const requirementEntity: EntityDefinition<Requirement, Row<typeof requirements>> = {
  name: 'requirements',
  table: requirements,
  schema: requirementSchema,
  toRecord: (row) => {
    const record: Requirement = {
      id: row.id,
      capability: row.capability,
      quantity: row.quantity,
      estimate: row.estimate,
      priority: row.priority,
      area: row.area,
      sources: row.sources,
    };
    if (row.packageId !== null) record.package = row.packageId;
    const window = windowFrom(row.windowFrom, row.windowTo);
    if (window) record.window = window;
    if (row.title !== null) record.title = row.title;
    if (row.note !== null) record.note = row.note;
    const derived = derivationsFromRow(row.derived);
    if (derived) record.derived = derived;
    return record;
  },
  toRow: (record) => ({
    id: record.id,
    capability: record.capability,
    quantity: record.quantity,
    estimate: record.estimate,
    priority: record.priority,
    area: record.area,
    packageId: record.package ?? null,
    windowFrom: record.window?.from ?? null,
    windowTo: record.window?.to ?? null,
    title: record.title ?? null,
    sources: record.sources,
    note: record.note ?? null,
    derived: record.derived && record.derived.length > 0 ? record.derived : null,
  }),
  filters: {
    capability: { column: requirements.capability },
    package: { column: requirements.packageId },
    area: { column: requirements.area },
  },
};

export const pledgeEntity: EntityDefinition<Pledge, Row<typeof pledges>> = {
  name: 'pledges',
  table: pledges,
  schema: pledgeSchema,
  confidential: true,
  toRecord: (row) => {
    const record: Pledge = {
      id: row.id,
      party: row.party,
      capability: row.capability,
      quantity: row.quantityMin === null || row.quantityMax === null ? null : { min: row.quantityMin, max: row.quantityMax },
      areas: row.areas,
      status: row.status as Pledge['status'],
      confidentiality: row.confidentiality as Pledge['confidentiality'],
      condition: row.condition,
      sources: row.sources,
    };
    const window = windowFrom(row.windowFrom, row.windowTo);
    if (window) record.window = window;
    Object.assign(
      record,
      withoutEmpty({ supersedes: row.supersedes, announcedOn: row.announcedOn, withdrawnOn: row.withdrawnOn, sharedWith: row.sharedWith, note: row.note, stale: row.stale }),
    );
    const derived = derivationsFromRow(row.derived);
    if (derived) record.derived = derived;
    return record;
  },
  toRow: (record) => ({
    id: record.id,
    party: record.party,
    capability: record.capability,
    quantityMin: record.quantity?.min ?? null,
    quantityMax: record.quantity?.max ?? null,
    areas: record.areas,
    windowFrom: record.window?.from ?? null,
    windowTo: record.window?.to ?? null,
    status: record.status,
    supersedes: record.supersedes ?? null,
    announcedOn: record.announcedOn ?? null,
    withdrawnOn: record.withdrawnOn ?? null,
    confidentiality: record.confidentiality,
    sharedWith: record.sharedWith ?? null,
    condition: record.condition,
    sources: record.sources,
    note: record.note ?? null,
    stale: record.stale ?? null,
    derived: record.derived && record.derived.length > 0 ? record.derived : null,
  }),
  filters: {
    party: { column: pledges.party },
    capability: { column: pledges.capability },
    status: { column: pledges.status },
    confidentiality: { column: pledges.confidentiality },
  },
};

/** The engine's records, in the order a dataset loads them (referenced before referencing). */
export const DATASET_ENTITIES = [sourceEntity, partyEntity, capabilityEntity, factEntity, packageEntity, requirementEntity, pledgeEntity] as const;

/** The collection names of the engine's dataset (the keys of core's Dataset). */
export const DATASET_ENTITY_NAMES: ReadonlySet<string> = new Set(DATASET_ENTITIES.map((entity) => entity.name));
