import fc from 'fast-check';
import type { DatasetChange } from '../../src/core/dataset/prepare-change.js';
import type { PreparedDataset } from '../../src/core/dataset/prepare-dataset.js';
import type { Capability, Dataset, Fact, Party, Pledge, Requirement, RequirementPackage, Source } from '../../src/core/types.js';
import { makeDataset, makePledge, makeRequirement, prepareModel } from './model-builders.js';

// Random writes to every collection of a small dataset, for prepare-change.property.test.ts: valid and invalid
// ones (unknown references, ids taken, records that others name deleted, areas leaving the vocabulary), drawn
// against the current dataset. Names: facts f1–f3, parties A–D, sources s1–s3, packages k1–k2, requirements
// r1–r3, the dataset's capabilities x.custom and y.custom (besides the catalogue's), areas zone.x–zone.z; the
// names ending in 9 (and Z, bad.cap) are never defined.

export type Step = { collection: string; change: DatasetChange };

const PLEDGE_IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const CONDITIONS = [
  'true',
  'f1',
  'f1 and active(A)',
  'not f2 or count(air.fighters) >= 1',
  'total(land.personnel, area=zone.x) >= 3',
  'total(land.personnel, area=zone.y) > 1',
  'total(land.personnel, area=zone.z) > 1',
  'count(x.custom) >= 1',
  'f3 or active(D)',
  'f9',
  'f1 and (',
  'active(Z)',
  'total(bad.cap) >= 1',
];
const CAPABILITIES = ['land.personnel', 'air.fighters', 'x.custom', 'y.custom', 'bad.cap'];
const AREAS = ['any', 'ua.rear', 'zone.x', 'zone.y', 'zone.z'];
const SOURCES = ['s1', 's2', 's3', 's9'];

const sourceList = fc.uniqueArray(fc.constantFrom(...SOURCES, 's1'), { maxLength: 2 });

const pledgeShape = fc.record({
  id: fc.constantFrom(...PLEDGE_IDS),
  party: fc.constantFrom('A', 'B', 'C', 'D', 'A', 'Z'),
  capability: fc.constantFrom('land.personnel', 'air.fighters', 'land.personnel', 'x.custom', 'bad.cap'),
  areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 2 }),
  supersedes: fc.option(fc.constantFrom(...PLEDGE_IDS, 'p9'), { nil: undefined, freq: 2 }),
  sharedWith: fc.option(fc.uniqueArray(fc.constantFrom('A', 'B', 'D', 'Z'), { maxLength: 2 }), { nil: undefined, freq: 3 }),
  sources: sourceList,
  condition: fc.constantFrom(...CONDITIONS),
  keepCondition: fc.boolean(),
  // A guarantee commitment's condition must require its trigger: f1 is required by two of the conditions.
  trigger: fc.option(fc.constantFrom('f1', 'f2'), { nil: undefined, freq: 3 }),
});

type Kind = DatasetChange['kind'];

// The kind of a write: mostly what the record's presence allows (create when absent; update or delete when
// present), sometimes any (a create of a taken id, an update or delete of a missing one).
const kindArbitrary = fc.record({ natural: fc.boolean(), update: fc.boolean(), any: fc.constantFrom<Kind>('create', 'update', 'delete') });
function kindOf(present: boolean, pick: { natural: boolean; update: boolean; any: Kind }, weird = true): Kind {
  if (pick.natural || !weird) return present ? (pick.update ? 'update' : 'delete') : 'create';
  return pick.any;
}

function recordStep<R extends { id: string }>(collection: keyof Dataset, ids: readonly string[], record: fc.Arbitrary<(id: string) => R>, weird = true): fc.Arbitrary<(current: Dataset) => Step> {
  return fc.record({ id: fc.constantFrom(...ids), kind: kindArbitrary, make: record }).map(({ id, kind, make }) => (current: Dataset): Step => {
    const present = (current[collection] as readonly { id: string }[]).some((item) => item.id === id);
    const chosen = kindOf(present, kind, weird);
    return { collection, change: chosen === 'delete' ? { kind: 'delete', id } : { kind: chosen, record: make(id) } };
  });
}

const factStep = recordStep('facts', ['f1', 'f2', 'f3'], fc.record({ value: fc.boolean(), sources: sourceList }).map((shape) => (id: string): Fact => ({ id, ...shape })));
const partyStep = recordStep('parties', ['A', 'B', 'C', 'D'], fc.constantFrom('state', 'organisation').map((kind) => (id: string): Party => ({ id, kind, name: { en: id, de: id }, groups: [] }) as Party));
const sourceStep = recordStep(
  'sources',
  ['s1', 's2', 's3'],
  fc.option(fc.constantFrom('A', 'C', 'D', 'Z'), { nil: undefined }).map((owner) => (id: string): Source => ({ id, publisher: 'test', date: '2026-01-01', ...(owner === undefined ? {} : { owner }) })),
);
const packageStep = recordStep('packages', ['k1', 'k2'], sourceList.map((sources) => (id: string): RequirementPackage => ({ id, title: id, sources })));
const requirementStep = recordStep(
  'requirements',
  ['r1', 'r2', 'r3'],
  fc
    .record({ capability: fc.constantFrom(...CAPABILITIES, 'land.personnel'), area: fc.constantFrom(...AREAS, 'zone.y', 'zone.w'), pkg: fc.option(fc.constantFrom('k1', 'k2', 'k9'), { nil: undefined }), sources: sourceList })
    .map(({ pkg, ...shape }) => (id: string): Requirement => makeRequirement(id, 5, { ...shape, ...(pkg === undefined ? {} : { package: pkg }) })),
);
// A dataset's capabilities are not checked for unique ids, and the store's primary key forbids a second one:
// a create only when absent.
const capabilityStep = recordStep(
  'capabilities',
  ['x.custom', 'y.custom', 'land.personnel'],
  fc.constantFrom('persons', 'units').map((unit) => (id: string): Capability => ({ id, unit, name: { en: id, de: id } }) as Capability),
  false,
);

const pledgeWrite = pledgeShape.map((shape) => (current: Dataset): Step => {
  const existing = current.pledges.find((pledge) => pledge.id === shape.id);
  const { keepCondition, supersedes, sharedWith, trigger, ...fields } = shape;
  const record: Pledge = makePledge(shape.id, { ...fields, condition: keepCondition && existing ? existing.condition : shape.condition });
  if (supersedes !== undefined) record.supersedes = supersedes;
  if (sharedWith !== undefined) record.sharedWith = sharedWith;
  if (trigger !== undefined) record.guarantee = { trigger, responses: ['military'], responseTime: 'not stated' };
  return { collection: 'pledges', change: { kind: existing ? 'update' : 'create', record } };
});

/** One random write, drawn against the current dataset. */
export const stepArbitrary: fc.Arbitrary<(current: Dataset) => Step> = fc.oneof(
  { weight: 6, arbitrary: pledgeWrite },
  { weight: 1, arbitrary: fc.constantFrom(...PLEDGE_IDS).map((id) => (current: Dataset): Step => ({ collection: 'pledges', change: current.pledges.some((pledge) => pledge.id === id) ? { kind: 'delete', id } : { kind: 'create', record: makePledge(id, { party: 'A' }) } })) },
  { weight: 1, arbitrary: fc.constantFrom(...PLEDGE_IDS).map((id) => (): Step => ({ collection: 'pledges', change: { kind: 'create', record: makePledge(id, { party: 'B' }) } })) },
  { weight: 2, arbitrary: factStep },
  { weight: 2, arbitrary: partyStep },
  { weight: 2, arbitrary: sourceStep },
  { weight: 2, arbitrary: packageStep },
  { weight: 3, arbitrary: requirementStep },
  { weight: 2, arbitrary: capabilityStep },
);

/** The dataset each sequence starts from: every collection filled, and things named from several places. */
export function startDataset(): PreparedDataset {
  const dataset = makeDataset({
    parties: ['A', 'B', 'C'],
    facts: { f1: true, f2: false },
    pledges: [
      makePledge('p0', { party: 'A', condition: 'f1', areas: ['zone.x'], sources: ['s1'] }),
      makePledge('p1', { party: 'B', condition: 'total(land.personnel, area=zone.x) >= 3', supersedes: 'p0' }),
      makePledge('p2', { party: 'C', condition: 'active(A)', capability: 'air.fighters' }),
      makePledge('p3', { party: 'A', condition: 'count(x.custom) >= 1 or total(land.personnel, area=zone.z) > 1', capability: 'x.custom' }),
    ],
    requirements: [makeRequirement('r1', 5, { area: 'zone.y', package: 'k1' }), makeRequirement('r2', 3, { area: 'zone.z', capability: 'x.custom', sources: ['s2'] })],
  });
  const source = (id: string, owner?: string): Source => ({ id, publisher: 'test', date: '2026-01-01', ...(owner === undefined ? {} : { owner }) });
  return prepareModel({
    ...dataset,
    sources: [source('s1'), source('s2', 'C')],
    packages: [{ id: 'k1', title: 'k1', sources: ['s1'] }],
    capabilities: [
      { id: 'x.custom', unit: 'units', name: { en: 'x', de: 'x' } },
      { id: 'y.custom', unit: 'units', name: { en: 'y', de: 'y' } },
      { id: 'land.personnel', unit: 'persons', name: { en: 'Personnel', de: 'Personal' } },
    ],
    facts: [...dataset.facts.map((fact) => (fact.id === 'f2' ? { ...fact, sources: ['s2'] } : fact))],
  });
}
