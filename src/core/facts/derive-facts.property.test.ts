import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../dataset/prepare-dataset.js';
import { INCIDENT_KINDS, INCIDENT_STATUSES, type Incident, type IncidentKind } from '../incidents/incident-types.js';
import { evaluateScenario } from '../scenario/evaluate-scenario.js';
import type { Fact, FactValue } from '../types.js';
import { deriveFacts, resolveFactValues } from './derive-facts.js';
import type { VerifiedIncidentDerivation } from './derivations/verified-incident.js';

// A derived fact's value at each date equals its definition evaluated on the records as of that date, by brute
// force: `violation` is true on day D iff some verified incident of a listed kind, dated on or after `after` and
// on or before D, exists; otherwise it has its recorded value. Checked on the value, the day it holds from and the
// basis, on the records cut at D, through resolveFactValues (a switch wins) and through a scenario's activation.

const DAYS = Array.from({ length: 12 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
const day = fc.constantFrom(...DAYS);

const incidentArbitrary = (i: number) =>
  fc.record({ date: day, kind: fc.constantFrom(...INCIDENT_KINDS), status: fc.constantFrom(...INCIDENT_STATUSES), verifiedOn: fc.option(day, { nil: undefined }) }).map(
    ({ date, kind, status, verifiedOn }): Incident => ({
      id: `inc-${i}`,
      title: `incident ${i}`,
      date,
      area: 'ua.front',
      kind,
      severity: 'medium',
      reportedBy: 'UA',
      status,
      ...(status === 'verified' && verifiedOn !== undefined ? { verifiedOn } : {}),
      sources: [],
    }),
  );

const incidentsArbitrary = fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => incidentArbitrary(i))));

const derivationArbitrary = fc.record({
  kinds: fc.uniqueArray(fc.constantFrom(...INCIDENT_KINDS), { minLength: 1 }),
  after: fc.option(day, { nil: undefined }),
}).map(({ kinds, after }): VerifiedIncidentDerivation => ({ kind: 'verified_incident', kinds, ...(after !== undefined ? { after } : {}) }));

const recordedArbitrary = fc.constantFrom<FactValue>(true, false, 'unknown');

/** The definition, evaluated directly: which incidents make it true on day `at` (every day when undefined). */
function qualifying(derivation: VerifiedIncidentDerivation, incidents: readonly Incident[], at: string | undefined): Incident[] {
  return incidents.filter(
    (incident) =>
      incident.status === 'verified' &&
      (derivation.kinds as readonly IncidentKind[]).includes(incident.kind) &&
      (derivation.after === undefined || incident.date >= derivation.after) &&
      (at === undefined || incident.date <= at),
  );
}

function violationFact(derivation: VerifiedIncidentDerivation, recorded: FactValue): Fact {
  return { id: 'violation', value: recorded, sources: [], derivation };
}

describe('derived facts equal their definition on the records as of each date', () => {
  it('value, first day and basis on every day, on 1,000 random incident logs', () => {
    fc.assert(
      fc.property(incidentsArbitrary, derivationArbitrary, recordedArbitrary, (incidents, derivation, recorded) => {
        const facts = [violationFact(derivation, recorded)];
        for (const at of [...DAYS, undefined]) {
          const expected = qualifying(derivation, incidents, at);
          const derived = deriveFacts(facts, { incidents }, at).get('violation');
          const value = resolveFactValues(facts, deriveFacts(facts, { incidents }, at), undefined).get('violation');
          expect(value, `on ${at}`).toBe(expected.length > 0 ? true : recorded);
          if (expected.length === 0) {
            expect(derived).toBeUndefined();
            continue;
          }
          expect(derived?.since).toBe(expected.map((incident) => incident.date).sort()[0]);
          expect(derived?.basis.map((basis) => basis.id).sort()).toEqual(expected.map((incident) => incident.id).sort());
          for (const basis of derived?.basis ?? []) {
            const incident = incidents.find((item) => item.id === basis.id);
            expect(basis.date).toBe(incident?.date);
            expect(basis.confirmedOn).toBe(incident?.verifiedOn);
          }
          // The records as of that date (those dated up to it) give the same answer with no date cut.
          const asOfThen = incidents.filter((incident) => at === undefined || incident.date <= at);
          expect(deriveFacts(facts, { incidents: asOfThen }, undefined).get('violation')).toEqual(derived);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a scenario switch wins over the derived value; facts without a derivation keep their recorded value', () => {
    fc.assert(
      fc.property(incidentsArbitrary, derivationArbitrary, recordedArbitrary, recordedArbitrary, day, (incidents, derivation, recorded, switched, at) => {
        const facts: Fact[] = [violationFact(derivation, recorded), { id: 'ceasefire', value: recorded, sources: [] }];
        const derived = deriveFacts(facts, { incidents }, at);
        expect(derived.has('ceasefire')).toBe(false);
        const values = resolveFactValues(facts, derived, new Map([['violation', switched]]));
        expect(values.get('violation')).toBe(switched);
        expect(values.get('ceasefire')).toBe(recorded);
      }),
      { numRuns: 500 },
    );
  });

  it('a pledge conditioned on the derived fact is certain on exactly the days the definition holds', () => {
    fc.assert(
      fc.property(incidentsArbitrary, derivationArbitrary, (incidents, derivation) => {
        const prepared = prepareDataset({
          sources: [],
          parties: [{ id: 'FR', kind: 'state', name: { en: 'France', de: 'Frankreich' }, groups: [] }],
          capabilities: [],
          facts: [violationFact(derivation, false)],
          packages: [],
          requirements: [],
          pledges: [{ id: 'p1', party: 'FR', capability: 'air.fighters', quantity: { min: 1, max: 1 }, areas: ['any'], status: 'committed', confidentiality: 'coalition', condition: 'violation', sources: [] }],
        });
        if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
        for (const at of DAYS) {
          const result = evaluateScenario(prepared.value, { asOf: at, derived: deriveFacts(prepared.value.facts, { incidents }, at) });
          const holds = qualifying(derivation, incidents, at).length > 0;
          expect(result.pledges[0]?.state, `on ${at}`).toBe(holds ? 'certain' : 'inactive');
          expect(result.facts[0]?.derived !== undefined).toBe(holds);
        }
      }),
      { numRuns: 100 },
    );
  });
});
