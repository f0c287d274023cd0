import type { Fact, FactValue, IsoDate } from '../types.js';
import type { DerivationRecords, DerivedFactValue } from './derivations/derivation-kind.js';
import { evaluateDerivation } from './derivations/registry.js';

// Derived facts (DESIGN.md §3, docs/incidents.md): a fact that declares a derivation takes the value its records
// give for the date, in place of its recorded value; the scenario's explicit switches still win. Everything that
// evaluates facts — scenarios, coverage, the analyses, time travel — takes its values from resolveFactValues.

/** A derived fact's value for a date, with its derivation's kind. */
export interface DerivedFact extends DerivedFactValue {
  id: string;
  kind: string;
}

/** The derived values of a dataset's facts at a date, by fact id (only the facts whose records decide). */
export type DerivedFacts = ReadonlyMap<string, DerivedFact>;

/** Each derived fact's value at the end of `at` (undefined: on all records, the value now). */
export function deriveFacts(facts: readonly Fact[], records: DerivationRecords, at: IsoDate | undefined): Map<string, DerivedFact> {
  const derived = new Map<string, DerivedFact>();
  for (const fact of facts) {
    if (fact.derivation === undefined) continue;
    const result = evaluateDerivation(fact.derivation, records, at);
    if (result) derived.set(fact.id, { id: fact.id, kind: fact.derivation.kind, ...result });
  }
  return derived;
}

/**
 * The fact values a scenario evaluates with: each fact's recorded value, replaced by its derived value where its
 * records decide, replaced by the scenario's explicit switch where it has one (a switch always wins).
 */
export function resolveFactValues(
  facts: readonly Fact[],
  derived: DerivedFacts | undefined,
  overrides: ReadonlyMap<string, FactValue> | undefined,
): Map<string, FactValue> {
  const values = new Map<string, FactValue>();
  for (const fact of facts) values.set(fact.id, derived?.get(fact.id)?.value ?? fact.value);
  for (const [id, value] of overrides ?? []) values.set(id, value);
  return values;
}
