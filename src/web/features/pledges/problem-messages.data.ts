import { type Language, type MessageKey, translate } from '../../i18n/messages.js';
import type { Problem } from '../../lib/api-client.js';
import { conditionMessage } from './condition-messages.data.js';

// A refused draft's problems as the server sends them (English message, stable code, an unknown reference's
// collection and id) said in the UI's language: a known code is said from the table with its data — what the
// server has only in its words (a duplicate's id, a cycle, a trigger) is taken from them — and anything else keeps
// the server's words after a translated lead-in. German capitalises a whole sentence after the field's colon.

const KINDS: Readonly<Record<string, MessageKey>> = {
  parties: 'condition.kind.party',
  capabilities: 'condition.kind.capability',
  facts: 'condition.kind.fact',
  sources: 'problem.kind.source',
  pledges: 'problem.kind.pledge',
  packages: 'problem.kind.package',
};

// The server's wording (core/dataset/prepare-dataset.ts, core/guarantees/requires-trigger.ts,
// services/access/visible-problems.ts) where it carries data the code does not.
const SUGGESTION = /; did you mean '([^']*)'\?$/;
const DUPLICATE = /^duplicate id '([^']*)'/;
const CYCLE = /^supersedes cycle: (.+)$/;
const HIDDEN_PLEDGE = '(a pledge you cannot see)';
const TRIGGER = /^the condition must require the trigger '([^']*)'/;

/** A refusal problem's message in the language (`unknown party 'XX'` → `Partei 'XX' ist unbekannt`). */
export function problemMessage(language: Language, problem: Pick<Problem, 'message' | 'code' | 'reference'>): string {
  const { message, code = '' } = problem;
  if (code.startsWith('condition.')) return conditionMessage(language, message);
  const known = knownMessage(language, code, problem);
  return known ?? translate(language, code === 'dataset.unit_mismatch' ? 'problem.unitMismatch' : 'problem.other', { message });
}

function knownMessage(language: Language, code: string, { message, reference }: Pick<Problem, 'message' | 'reference'>): string | undefined {
  if (code === 'dataset.unknown_reference' && reference) {
    const kind = KINDS[reference.collection];
    const text = translate(language, 'problem.unknownReference', { what: kind ? translate(language, kind) : reference.collection, id: reference.id });
    const suggestion = SUGGESTION.exec(message)?.[1];
    return suggestion === undefined ? text : `${text}; ${translate(language, 'condition.didYouMean', { name: suggestion })}`;
  }
  if (code === 'dataset.duplicate_id') {
    const id = DUPLICATE.exec(message)?.[1];
    return id === undefined ? undefined : translate(language, 'problem.duplicateId', { id });
  }
  if (code === 'dataset.supersedes_cycle') {
    const chain = CYCLE.exec(message)?.[1];
    if (chain === undefined) return undefined;
    const ids = chain.split(' → ').map((id) => (id === HIDDEN_PLEDGE ? translate(language, 'problem.hiddenPledge') : id));
    return translate(language, 'problem.supersedesCycle', { chain: ids.join(' → ') });
  }
  if (code === 'guarantee.trigger_not_required') {
    const trigger = TRIGGER.exec(message)?.[1];
    return trigger === undefined ? undefined : translate(language, 'problem.triggerNotRequired', { trigger });
  }
  return undefined;
}
