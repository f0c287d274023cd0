import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasureExemption, SanctionsMeasureInput, SanctionsPackageInput, SanctionsRecords } from '../../sanctions/sanctions-types.js';
import { evaluateDerivation } from './registry.js';
import type { SanctionsExemptionsEndedDerivation } from './sanctions-exemptions-ended.js';

// `sanctions_exemptions_ended` (through the registry) at each date equals its definition evaluated on the records as
// of that date, by brute force on random records: on day D, take the adopted measures of the type and jurisdiction whose package was
// adopted by D (or has no date), and their exemptions begun by D (or without a start); none → no value; all ended
// by D → true; else false. The first day of the value's period is found by walking back day by day.

const DAYS = Array.from({ length: 14 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
const BEFORE_ALL = '2026-02-28';
const day = fc.constantFrom(...DAYS);
const DERIVATION: SanctionsExemptionsEndedDerivation = { kind: 'sanctions_exemptions_ended', jurisdiction: 'EU', measureType: 'oil_embargo' };

const exemptionArbitrary = fc
  .record({ party: fc.constantFrom('HU', 'SK', 'CZ'), since: fc.option(day, { nil: undefined }), until: fc.option(day, { nil: undefined }) })
  .map(({ party, since, until }): MeasureExemption => {
    const [from, to] = since !== undefined && until !== undefined && until < since ? [until, since] : [since, until];
    return { party, description: `pipeline crude (${party})`, ...(from !== undefined ? { since: from } : {}), ...(to !== undefined ? { until: to } : {}) };
  });

const recordsArbitrary = fc
  .array(
    fc.record({
      adoptedOn: fc.option(day, { nil: undefined }),
      jurisdiction: fc.constantFrom('EU', 'EU', 'US'),
      type: fc.constantFrom('oil_embargo', 'oil_embargo', 'lng_ban') as fc.Arbitrary<'oil_embargo' | 'lng_ban'>,
      status: fc.constantFrom('adopted', 'adopted', 'proposed') as fc.Arbitrary<'adopted' | 'proposed'>,
      exemptions: fc.array(exemptionArbitrary, { maxLength: 3 }),
    }),
    { maxLength: 4 },
  )
  .map((specs): SanctionsRecords => ({
    packages: specs.map((spec, i): SanctionsPackageInput => ({ id: `p${i}`, jurisdiction: spec.jurisdiction, adoptedOn: spec.adoptedOn, title: `p${i}`, sources: [] })),
    measures: specs.map(
      (spec, i): SanctionsMeasureInput => ({ id: `m${i}`, package: `p${i}`, type: spec.type, status: spec.status, description: `m${i}`, exemptions: spec.exemptions, sources: [] }),
    ),
    sourceDates: new Map(),
  }));

/** The definition on the records as of `d`: null, or whether every exemption recorded by then had ended. */
function definition(records: SanctionsRecords, d: string): boolean | null {
  const exemptions = records.measures.flatMap((measure, i) => {
    const pkg = records.packages[i] as SanctionsPackageInput;
    const counts = pkg.jurisdiction === 'EU' && measure.type === 'oil_embargo' && measure.status === 'adopted' && (pkg.adoptedOn === undefined || pkg.adoptedOn <= d);
    return counts ? measure.exemptions.filter((exemption) => exemption.since === undefined || exemption.since <= d) : [];
  });
  if (exemptions.length === 0) return null;
  return exemptions.every((exemption) => exemption.until !== undefined && exemption.until <= d);
}

/** The first day of the value's period ending at `d`, walking back day by day (null: it held before every day too). */
function firstDay(records: SanctionsRecords, d: string): string | null {
  const value = definition(records, d);
  const index = DAYS.indexOf(d);
  for (let i = index; i > 0; i -= 1) if (definition(records, DAYS[i - 1] as string) !== value) return DAYS[i] as string;
  return definition(records, BEFORE_ALL) === value ? null : (DAYS[0] as string);
}

describe('sanctions_exemptions_ended equals its definition on the records as of each date', () => {
  it('value, first day and basis on every day, on 1,000 random sets of measures and exemptions', () => {
    fc.assert(
      fc.property(recordsArbitrary, (records) => {
        for (const d of DAYS) {
          const expected = definition(records, d);
          const derived = evaluateDerivation(DERIVATION, { incidents: [], sanctions: records }, d);
          if (expected === null) {
            expect(derived).toBeNull();
            continue;
          }
          expect(derived?.value).toBe(expected);
          expect(derived?.since).toBe(firstDay(records, d));
          const counted = records.measures.flatMap((measure, i) => {
            const pkg = records.packages[i] as SanctionsPackageInput;
            if (pkg.jurisdiction !== 'EU' || measure.type !== 'oil_embargo' || measure.status !== 'adopted' || (pkg.adoptedOn !== undefined && pkg.adoptedOn > d)) return [];
            return measure.exemptions.filter((exemption) => exemption.since === undefined || exemption.since <= d).map((exemption) => `${measure.id} ${exemption.party}: ${exemption.description}`);
          });
          expect(derived?.basis.map((entry) => `${entry.id} ${entry.title}`).sort()).toEqual(counted.sort());
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('on the demo records: false while Hungary and Slovakia keep their Druzhba exemptions, true once the last one ends', () => {
    const pkg: SanctionsPackageInput = { id: 'eu-6', jurisdiction: 'EU', title: '6th package', sources: ['babel'] };
    const embargo = (exemptions: MeasureExemption[]): SanctionsMeasureInput => ({ id: 'eu-6-oil-embargo', package: 'eu-6', type: 'oil_embargo', status: 'adopted', description: 'embargo', exemptions, sources: ['babel'] });
    const records = (exemptions: MeasureExemption[]): SanctionsRecords => ({ packages: [pkg], measures: [embargo(exemptions)], sourceDates: new Map([['babel', '2022-05-28']]) });
    const evaluate = (sanctions: SanctionsRecords, at: string | undefined) => evaluateDerivation(DERIVATION, { incidents: [], sanctions }, at);
    const druzhba: MeasureExemption[] = [
      { party: 'HU', description: 'pipeline crude' },
      { party: 'SK', description: 'pipeline crude' },
      { party: 'CZ', description: 'pipeline crude', until: '2025-07-18' },
    ];
    expect(evaluate(records(druzhba), '2026-12-07')).toMatchObject({ value: false, since: '2022-05-28' });
    expect(evaluate(records(druzhba), '2022-05-27')).toBeNull();
    // A hypothetical end for HU and SK (not in FACTS.md): true from the later of the two.
    const ending = [{ ...druzhba[0], until: '2027-01-01' }, { ...druzhba[1], until: '2027-06-30' }, druzhba[2]] as MeasureExemption[];
    expect(evaluate(records(ending), '2027-06-29')).toMatchObject({ value: false });
    expect(evaluate(records(ending), '2027-06-30')).toMatchObject({ value: true, since: '2027-06-30' });
    expect(evaluate(records(ending), undefined)).toMatchObject({ value: true, since: '2027-06-30' });
  });
});
