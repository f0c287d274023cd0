import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachStore, makeParty, resetStore } from '../../../test/support/stores.js';
import type { Principal, UserPrincipal } from '../../core/access/principal.js';
import { scopeOf } from '../../core/access/principal.js';
import { canSeeRecord } from '../../core/access/visibility.js';
import { canonicalJson } from '../../core/audit/canonical-json.js';
import { applyRecordDiff } from '../../core/changes/diff-records.js';
import type { Fact, Pledge } from '../../core/types.js';
import { factSchema, pledgeSchema, requirementSchema } from '../../contracts/domain.schema.js';
import { factEntity, partyEntity, pledgeEntity, requirementEntity } from '../../db/entities/dataset-entities.js';
import { createServices, type Services } from '../create-services.js';

// The changes between two dates are exactly the differences between the two as-of states (issue 27): random
// sequences of edits spread over days (pledges created, edited, withdrawn, superseded, deleted; facts set), then
// the report for random dates and callers is checked against a model the test keeps of every record's versions
// day by day (by the time-travel rule: a record's last version up to the day, else its first), and its coverage
// against the scenario service's evaluations as of both dates.

const SYSTEM = { name: 'test' };
const user = (role: UserPrincipal['role'], party: string | null = null): UserPrincipal => ({ kind: 'user', userId: `${role}-${party}`, name: `${role}-${party}`, role, party });
const CALLERS: Principal[] = [SYSTEM, user('analyst'), user('delegate', 'DE'), user('delegate', 'FR'), user('coordinator')];
const PARTIES = ['FR', 'DE', 'GB'];
const FACTS = ['f1', 'f2'];
const dayOf = (day: number): string => new Date(Date.UTC(2025, 2, 1 + day)).toISOString().slice(0, 10);

type Edit =
  | { kind: 'create'; party: number; quantity: number; condition: number; restricted: boolean; announced: 'on-day' | 'none' | 'later'; supersede: number | null }
  | { kind: 'update'; target: number; quantity: number; status: 'announced' | 'offered' | 'committed' }
  | { kind: 'withdraw'; target: number; dated: boolean }
  | { kind: 'delete'; target: number }
  | { kind: 'fact'; fact: number; value: boolean | 'unknown' };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), party: fc.nat(2), quantity: fc.integer({ min: 0, max: 900 }), condition: fc.nat(2), restricted: fc.boolean(), announced: fc.constantFrom('on-day' as const, 'none' as const, 'later' as const), supersede: fc.option(fc.nat(20)) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('update' as const), target: fc.nat(20), quantity: fc.integer({ min: 0, max: 900 }), status: fc.constantFrom('announced' as const, 'offered' as const, 'committed' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), target: fc.nat(20), dated: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), target: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fact' as const), fact: fc.nat(1), value: fc.constantFrom(true as const, false as const, 'unknown' as const) }) },
);

const scenarioArbitrary = fc.record({
  edits: fc.array(fc.record({ day: fc.integer({ min: 1, max: 8 }), edit: editArbitrary }), { minLength: 1, maxLength: 12 }),
  since: fc.integer({ min: 0, max: 9 }),
  span: fc.integer({ min: 0, max: 9 }),
  caller: fc.nat(CALLERS.length - 1),
});

/** Every version of a record the test wrote: (day, state), null once deleted. */
type Versions<R> = Map<string, { day: number; value: R | null }[]>;

function stateAt<R>(versions: Versions<R>, day: number): Map<string, R> {
  const result = new Map<string, R>();
  for (const [id, list] of versions) {
    const upTo = list.filter((entry) => entry.day <= day);
    const value = upTo.length > 0 ? (upTo[upTo.length - 1]?.value ?? null) : (list[0]?.value ?? null);
    if (value !== null) result.set(id, value);
  }
  return result;
}

function lastState<R>(versions: Versions<R>, id: string): R | null {
  const list = versions.get(id) ?? [];
  for (let i = list.length - 1; i >= 0; i--) if (list[i]?.value) return list[i]?.value ?? null;
  return null;
}

// The caller's view of the pledges known at the end of a day, by the rules the report follows.
function expectedPledges(versions: Versions<Pledge>, day: number, caller: Principal): Map<string, Pledge> {
  const scope = scopeOf(caller);
  const all = stateAt(versions, day);
  const visible = new Map([...all].filter(([id, pledge]) => canSeeRecord(scope, pledge) && canSeeRecord(scope, lastState(versions, id))));
  const date = dayOf(day);
  const result = new Map<string, Pledge>();
  for (const [id, pledge] of visible) {
    if (pledge.announcedOn !== undefined && pledge.announcedOn > date) continue;
    if (pledge.supersedes !== undefined && !visible.has(pledge.supersedes)) {
      const { supersedes: _hidden, ...rest } = pledge;
      result.set(id, rest);
    } else result.set(id, pledge);
  }
  return result;
}

const withdrawnAt = (pledge: Pledge, date: string): boolean => (pledge.withdrawnOn !== undefined ? pledge.withdrawnOn <= date : pledge.status === 'withdrawn');

// Records compared without their empty fields (an absent field and a null one read the same in a diff).
const normalise = (records: ReadonlyMap<string, object>): string =>
  canonicalJson(Object.fromEntries([...records].map(([id, record]) => [id, Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined))])));

async function seed(services: Services): Promise<void> {
  for (const party of PARTIES) await services.records.create(SYSTEM, partyEntity, makeParty(party));
  for (const id of FACTS) await services.records.create(SYSTEM, factEntity, factSchema.parse({ id, value: 'unknown' }));
  await services.records.create(SYSTEM, requirementEntity, requirementSchema.parse({ id: 'r1', capability: 'land.personnel', quantity: 2000, area: 'any' }));
}

describeEachStore('changes between two dates', (suite) => {
  it('equal the differences between the two as-of states, on random edit sequences', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async ({ edits, since, span, caller: callerIndex }) => {
        await resetStore(suite.store());
        let clock = new Date(`${dayOf(0)}T08:00:00Z`);
        const services = createServices(suite.store(), () => clock);
        await seed(services);
        const pledges: Versions<Pledge> = new Map();
        const facts: Versions<Fact> = new Map(FACTS.map((id) => [id, [{ day: 0, value: factSchema.parse({ id, value: 'unknown' }) as Fact }]]));
        const ids: string[] = [];
        const sorted = [...edits].sort((a, b) => a.day - b.day);
        for (const [n, { day, edit }] of sorted.entries()) {
          clock = new Date(`${dayOf(day)}T10:00:${String(n).padStart(2, '0')}Z`);
          const record = (id: string, value: Pledge | null) => pledges.set(id, [...(pledges.get(id) ?? []), { day, value }]);
          // The newest version of the n-th pledge created, or null if there is none or it was deleted.
          const target = (index: number): Pledge | null => {
            const id = ids.length === 0 ? undefined : ids[index % ids.length];
            return id === undefined ? null : (pledges.get(id)?.at(-1)?.value ?? null);
          };
          try {
            if (edit.kind === 'create') {
              const id = `p${ids.length}`;
              const revised = edit.supersede === null ? null : target(edit.supersede);
              const announcedOn = edit.announced === 'on-day' ? dayOf(day) : edit.announced === 'later' ? dayOf(day + 2) : undefined;
              const pledge = pledgeSchema.parse({
                id,
                party: PARTIES[edit.party],
                capability: 'land.personnel',
                quantity: edit.quantity,
                condition: ['true', 'f1', 'f1 and f2'][edit.condition],
                confidentiality: edit.restricted ? 'restricted' : 'coalition',
                status: 'offered',
                ...(announcedOn ? { announcedOn } : {}),
                ...(revised ? { supersedes: revised.id } : {}),
              }) as Pledge;
              const written = await services.records.create(SYSTEM, pledgeEntity, pledge);
              ids.push(id);
              record(id, written.record as Pledge);
            } else if (edit.kind === 'fact') {
              const id = FACTS[edit.fact] as string;
              const current = await services.records.get(SYSTEM, factEntity, id);
              const written = await services.records.replace(SYSTEM, factEntity, { ...current.record, value: edit.value }, current.version);
              facts.set(id, [...(facts.get(id) ?? []), { day, value: written.record as Fact }]);
            } else {
              const pledge = target(edit.target);
              if (!pledge) continue;
              const current = await services.records.get(SYSTEM, pledgeEntity, pledge.id);
              if (edit.kind === 'delete') {
                await services.records.remove(SYSTEM, pledgeEntity, pledge.id, current.version);
                record(pledge.id, null);
              } else {
                const next: Pledge =
                  edit.kind === 'update'
                    ? { ...current.record, quantity: { min: edit.quantity, max: edit.quantity }, status: edit.status }
                    : { ...current.record, status: 'withdrawn', ...(edit.dated ? { withdrawnOn: dayOf(day) } : {}) };
                const written = await services.records.replace(SYSTEM, pledgeEntity, next, current.version);
                record(pledge.id, written.record as Pledge);
              }
            }
          } catch (error) {
            // A delete still referenced by a revision is refused, and nothing is written: the model keeps its state.
            if (!(error instanceof Error) || !/still referenced|inconsistent|supersedes/.test(error.message)) throw error;
          }
        }
        const caller = CALLERS[callerIndex] as Principal;
        const until = Math.min(9, since + span);
        const report = await services.changes.changes(caller, { since: { kind: 'date', date: dayOf(since) }, until: { kind: 'date', date: dayOf(until) } });

        // Pledges: the report turns the view at `since` into the view at `until`, and lists only real differences.
        const then = expectedPledges(pledges, since, caller);
        const now = expectedPledges(pledges, until, caller);
        expect(normalise(applyRecordDiff(then, report.pledges))).toBe(normalise(now));
        for (const change of report.pledges.changed) for (const field of change.fields) expect(canonicalJson(field.before)).not.toBe(canonicalJson(field.after));
        expect(report.pledges.added.map((p) => p.id)).toEqual([...now.keys()].filter((id) => !then.has(id)).sort());
        expect(report.pledges.removed.map((p) => p.id)).toEqual([...then.keys()].filter((id) => !now.has(id)).sort());
        const expectedWithdrawn = [...now.values()].filter((p) => then.has(p.id) && withdrawnAt(p, dayOf(until)) && !withdrawnAt(then.get(p.id) as Pledge, dayOf(since)));
        expect(report.pledges.withdrawn.map((w) => w.id)).toEqual(expectedWithdrawn.map((p) => p.id).sort());
        const revisedIn = (view: Map<string, Pledge>, id: string): boolean => [...view.values()].some((p) => p.supersedes === id);
        const expectedSuperseded = [...now.values()].filter(
          (p) => then.has(p.id) && revisedIn(now, p.id) && !revisedIn(then, p.id) && !withdrawnAt(p, dayOf(until)) && !withdrawnAt(then.get(p.id) as Pledge, dayOf(since)),
        );
        expect(report.pledges.superseded.map((s) => s.id)).toEqual(expectedSuperseded.map((p) => p.id).sort());

        // Facts: likewise.
        expect(normalise(applyRecordDiff(stateAt(facts, since), report.facts))).toBe(normalise(stateAt(facts, until)));

        // Coverage then and now: the scenario service's evaluations as of both dates, as the caller sees them.
        for (const [date, side] of [[dayOf(since), 'then'], [dayOf(until), 'now']] as const) {
          const evaluation = await services.scenarios.evaluate(caller, { asOf: date });
          const row = evaluation.coverage.find((item) => item.requirement === 'r1');
          const reported = report.coverage.find((item) => item.requirement === 'r1')?.[side];
          expect(reported).toMatchObject({ demand: row?.demand, supplyMin: row?.supplyMin, supplyMax: row?.supplyMax, shortfallMin: row?.shortfallMin, shortfallMax: row?.shortfallMax });
        }
      }),
      { numRuns: suite.kind === 'pglite' ? 40 : 25 },
    );
  }, 300_000);
});
