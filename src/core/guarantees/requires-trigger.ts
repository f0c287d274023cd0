import type { Condition } from '../conditions/ast.js';
import type { Pledge } from '../types.js';

// A guarantee commitment is activated by its trigger: the condition must require the trigger fact, as a conjunct
// of the whole condition (`ceasefire and violation`), so the commitment is never active while the trigger is
// not true. `violation or ceasefire` would activate it without a violation, so it is refused.

/** Whether the condition requires `fact` (true) as one of its conjuncts (nested `and`s included). */
export function requiresFact(condition: Condition, fact: string): boolean {
  if (condition.kind === 'and') return condition.items.some((item) => requiresFact(item, fact));
  return condition.kind === 'fact' && condition.fact === fact && !condition.negated;
}

/** The problem with a pledge's guarantee terms given its parsed condition, or undefined when there is none. */
export function guaranteeTriggerProblem(pledge: Pledge, condition: Condition): string | undefined {
  const trigger = pledge.guarantee?.trigger;
  if (trigger === undefined || requiresFact(condition, trigger)) return undefined;
  return `the condition must require the trigger '${trigger}' (e.g. 'ceasefire and ${trigger}'); '${pledge.condition}' does not`;
}
