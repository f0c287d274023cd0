import { beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../../../test/support/stores.js';
import type { UserPrincipal } from '../../core/access/principal.js';
import { pledgeSchema } from '../../contracts/domain.schema.js';
import { contributionSchema } from '../../contracts/records.schema.js';
import { pledgeEntity } from '../../db/entities/dataset-entities.js';
import { contributionEntity } from '../../db/entities/funding-entities.js';
import { createServices } from '../create-services.js';
import { loadDemo } from '../load-demo.js';
import { FundingService } from './funding.service.js';

// The funding analyses see only what their caller may see (DESIGN.md §7): a restricted German contribution and a
// restricted German pledge of personnel count for Germany's delegates and the coordinators, and for nobody else
// — not in a fund's total, not in a donor's row, not in burden sharing.

const user = (role: UserPrincipal['role'], party: string | null = null): UserPrincipal => ({ kind: 'user', userId: `${role}-${party}`, name: `${role}-${party}`, role, party });
const GERMANY = user('delegate', 'DE');
const FRANCE = user('delegate', 'FR');
const COORDINATOR = user('coordinator');
const ANALYST = user('analyst');
const SYSTEM = { name: 'test' };
const SECRET_AMOUNT = 123_456_789_00;
const SECRET_PERSONNEL = 7_777;

describeEachStore('funding analyses and confidentiality', (suite) => {
  let funding: FundingService;

  beforeAll(async () => {
    const now = () => new Date('2026-05-01T12:00:00Z');
    const services = createServices(suite.store(), now);
    await loadDemo(suite.store(), services.cache, now);
    const contribution = contributionSchema.parse({ id: 'de-secret-money', fund: 'purl-2025', donors: [{ party: 'DE' }], amount: SECRET_AMOUNT, currency: 'USD', date: '2025-10-01', confidentiality: 'restricted' });
    const pledge = pledgeSchema.parse({ id: 'de-secret-troops', party: 'DE', capability: 'land.personnel', quantity: SECRET_PERSONNEL, confidentiality: 'restricted' });
    await services.records.create(SYSTEM, contributionEntity, contribution);
    await services.records.create(SYSTEM, pledgeEntity, pledge);
    funding = new FundingService(suite.store(), now);
  });

  it('a restricted contribution counts in the fund for its party and coordinators only', async () => {
    const contributed = async (principal: typeof SYSTEM | UserPrincipal) => (await funding.allocation(principal, 'purl-2025')).allocation.totals.contributed;
    const everything = await contributed(SYSTEM);
    expect(await contributed(GERMANY)).toBe(everything);
    expect(await contributed(COORDINATOR)).toBe(everything);
    for (const outsider of [FRANCE, ANALYST]) {
      const report = await funding.allocation(outsider, 'purl-2025');
      expect(report.allocation.totals.contributed).toBe(everything - SECRET_AMOUNT);
      expect(report.contributions.map((item) => item.id)).not.toContain('de-secret-money');
      expect(JSON.stringify(report)).not.toContain('de-secret');
    }
    const [outsiderFund] = await funding.listFunds(FRANCE);
    const [insiderFund] = await funding.listFunds(GERMANY);
    expect((insiderFund?.contributed ?? 0) - (outsiderFund?.contributed ?? 0)).toBe(SECRET_AMOUNT);
  });

  it('burden sharing leaves out what the caller may not see: money and personnel', async () => {
    const germanyAs = async (principal: UserPrincipal) => (await funding.burden(principal, { key: 'gdp', currency: 'USD' })).rows.find((row) => row.party === 'DE');
    const inside = await germanyAs(GERMANY);
    const outside = await germanyAs(FRANCE);
    expect((inside?.purl ?? 0) - (outside?.purl ?? 0)).toBe(SECRET_AMOUNT);
    expect((inside?.personnel.min ?? 0) - (outside?.personnel.min ?? 0)).toBe(SECRET_PERSONNEL);
    expect(await germanyAs(ANALYST)).toEqual(outside);
  });
});
