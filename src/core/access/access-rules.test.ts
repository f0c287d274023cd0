import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../dataset/prepare-dataset.js';
import type { Dataset, Pledge } from '../types.js';
import { decideWrite } from './permissions.js';
import { type Principal, scopeKey, scopeOf } from './principal.js';
import { decideDonorConfirmation, settleWrittenRecord } from './owned-parts.js';
import { datasetAsSeenBy, decideSupersedes } from './reference-rules.js';
import { restrictDataset } from './restrict-dataset.js';
import { canSeeItem, canSeeRecord } from './visibility.js';

// The access rules as pure functions: scopes, visibility per confidentiality level, write decisions, and the
// engine's dataset as a scope sees it.

const user = (role: 'admin' | 'coordinator' | 'delegate' | 'analyst', party: string | null = null): Principal => ({ kind: 'user', userId: role, name: role, role, party });

describe('access rules', () => {
  it('maps principals to scopes and keys', () => {
    expect(scopeOf({ name: 'import' })).toEqual({ kind: 'all' });
    expect(scopeKey(scopeOf(user('delegate', 'DE')))).toBe('party:DE');
    expect(scopeKey(scopeOf(user('analyst')))).toBe('coalition');
    expect(scopeKey(scopeOf(user('admin')))).toBe('coalition');
    expect(scopeKey(scopeOf(user('coordinator')))).toBe('coordinator');
  });

  it('sees by confidentiality level', () => {
    const item = (confidentiality: Pledge['confidentiality']) => ({ confidentiality, owners: ['FR'], sharedWith: ['GB'] });
    expect(canSeeItem({ kind: 'public' }, item('public'))).toBe(true);
    expect(canSeeItem({ kind: 'public' }, item('coalition'))).toBe(false);
    expect(canSeeItem({ kind: 'coalition' }, item('restricted'))).toBe(false);
    expect(canSeeItem({ kind: 'coordinator' }, item('restricted'))).toBe(true);
    expect(canSeeItem({ kind: 'coordinator' }, item('bilateral'))).toBe(false);
    expect(canSeeItem({ kind: 'party', party: 'FR' }, item('restricted'))).toBe(true);
    expect(canSeeItem({ kind: 'party', party: 'GB' }, item('restricted'))).toBe(false);
    expect(canSeeItem({ kind: 'party', party: 'GB' }, item('bilateral'))).toBe(true);
    expect(canSeeItem({ kind: 'party', party: 'DE' }, item('bilateral'))).toBe(false);
    // A contribution belongs to each of its donors; an unreadable snapshot is treated as restricted.
    expect(canSeeRecord({ kind: 'party', party: 'DE' }, { confidentiality: 'restricted', donors: [{ party: 'FR' }, { party: 'DE' }] })).toBe(true);
    expect(canSeeRecord({ kind: 'coalition' }, { party: 'FR' })).toBe(false);
  });

  it('decides writes by role, party and visibility', () => {
    const pledge = { id: 'p', party: 'FR', confidentiality: 'coalition' };
    expect(decideWrite(user('delegate', 'FR'), 'pledges', pledge, pledge)).toEqual({ ok: true });
    expect(decideWrite(user('delegate', 'FR'), 'pledges', pledge, { ...pledge, party: 'DE' })).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideWrite(user('delegate', 'DE'), 'pledges', pledge, pledge)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideWrite(user('delegate', 'DE'), 'pledges', { ...pledge, confidentiality: 'restricted' }, undefined)).toMatchObject({ ok: false, reason: 'not_visible' });
    expect(decideWrite(user('coordinator'), 'pledges', pledge, pledge)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideWrite(user('coordinator'), 'requirements', {}, {})).toEqual({ ok: true });
    expect(decideWrite(user('admin'), 'parties', undefined, {})).toEqual({ ok: true });
    expect(decideWrite(user('analyst'), 'sources', undefined, {})).toMatchObject({ ok: false });
    // A collection the table does not know yet (added later) is the coordinators'.
    expect(decideWrite(user('coordinator'), 'new-things', undefined, {})).toEqual({ ok: true });
    expect(decideWrite(user('delegate', 'FR'), 'new-things', undefined, {})).toMatchObject({ ok: false });
    expect(decideWrite({ name: 'import' }, 'pledges', undefined, pledge)).toEqual({ ok: true });
  });

  it('restricts the dataset: hidden pledges and their conditions go, a revision of a hidden pledge stands alone', () => {
    const base = { capability: 'land.personnel', quantity: { min: 1, max: 1 }, status: 'offered' as const, condition: 'true', sources: [] as string[] };
    const dataset: Dataset = {
      parties: ['FR', 'DE'].map((id) => ({ id, kind: 'state', name: { en: id, de: id }, groups: [] })),
      capabilities: [],
      facts: [],
      sources: [],
      packages: [],
      requirements: [],
      pledges: [
        { ...base, id: 'fr-old', party: 'FR', confidentiality: 'restricted', areas: ['any'] },
        { ...base, id: 'fr-new', party: 'FR', confidentiality: 'coalition', supersedes: 'fr-old', areas: ['any'] },
        { ...base, id: 'de-1', party: 'DE', confidentiality: 'bilateral', sharedWith: ['FR'], areas: ['any'] },
      ],
    };
    const prepared = prepareDataset(dataset);
    if (!prepared.ok) throw new Error('fixture');
    const analyst = restrictDataset(prepared.value, { kind: 'coalition' });
    expect(analyst.pledges.map((pledge) => pledge.id)).toEqual(['fr-new']);
    expect(analyst.pledges[0]?.supersedes).toBeUndefined();
    expect([...analyst.conditions.keys()]).toEqual(['fr-new']);
    const french = restrictDataset(prepared.value, { kind: 'party', party: 'FR' });
    expect(french.pledges.map((pledge) => pledge.id)).toEqual(['fr-old', 'fr-new', 'de-1']);
    expect(french.pledges[1]?.supersedes).toBe('fr-old');
    expect(restrictDataset(prepared.value, { kind: 'all' })).toBe(prepared.value);
  });

  it('restricts a past dataset to the versions the scope may see then and the pledges it may see now', () => {
    const base = { party: 'FR', capability: 'land.personnel', quantity: { min: 1, max: 1 }, status: 'offered' as const, condition: 'true', sources: [] as string[], areas: ['any'] };
    const dataset: Dataset = {
      parties: ['FR', 'GB'].map((id) => ({ id, kind: 'state', name: { en: id, de: id }, groups: [] })),
      capabilities: [],
      facts: [],
      sources: [],
      packages: [],
      requirements: [],
      pledges: [
        { ...base, id: 'closed-later', confidentiality: 'coalition' },
        { ...base, id: 'opened-later', confidentiality: 'restricted' },
        { ...base, id: 'unchanged', confidentiality: 'coalition' },
      ],
    };
    const prepared = prepareDataset(dataset);
    if (!prepared.ok) throw new Error('fixture');
    const now = new Map<string, unknown>([
      ['closed-later', { ...base, id: 'closed-later', confidentiality: 'bilateral', sharedWith: ['GB'] }],
      ['opened-later', { ...base, id: 'opened-later', confidentiality: 'coalition' }],
      ['unchanged', { ...base, id: 'unchanged', confidentiality: 'coalition' }],
    ]);
    const ids = (scope: Parameters<typeof restrictDataset>[1]) => restrictDataset(prepared.value, scope, now).pledges.map((pledge) => pledge.id);
    expect(ids({ kind: 'coalition' })).toEqual(['unchanged']);
    expect(ids({ kind: 'coordinator' })).toEqual(['opened-later', 'unchanged']);
    expect(ids({ kind: 'party', party: 'GB' })).toEqual(['closed-later', 'unchanged']);
    expect(ids({ kind: 'party', party: 'FR' })).toEqual(['closed-later', 'opened-later', 'unchanged']);
    // Without the states now (today's dataset) only the versions decide.
    expect(restrictDataset(prepared.value, { kind: 'coalition' }).pledges.map((pledge) => pledge.id)).toEqual(['closed-later', 'unchanged']);
  });

  it('lets a pledge supersede only its own party’s pledges and checks references on the writer’s view', () => {
    const base = { capability: 'land.personnel', quantity: null, areas: ['any'], status: 'offered' as const, condition: 'true', sources: [] as string[] };
    const fr = { ...base, id: 'fr-1', party: 'FR', confidentiality: 'restricted' as const };
    const de = { ...base, id: 'de-1', party: 'DE', confidentiality: 'coalition' as const, supersedes: 'fr-1' };
    expect(decideSupersedes(user('delegate', 'DE'), de, fr)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideSupersedes(user('delegate', 'FR'), { ...de, party: 'FR' }, fr)).toEqual({ ok: true });
    expect(decideSupersedes(user('coordinator'), de, fr)).toEqual({ ok: true });
    expect(decideSupersedes({ name: 'import' }, de, fr)).toEqual({ ok: true });
    const fr2 = { ...base, id: 'fr-2', party: 'FR', confidentiality: 'coalition' as const, supersedes: 'fr-1' };
    const dataset: Dataset = { parties: [], capabilities: [], facts: [], sources: [], packages: [], requirements: [], pledges: [fr, fr2, de] };
    // DE's view: FR's restricted pledge is gone, fr-2 stands alone, and DE's new reference stays (to be reported as unknown).
    const view = datasetAsSeenBy(dataset, { kind: 'party', party: 'DE' }, { id: 'de-1', supersedes: 'fr-1' });
    expect(view.pledges.map((pledge) => [pledge.id, pledge.supersedes])).toEqual([['fr-2', undefined], ['de-1', 'fr-1']]);
    expect(datasetAsSeenBy(dataset, { kind: 'party', party: 'DE' }, { id: 'de-1' }).pledges.map((pledge) => pledge.supersedes)).toEqual([undefined, undefined]);
    expect(datasetAsSeenBy(dataset, { kind: 'all' })).toBe(dataset);
  });

  it('settles what a delegate may not set: other donors’ confirmations, a source’s owner', () => {
    const de = user('delegate', 'DE');
    const money: Record<string, unknown> & { donors: { party: string; confirmed?: boolean }[] } = { id: 'c', fund: 'f', amount: 100, currency: 'EUR', date: '2026-01-01', status: 'pledged', donors: [{ party: 'DE' }, { party: 'FR', confirmed: true }] };
    const created = settleWrittenRecord(de, 'contributions', undefined, money);
    expect(created.donors).toEqual([{ party: 'DE', confirmed: true }, { party: 'FR', confirmed: false }]);
    const confirmedByFr: typeof money = { ...created, donors: [{ party: 'DE', confirmed: true }, { party: 'FR', confirmed: true }] };
    expect(settleWrittenRecord(de, 'contributions', confirmedByFr, { ...confirmedByFr, note: 'x' }).donors[1]).toEqual({ party: 'FR', confirmed: true });
    expect(settleWrittenRecord(de, 'contributions', confirmedByFr, { ...confirmedByFr, amount: 101 }).donors[1]).toEqual({ party: 'FR', confirmed: false });
    expect(settleWrittenRecord({ name: 'import' }, 'contributions', undefined, money)).toBe(money);
    // FR may not change DE's record while its part is unconfirmed; only FR or a coordinator confirms FR's part.
    expect(decideWrite(user('delegate', 'FR'), 'contributions', created, created)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideWrite(user('delegate', 'FR'), 'contributions', confirmedByFr, confirmedByFr)).toEqual({ ok: true });
    expect(decideDonorConfirmation(user('delegate', 'FR'), created, 'FR')).toEqual({ ok: true });
    expect(decideDonorConfirmation(user('coordinator'), created, 'FR')).toEqual({ ok: true });
    expect(decideDonorConfirmation(de, created, 'FR')).toMatchObject({ ok: false });
    expect(decideDonorConfirmation(user('delegate', 'GB'), created, 'GB')).toMatchObject({ ok: false });
    // Sources: a delegate's is its party's; only that party's delegates (and coordinators) change it.
    const source = settleWrittenRecord<{ id: string; owner?: string }>(user('delegate', 'GB'), 'sources', undefined, { id: 's', owner: 'FR' });
    expect(source).toEqual({ id: 's', owner: 'GB' });
    expect(settleWrittenRecord(user('delegate', 'GB'), 'sources', source, { id: 's' })).toEqual({ id: 's', owner: 'GB' });
    expect(decideWrite(user('delegate', 'FR'), 'sources', source, source)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decideWrite(user('delegate', 'GB'), 'sources', source, source)).toEqual({ ok: true });
    expect(decideWrite(user('delegate', 'GB'), 'sources', { id: 'cell' }, { id: 'cell' })).toMatchObject({ ok: false });
    expect(decideWrite(user('coordinator'), 'sources', source, source)).toEqual({ ok: true });
  });
});
