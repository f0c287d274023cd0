import type { ExclusionReason } from '../activation/candidates.js';
import { describeExclusion, describePledge, type DescribedPledge } from '../activation/describe-reasons.js';
import type { ActivationResult } from '../activation/evaluate-activation.js';
import type { Reason } from '../activation/explain-pledge.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { ScenarioPledge } from './evaluate-scenario.js';

// The per-pledge objects of a scenario result, for the dataset positions a caller reads: state, reasons and the
// sentence explaining them; a guarantee commitment waiting for its trigger is marked as standing by. An explanation follows the pledges it waits for (to depth two), whose reasons are built
// on the way and kept for the call.

export interface ScenarioPledgeSource {
  dataset: PreparedDataset;
  excluded: ReadonlyMap<string, ExclusionReason>;
  /** Per dataset pledge: its candidate position (the activation's input order), or -1. */
  candidateOf: Int32Array;
  candidateById: ReadonlyMap<string, number>;
  activation: ActivationResult;
}

/** A function that builds the ScenarioPledge objects of the given dataset positions. */
export function describeScenarioPledges(source: ScenarioPledgeSource): (positions: readonly number[]) => ScenarioPledge[] {
  const { dataset, excluded, candidateOf, candidateById, activation } = source;
  return (positions) => {
    const known = new Map<number, DescribedPledge>();
    const activationAt = (c: number): DescribedPledge => {
      let entry = known.get(c);
      if (!entry) {
        entry = activation.pledgeAt(c);
        known.set(c, entry);
      }
      return entry;
    };
    const lookup = (id: string): DescribedPledge | undefined => {
      const c = candidateById.get(id);
      return c === undefined ? undefined : activationAt(c);
    };
    return positions.map((i): ScenarioPledge => {
      const pledge = dataset.pledges[i];
      if (!pledge) throw new RangeError(`no pledge at ${i}`);
      // Each object is one literal with every field: the pledge's fields spread into a literal followed by more
      // properties took V8's slow path, about 12 µs a pledge, most of the cost of a page of 1,000.
      const c = candidateOf[i] as number;
      if (c < 0) {
        const exclusion = excluded.get(pledge.id);
        const reasons: Reason[] = exclusion ? [{ kind: 'excluded', exclusion }] : [];
        const text = exclusion ? `${pledge.id} inactive: ${describeExclusion(exclusion)}` : null;
        return {
          id: pledge.id,
          party: pledge.party,
          capability: pledge.capability,
          quantity: pledge.quantity,
          areas: pledge.areas,
          status: pledge.status,
          condition: pledge.condition,
          state: 'inactive',
          candidate: false,
          withoutCoordination: false,
          inAssuranceGap: false,
          explanation: text,
          reasons,
          waitsFor: [],
        };
      }
      const entry = activation.pledgeAt(c);
      known.set(c, entry);
      const described: ScenarioPledge = {
        id: pledge.id,
        party: pledge.party,
        capability: pledge.capability,
        quantity: pledge.quantity,
        areas: pledge.areas,
        status: pledge.status,
        condition: pledge.condition,
        state: entry.state,
        candidate: true,
        withoutCoordination: entry.withoutCoordination,
        inAssuranceGap: entry.inAssuranceGap,
        explanation: describePledge(entry, lookup) ?? null,
        reasons: entry.reasons,
        waitsFor: entry.waitsFor,
      };
      const trigger = pledge.guarantee?.trigger;
      if (trigger !== undefined && entry.reasons.some((reason) => reason.kind === 'fact' && reason.fact === trigger && !reason.negated)) {
        described.standby = trigger;
        described.explanation = `${described.explanation ?? pledge.id}; a guarantee commitment: it stands by until ${trigger}`;
      }
      return described;
    });
  };
}
