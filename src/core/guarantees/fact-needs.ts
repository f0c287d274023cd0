import type { Reason } from '../activation/explain-pledge.js';
import { collectAtoms } from '../conditions/parse-condition.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { FactValue } from '../types.js';
import type { CommitmentOutcome, FactNeed } from './what-if-violated.js';

// What a guarantee commitment still needs after its trigger: the failing facts and the parties it waits for, from
// the scenario's reasons; and which single fact values are worth trying as unlockers (those the pending
// commitments' conditions, and the conditions of the pledges they wait for, name with the other polarity).

/** The failing facts (each once) and waited-for parties of a pledge's reasons. */
export function needsOf(reasons: readonly Reason[]): { needs: FactNeed[]; waitsFor: string[] } {
  const needs = new Map<string, FactNeed>();
  const waitsFor = new Set<string>();
  const walk = (list: readonly Reason[]): void => {
    for (const reason of list) {
      if (reason.kind === 'fact') needs.set(`${reason.fact}:${reason.negated}`, { fact: reason.fact, needs: !reason.negated, value: reason.value });
      else if (reason.kind === 'waits') waitsFor.add(reason.party);
      else if (reason.kind === 'any_of') for (const option of reason.options) walk(option);
    }
  };
  walk(reasons);
  return { needs: [...needs.values()], waitsFor: [...waitsFor].sort() };
}

/** Fact values to set one at a time: named by a pending commitment (or a pledge it waits for) and not already so. */
export function factsToTry(
  dataset: PreparedDataset,
  pending: readonly CommitmentOutcome[],
  values: ReadonlyMap<string, FactValue>,
  trigger: string,
): [string, boolean][] {
  const waitedParties = new Set(pending.flatMap((outcome) => outcome.waitsFor));
  const conditionIds = new Set(pending.map((outcome) => outcome.id));
  for (const pledge of dataset.pledges) if (waitedParties.has(pledge.party)) conditionIds.add(pledge.id);
  const wanted = new Set<string>();
  for (const id of conditionIds) {
    const condition = dataset.conditions.get(id);
    if (!condition) continue;
    for (const atom of collectAtoms(condition)) {
      if (atom.kind !== 'fact' || atom.fact === trigger) continue;
      const target = !atom.negated;
      if (values.get(atom.fact) !== target) wanted.add(`${atom.fact}\u0000${String(target)}`);
    }
  }
  return [...wanted].sort().map((key) => {
    const [fact, value] = key.split('\u0000') as [string, string];
    return [fact, value === 'true'];
  });
}
