import { distance } from 'fastest-levenshtein';
import type { Condition } from './ast.js';
import { collectAtoms, parseCondition } from './parse-condition.js';

// Checks a condition against the names a dataset knows, with a "did you mean" for near misses.

export interface ConditionVocabulary {
  facts: ReadonlySet<string>;
  parties: ReadonlySet<string>;
  capabilities: ReadonlySet<string>;
  areas: ReadonlySet<string>;
}

export interface ConditionIssue {
  code:
    | 'condition.syntax'
    | 'condition.non_monotone'
    | 'condition.unknown_fact'
    | 'condition.unknown_party'
    | 'condition.unknown_capability'
    | 'condition.unknown_area';
  message: string;
  /** 1-based column in the condition text. */
  column: number;
}

/** Parse and check a condition text; returns the tree or every problem found. */
export function checkConditionText(
  text: string,
  vocabulary: ConditionVocabulary,
): { ok: true; condition: Condition } | { ok: false; issues: ConditionIssue[] } {
  const parsed = parseCondition(text);
  if (!parsed.ok) {
    const column = parsed.error.at + 1;
    return { ok: false, issues: [{ code: parsed.error.code, message: `${parsed.error.message} at ${column}`, column }] };
  }
  const issues = checkConditionNames(parsed.condition, vocabulary);
  return issues.length === 0 ? { ok: true, condition: parsed.condition } : { ok: false, issues };
}

/** Every fact, party, capability and area the condition names must exist in the vocabulary. */
export function checkConditionNames(condition: Condition, vocabulary: ConditionVocabulary): ConditionIssue[] {
  const issues: ConditionIssue[] = [];
  const check = (code: ConditionIssue['code'], what: string, name: string, known: ReadonlySet<string>, at: number): void => {
    if (known.has(name)) return;
    const column = at + 1;
    issues.push({ code, message: `unknown ${what} '${name}' at ${column}${suggest(name, known)}`, column });
  };
  for (const atom of collectAtoms(condition)) {
    switch (atom.kind) {
      case 'fact':
        check('condition.unknown_fact', 'fact', atom.fact, vocabulary.facts, atom.at);
        break;
      case 'total':
        check('condition.unknown_capability', 'capability', atom.capability, vocabulary.capabilities, atom.capabilityAt);
        if (atom.area !== undefined) check('condition.unknown_area', 'area', atom.area, vocabulary.areas, atom.areaAt ?? atom.at);
        break;
      case 'count':
        check('condition.unknown_capability', 'capability', atom.capability, vocabulary.capabilities, atom.capabilityAt);
        break;
      case 'active':
        check('condition.unknown_party', 'party', atom.party, vocabulary.parties, atom.partyAt);
        if (atom.capability !== undefined) {
          check('condition.unknown_capability', 'capability', atom.capability, vocabulary.capabilities, atom.capabilityAt ?? atom.at);
        }
        break;
      case 'const':
        break;
    }
  }
  return issues;
}

/** "; did you mean 'x'?" for the closest known name within a small edit distance, else "". */
export function suggest(name: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(name.length / 3));
  return best !== undefined && bestDistance <= limit && bestDistance < name.length ? `; did you mean '${best}'?` : '';
}
