import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { problemsFromZod } from './input-error.js';
import {
  actionItemSchema,
  contributionSchema,
  currencySchema,
  financingPlanSchema,
  fundPackageSchema,
  fundSchema,
  meetingDecisionSchema,
  meetingSchema,
  minorUnitDigits,
  minorUnitsSchema,
  sanctionsMeasureSchema,
  sanctionsPackageSchema,
} from './records.schema.js';

// The record schemas at the edge: valid records pass with their defaults, bad ones are refused with the
// path and a message naming the problem.

function problems(schema: z.ZodType, input: unknown): string[] {
  const parsed = schema.safeParse(input);
  if (parsed.success) return [];
  return problemsFromZod(parsed.error).map((problem) => `${problem.path}: ${problem.message}`);
}

const CONTRIBUTION = {
  id: 'purl-pl-no-de',
  fund: 'purl',
  package: 'purl-7',
  donors: [
    { party: 'PL', share: 0.2 },
    { party: 'NO', share: 0.4 },
    { party: 'DE', share: 0.4 },
  ],
  amount: 50_000_000_000,
  currency: 'USD',
  date: '2025-12-03',
  sources: ['novyny-2025-12-03'],
};

const PLAN = {
  id: 'ua-2026-27',
  title: 'Ukraine 2026–27',
  needAmount: 13_570_000_000_000,
  currency: 'EUR',
  period: { from: '2026-01-01', to: '2027-12-31' },
  options: [
    { id: 'joint', kind: 'joint_borrowing', title: 'EU borrowing', key: 'gni', optOuts: ['CZ'], amount: 9_000_000_000_000 },
    { id: 'reparations', kind: 'asset_backed_loan', title: 'Reparations loan', key: 'gni', guarantors: ['DE', 'FR'] },
  ],
  decidedOption: 'joint',
};

describe('money', () => {
  it('accepts ISO 4217 codes and refuses others by name', () => {
    expect(currencySchema.safeParse('EUR').success).toBe(true);
    expect(currencySchema.safeParse('NOK').success).toBe(true);
    expect(problems(currencySchema, 'XYZ')).toEqual(["(root): unknown currency 'XYZ': not an ISO 4217 code"]);
    expect(problems(currencySchema, 'eur')).toEqual(["(root): must be 3 upper-case letters (ISO 4217, e.g. EUR), not 'eur'"]);
    expect(problems(currencySchema, 978)).toEqual(['(root): must be a currency code (ISO 4217, e.g. EUR)']);
  });

  it('takes amounts as non-negative safe integers of minor units', () => {
    expect(minorUnitsSchema.safeParse(50_000_000_000).success).toBe(true);
    expect(minorUnitsSchema.safeParse(0).success).toBe(true);
    expect(problems(minorUnitsSchema, 12.5)).toEqual(['(root): must be a whole number of minor units (e.g. cents)']);
    expect(problems(minorUnitsSchema, -1)).toEqual(['(root): must not be negative']);
    expect(problems(minorUnitsSchema, 2 ** 53)).toEqual([`(root): must be at most ${Number.MAX_SAFE_INTEGER} (a safe integer)`]);
    expect(problems(minorUnitsSchema, '100')).toEqual(['(root): must be a number (minor units, e.g. cents)']);
  });

  it('knows the minor-unit digits', () => {
    expect([minorUnitDigits('EUR'), minorUnitDigits('JPY'), minorUnitDigits('ISK'), minorUnitDigits('KWD')]).toEqual([2, 0, 0, 3]);
  });
});

describe('funds and packages', () => {
  it('fills defaults', () => {
    expect(fundSchema.parse({ id: 'purl', title: 'PURL', currency: 'USD' })).toEqual({ id: 'purl', title: 'PURL', currency: 'USD', sources: [] });
    expect(fundPackageSchema.parse({ id: 'p1', fund: 'purl', title: 'Package 1', price: 50_000_000_000, currency: 'USD' })).toMatchObject({
      priority: 1,
      status: 'open',
    });
  });

  it('refuses unknown fields, bad priorities and statuses', () => {
    expect(problems(fundSchema, { id: 'purl', title: 'PURL', currency: 'USD', target: 5 })).toEqual(["(root): unknown field 'target'"]);
    expect(problems(fundPackageSchema, { id: 'p1', fund: 'purl', title: 'P', price: 1, currency: 'USD', priority: 0, status: 'paid' })).toEqual([
      'priority: must be 1 (highest) or more',
      'status: must be one of open, funded, ordered, delivered',
    ]);
    expect(problems(fundPackageSchema, 'p1')).toEqual(['(root): must be an object']);
  });
});

describe('contributions', () => {
  it('accepts joint donors whose shares sum to 100 %', () => {
    const parsed = contributionSchema.parse(CONTRIBUTION);
    expect(parsed.status).toBe('pledged');
    expect(parsed.confidentiality).toBe('coalition');
  });

  it('accepts donors without shares, or with some shares below 100 %', () => {
    expect(contributionSchema.safeParse({ ...CONTRIBUTION, donors: [{ party: 'PL' }, { party: 'NO' }] }).success).toBe(true);
    expect(contributionSchema.safeParse({ ...CONTRIBUTION, donors: [{ party: 'PL', share: 0.5 }, { party: 'NO' }] }).success).toBe(true);
    expect(contributionSchema.safeParse({ ...CONTRIBUTION, donors: [{ party: 'PL', share: 0.1 }, { party: 'NO', share: 0.2 }, { party: 'DE', share: 0.7 }] }).success).toBe(
      true,
    );
  });

  it('refuses shares that do not sum to 100 %', () => {
    const donors = [
      { party: 'PL', share: 0.5 },
      { party: 'NO', share: 0.4 },
    ];
    expect(problems(contributionSchema, { ...CONTRIBUTION, donors })).toEqual(['donors: shares must sum to 100 %']);
    expect(problems(contributionSchema, { ...CONTRIBUTION, donors: [{ party: 'PL', share: 0.7 }, { party: 'NO', share: 0.7 }, { party: 'DE' }] })).toEqual([
      'donors: shares must not exceed 100 % in total',
    ]);
  });

  it('refuses no donors, duplicate donors and shares outside 0–1', () => {
    expect(problems(contributionSchema, { ...CONTRIBUTION, donors: [] })).toEqual(['donors: must name at least one donor']);
    expect(problems(contributionSchema, { ...CONTRIBUTION, donors: [{ party: 'PL' }, { party: 'NO' }, { party: 'PL' }] })).toEqual([
      "donors[2].party: duplicate donor 'PL' (first at [0])",
    ]);
    expect(problems(contributionSchema, { ...CONTRIBUTION, donors: [{ party: 'PL', share: 1.5 }] })).toEqual(['donors[0].share: must be between 0 and 1']);
    expect(problems(contributionSchema, { ...CONTRIBUTION, donors: [{ party: 'pl', weight: 1 }] })).toEqual([
      'donors[0].party: must match [A-Z][A-Z0-9_]* (e.g. FR, EUCO, P12)',
      "donors[0]: unknown field 'weight'",
    ]);
  });

  it('names every bad field', () => {
    expect(problems(contributionSchema, { ...CONTRIBUTION, amount: -5, currency: 'EURO', date: '3 Dec', status: 'sent', confidentiality: 'secret' })).toEqual([
      'amount: must not be negative',
      "currency: must be 3 upper-case letters (ISO 4217, e.g. EUR), not 'EURO'",
      'date: must be a date YYYY-MM-DD',
      'status: must be one of pledged, paid',
      'confidentiality: Invalid option: expected one of "public"|"coalition"|"restricted"|"bilateral"',
    ]);
    expect(problems(contributionSchema, { ...CONTRIBUTION, sharedWith: ['UA', 'UA'] })).toEqual(["sharedWith[1]: duplicate party 'UA' (first at [0])"]);
  });
});

describe('financing plans', () => {
  it('accepts a plan whose decided option is one of its options', () => {
    expect(financingPlanSchema.parse(PLAN).decidedOption).toBe('joint');
    const { decidedOption: _decided, ...undecided } = PLAN;
    expect(financingPlanSchema.safeParse(undecided).success).toBe(true);
  });

  it('refuses a decided option that is not an option', () => {
    expect(problems(financingPlanSchema, { ...PLAN, decidedOption: 'bilateral' })).toEqual([
      "decidedOption: must be one of the option ids ('joint', 'reparations'), not 'bilateral'",
    ]);
  });

  it('refuses duplicate option ids, bad kinds and keys, and plans without options', () => {
    const [joint, reparations] = PLAN.options;
    expect(problems(financingPlanSchema, { ...PLAN, options: [joint, { ...reparations, id: 'joint' }] })).toEqual([
      "options[1].id: duplicate option id 'joint' (first at [0])",
    ]);
    expect(problems(financingPlanSchema, { ...PLAN, options: [{ ...joint, kind: 'grant', key: 'population' }] })).toEqual([
      'options[0].kind: must be one of joint_borrowing, asset_backed_loan, bilateral',
      'options[0].key: must be one of gni, gdp, custom',
    ]);
    expect(problems(financingPlanSchema, { ...PLAN, options: [], decidedOption: undefined })).toEqual(['options: must list at least one option']);
    expect(problems(financingPlanSchema, { ...PLAN, period: { from: '2027-01-01', to: '2026-01-01' } })).toEqual(['period: from must not be after to']);
  });
});

describe('sanctions', () => {
  const PACKAGE = { id: 'eu-19', jurisdiction: 'EU', number: 19, adoptedOn: '2025-10-23', title: '19th package' };

  it('accepts packages of any upper-case jurisdiction with defaults', () => {
    expect(sanctionsPackageSchema.parse(PACKAGE)).toEqual({ ...PACKAGE, alignment: [], exemptions: [], sources: [] });
    expect(sanctionsPackageSchema.safeParse({ ...PACKAGE, jurisdiction: 'OFAC' }).success).toBe(true);
  });

  it('refuses bad jurisdictions, numbers and exemptions', () => {
    expect(problems(sanctionsPackageSchema, { ...PACKAGE, jurisdiction: 'eu', number: 0, exemptions: [{ party: 'HU' }] })).toEqual([
      'jurisdiction: must be upper-case letters (EU, US, UK, CA, JP, CH, NO, AU or another code)',
      'number: must be 1 or more',
      'exemptions[0].description: is required',
    ]);
    expect(problems(sanctionsPackageSchema, { ...PACKAGE, alignment: ['NO', 'NO'] })).toEqual(["alignment[1]: duplicate party 'NO' (first at [0])"]);
  });

  it('checks measure kinds and counts', () => {
    expect(sanctionsMeasureSchema.safeParse({ id: 'm', package: 'eu-19', kind: 'vessels', description: '117 vessels', count: 117 }).success).toBe(true);
    expect(problems(sanctionsMeasureSchema, { id: 'm', package: 'eu-19', kind: 'tariff', description: '', count: -1 })).toEqual([
      'kind: must be one of listing, vessels, sectoral_ban, price_cap, other',
      'description: must not be empty',
      'count: must not be negative',
    ]);
  });

  it('checks matrix types, statuses and exemption dates', () => {
    const measure = { id: 'm', package: 'eu-6', kind: 'sectoral_ban', description: 'embargo' };
    expect(sanctionsMeasureSchema.parse(measure)).toMatchObject({ status: 'adopted', exemptions: [] });
    expect(
      problems(sanctionsMeasureSchema, { ...measure, type: 'tariffs', status: 'maybe', appliesFrom: '3 Sep', exemptions: [{ party: 'CZ', description: 'pipeline', since: '2025-07-18', until: '2022-06-01' }] }),
    ).toEqual([
      expect.stringMatching(/^type: must be one of oil_embargo, oil_price_cap, /),
      'status: must be one of adopted, proposed, not_adopted',
      expect.stringMatching(/^appliesFrom: /),
      'exemptions[0].until: ends (2022-06-01) before it starts (2025-07-18)',
    ]);
  });
});

describe('meetings', () => {
  const MEETING = { id: 'paris-2026-01-06', date: '2026-01-06', format: 'leaders', title: 'Paris summit', inPerson: ['FR', 'GB'], online: ['US'] };

  it('accepts a meeting and refuses a participant both in person and online', () => {
    expect(meetingSchema.parse(MEETING)).toEqual({ ...MEETING, sources: [] });
    expect(problems(meetingSchema, { ...MEETING, online: ['US', 'GB'] })).toEqual(["online[1]: 'GB' is also listed in person"]);
    expect(problems(meetingSchema, { ...MEETING, format: 'summit', inPerson: ['FR', 'FR'] })).toEqual([
      'format: must be one of leaders, ministers, nsa, other',
      "inPerson[1]: duplicate party 'FR' (first at [0])",
    ]);
  });

  it('checks decisions and action items', () => {
    expect(meetingDecisionSchema.parse({ id: 'd', meeting: 'm', text: 'x' })).toEqual({ id: 'd', meeting: 'm', text: 'x', pledges: [], requirements: [], sources: [] });
    expect(problems(meetingDecisionSchema, { id: 'd', meeting: 'm', text: 'x', pledges: ['gb-1', 'gb-1'] })).toEqual(["pledges[1]: duplicate pledge 'gb-1' (first at [0])"]);
    expect(actionItemSchema.parse({ id: 'a', meeting: 'm', text: 'vote' }).status).toBe('open');
    expect(problems(actionItemSchema, { id: 'a', meeting: 'm', text: 'vote', owner: 'uk', due: '2026-13-01', status: 'closed', sources: [] })).toEqual([
      'owner: must match [A-Z][A-Z0-9_]* (e.g. FR, EUCO, P12)',
      'due: must be a date YYYY-MM-DD',
      'status: must be one of open, done, dropped',
      "(root): unknown field 'sources'",
    ]);
  });
});
