import { beforeAll, expect, it } from 'vitest';
import { describeEachStore, makeParty } from '../../test/support/stores.js';
import { AppError } from '../contracts/input-error.js';
import { type Principal, scopeOf } from '../core/access/principal.js';
import { restrictDataset } from '../core/access/restrict-dataset.js';
import { applyDatasetChange } from '../core/dataset/prepare-change.js';
import { prepareDataset } from '../core/dataset/prepare-dataset.js';
import { evaluateScenario } from '../core/scenario/evaluate-scenario.js';
import { coverageChanges } from '../core/scenario/preview-pledge.js';
import type { FactValue, Pledge } from '../core/types.js';
import { readAuditHead } from '../db/audit.repository.js';
import { factEntity, partyEntity, pledgeEntity, requirementEntity, sourceEntity } from '../db/entities/dataset-entities.js';
import { createServices, type Services } from './create-services.js';

// The pledge editor's preview on PGlite and PostgreSQL: equal to evaluating the caller's view with the draft written
// into it; a delegate previews only what they may write; nothing of a pledge they may not see comes through (totals,
// explanations, ids); a draft a save would refuse gets a save's codes at the draft's paths; nothing is stored.

describeEachStore('the pledge preview', (suite) => {
  let services: Services;
  const system: Principal = { name: 'setup' };
  const de: Principal = { kind: 'user', userId: 'de', name: 'vp-de', role: 'delegate', party: 'DE' };
  const fr: Principal = { kind: 'user', userId: 'fr', name: 'vp-fr', role: 'delegate', party: 'FR' };
  const coordinator: Principal = { kind: 'user', userId: 'co', name: 'cell', role: 'coordinator', party: null };
  const pledge = (id: string, party: string, extra: Partial<Pledge> = {}): Pledge => ({
    id, party, capability: 'land.personnel', quantity: { min: 1000, max: 1000 }, areas: ['ua.rear'], status: 'committed', confidentiality: 'coalition', condition: 'ceasefire', sources: ['src-1'], ...extra,
  });
  const deOwn = pledge('de-1', 'DE', { condition: 'ceasefire and us_backstop' });

  beforeAll(async () => {
    services = createServices(suite.store());
    await services.records.create(system, sourceEntity, { id: 'src-1', publisher: 'Test', date: '2025-01-01' });
    for (const party of ['DE', 'FR', 'PL']) await services.records.create(system, partyEntity, makeParty(party));
    for (const id of ['ceasefire', 'us_backstop']) await services.records.create(system, factEntity, { id, value: 'unknown', sources: [] });
    await services.records.create(system, requirementEntity, { id: 'req-land', capability: 'land.personnel', quantity: 10_000, estimate: false, priority: 1, area: 'ua.rear', sources: [] });
    await services.records.create(system, requirementEntity, { id: 'req-air', capability: 'air.fighters', quantity: 12, estimate: false, priority: 2, area: 'ua.airspace', sources: [] });
    await services.records.create(system, pledgeEntity, deOwn);
    await services.records.create(system, pledgeEntity, pledge('fr-open', 'FR', { quantity: { min: 2000, max: 3000 }, condition: 'ceasefire' }));
    await services.records.create(system, pledgeEntity, pledge('pl-1', 'PL', { condition: 'active(DE)' }));
    // 5,000 French personnel only France and the coordinators may see.
    await services.records.create(system, pledgeEntity, pledge('fr-secret', 'FR', { quantity: { min: 5000, max: 5000 }, condition: 'true', confidentiality: 'restricted', areas: ['ua.rear.secret'] }));
  }, 60_000);

  const scenarioOf = (facts: Record<string, FactValue>) => ({ facts: Object.entries(facts).map(([id, value]) => ({ id, value })) });

  // The brute-force reference: the caller's view of the stored dataset with the draft written in, fully checked and evaluated.
  const reference = async (principal: Principal, draft: Pledge, facts: Record<string, FactValue>) => {
    const full = await services.scenarios.dataset(system);
    const view = restrictDataset(full, scopeOf(principal));
    const kind = view.pledges.some((item) => item.id === draft.id) ? 'update' : 'create';
    const prepared = prepareDataset(applyDatasetChange(view, 'pledges', { kind, record: draft }));
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const options = { facts: new Map(Object.entries(facts)) };
    const before = evaluateScenario(view, options);
    const after = evaluateScenario(prepared.value, options);
    const entry = after.pledges.find((item) => item.id === draft.id);
    return { state: entry?.state, explanation: entry?.explanation, changes: coverageChanges(before, after), kind };
  };

  it('equals evaluating the changed view directly, for drafts and scenarios alike', async () => {
    const drafts: [Principal, Pledge][] = [
      [de, deOwn],
      [de, { ...deOwn, condition: 'ceasefire' }],
      [de, { ...deOwn, quantity: { min: 500, max: 4000 }, condition: 'true' }],
      [de, { ...deOwn, capability: 'air.fighters', quantity: { min: 4, max: 6 }, areas: ['any'], condition: 'active(FR, land.personnel)' }],
      [de, pledge('de-new', 'DE', { condition: 'total(land.personnel) >= 3000' })],
      [de, { ...deOwn, status: 'withdrawn', withdrawnOn: '2025-06-01' }],
      [fr, pledge('fr-secret', 'FR', { quantity: { min: 1, max: 1 }, condition: 'count(land.personnel) >= 2', confidentiality: 'restricted' })],
      [system, pledge('pl-1', 'PL', { condition: 'active(DE) and total(land.personnel, area=ua.rear) >= 7000' })],
    ];
    const scenarios: Record<string, FactValue>[] = [{}, { ceasefire: true }, { ceasefire: true, us_backstop: true }, { ceasefire: false, us_backstop: 'unknown' }];
    for (const [principal, draft] of drafts) {
      for (const facts of scenarios) {
        const label = `${principal.name} ${draft.id} ${JSON.stringify(facts)}`;
        const answer = await services.pledgePreview.preview(principal, { scenario: scenarioOf(facts), pledge: draft });
        const expected = await reference(principal, draft, facts);
        expect({ state: answer.pledge.state, explanation: answer.pledge.explanation, changes: answer.coverageChanges, kind: answer.change }, label).toEqual(expected);
      }
    }
  });

  it('shows the coverage a change moves, with the draft in the same form as an evaluation lists a pledge', async () => {
    const answer = await services.pledgePreview.preview(de, { scenario: scenarioOf({ ceasefire: true }), pledge: { ...deOwn, condition: 'ceasefire' } });
    expect(answer.change).toBe('update');
    expect(answer.pledge).toMatchObject({ id: 'de-1', party: 'DE', state: 'certain', candidate: true, explanation: null, explanationChain: null });
    // DE's 1,000 turn certain; PL's waits on DE's activity and turns certain with it.
    expect(answer.coverageChanges).toEqual([{ requirement: 'req-land', demand: 10_000, before: { min: 2000, max: 5000 }, after: { min: 4000, max: 5000 } }]);
    const waiting = await services.pledgePreview.preview(de, { scenario: scenarioOf({ ceasefire: true }), pledge: deOwn });
    expect(waiting.pledge.state).toBe('possible');
    expect(waiting.pledge.explanationChain).toMatchObject({ kind: 'chain', id: 'de-1', state: 'possible' });
    expect(waiting.coverageChanges).toEqual([]);
  });

  it('refuses a delegate a pledge of another party, and everyone who may not write pledges', async () => {
    const refused = async (principal: Principal, draft: Pledge) =>
      services.pledgePreview.preview(principal, { scenario: {}, pledge: draft }).then(
        () => 'previewed',
        (caught: unknown) => (caught instanceof AppError ? caught.code : String(caught)),
      );
    expect(await refused(de, pledge('fr-open', 'FR', { condition: 'true' }))).toBe('auth.forbidden');
    expect(await refused(de, pledge('fr-open', 'DE', { condition: 'true' }))).toBe('auth.forbidden');
    expect(await refused(de, pledge('de-brand-new', 'FR'))).toBe('auth.forbidden');
    expect(await refused(coordinator, deOwn)).toBe('auth.forbidden');
    // A revision may replace only a pledge of its own party.
    expect(await refused(de, pledge('de-2', 'DE', { supersedes: 'fr-open' }))).toBe('auth.forbidden');
  });

  it('reveals nothing of a pledge the caller may not see', async () => {
    // The others' visible pledges have 2,000 for certain without France's hidden 5,000, which alone would make 6,000.
    const draft = pledge('de-new', 'DE', { condition: 'total(land.personnel) >= 6000' });
    const threshold = await services.pledgePreview.preview(de, { scenario: scenarioOf({ ceasefire: true }), pledge: draft });
    expect(threshold.pledge.state).toBe('inactive');
    expect(threshold.pledge.explanation).toContain('others have 2000');
    expect(JSON.stringify(threshold)).not.toMatch(/fr-secret|ua\.rear\.secret/);
    // Who may see it counts it: the same draft is certain for the system.
    const all = await services.pledgePreview.preview(system, { scenario: scenarioOf({ ceasefire: true }), pledge: draft });
    expect(all.pledge.state).toBe('certain');
    expect(all.areas).toContain('ua.rear.secret');
    // A draft with the hidden pledge's id is a new pledge in DE's view: the answer is that of any other new id.
    const named = await services.pledgePreview.preview(de, { scenario: scenarioOf({ ceasefire: true }), pledge: pledge('fr-secret', 'DE') });
    const other = await services.pledgePreview.preview(de, { scenario: scenarioOf({ ceasefire: true }), pledge: pledge('de-other', 'DE') });
    expect(named.change).toBe('create');
    expect({ ...named, pledge: { ...named.pledge, id: 'x' } }).toEqual({ ...other, pledge: { ...other.pledge, id: 'x' } });
    // Superseding the hidden pledge is answered as superseding a missing one.
    const problemsOf = async (target: string) =>
      services.pledgePreview.preview(de, { scenario: {}, pledge: pledge('de-2', 'DE', { supersedes: target }) }).then(
        () => [],
        (caught: unknown) => (caught instanceof AppError ? JSON.stringify([caught.code, caught.problems]).replaceAll(target, 'TARGET') : String(caught)),
      );
    expect(await problemsOf('fr-secret')).toEqual(await problemsOf('no-such-pledge'));
    expect(await problemsOf('fr-secret')).toContain('dataset.unknown_reference');
  });

  it("refuses a draft a save would refuse, with a save's codes at the draft's paths (an unknown reference's what and id)", async () => {
    const problem = async (principal: Principal, draft: Pledge) =>
      services.pledgePreview.preview(principal, { scenario: {}, pledge: draft }).then(
        () => undefined,
        (caught: unknown) => (caught instanceof AppError ? { code: caught.code, problems: caught.problems.map(({ path, code, column, reference }) => ({ path, code, column, reference })) } : caught),
      );
    expect(await problem(system, pledge('xx-1', 'XX'))).toEqual({ code: 'dataset.unknown_reference', problems: [{ path: 'party', code: 'dataset.unknown_reference', column: undefined, reference: { collection: 'parties', id: 'XX' } }] });
    expect(await problem(de, { ...deOwn, condition: 'ceasefire and us_backstp' })).toEqual({ code: 'condition.unknown_fact', problems: [{ path: 'condition', code: 'condition.unknown_fact', column: 15, reference: undefined }] });
    expect(await problem(de, { ...deOwn, condition: 'total(land.personnel, area=ua.rear.secret) >= 1' })).toEqual({ code: 'condition.unknown_area', problems: [{ path: 'condition', code: 'condition.unknown_area', column: expect.any(Number), reference: undefined }] });
    expect(await problem(de, { ...deOwn, sources: ['src-1', 'no-such-source'] })).toEqual({ code: 'dataset.unknown_reference', problems: [{ path: 'sources[1]', code: 'dataset.unknown_reference', column: undefined, reference: { collection: 'sources', id: 'no-such-source' } }] });
    // The same draft saved gets the same code.
    const saved = await services.records.replace(de, pledgeEntity, { ...deOwn, condition: 'ceasefire and us_backstp' }, 1).then(() => undefined, (caught: unknown) => (caught instanceof AppError ? caught.code : caught));
    expect(saved).toBe('condition.unknown_fact');
  });

  it('stores nothing and audits nothing', async () => {
    const head = await readAuditHead(suite.store().db);
    await services.pledgePreview.preview(de, { scenario: scenarioOf({ ceasefire: true }), pledge: { ...deOwn, condition: 'true', quantity: { min: 1, max: 1 } } });
    await services.pledgePreview.preview(de, { scenario: {}, pledge: pledge('de-created', 'DE') });
    expect(await readAuditHead(suite.store().db)).toEqual(head);
    expect((await services.records.get(de, pledgeEntity, 'de-1')).record.condition).toBe(deOwn.condition);
    await expect(services.records.get(de, pledgeEntity, 'de-created')).rejects.toMatchObject({ code: 'not_found' });
  });
});
