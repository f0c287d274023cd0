import type { AtomNode, Condition } from './ast.js';

/** Print a condition in canonical form: single spaces, lower-case keywords, only the parentheses `or` inside `and` needs. */
export function printCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'or':
      return condition.items.map(printCondition).join(' or ');
    case 'and':
      return condition.items.map((item) => (item.kind === 'or' ? `(${printCondition(item)})` : printCondition(item))).join(' and ');
    default:
      return printAtom(condition);
  }
}

/** Print one leaf of a condition. */
export function printAtom(atom: AtomNode): string {
  switch (atom.kind) {
    case 'const':
      return atom.value ? 'true' : 'false';
    case 'fact':
      return atom.negated ? `not ${atom.fact}` : atom.fact;
    case 'total':
      return `total(${atom.capability}${atom.area === undefined ? '' : `, area=${atom.area}`}) ${atom.op} ${atom.threshold}`;
    case 'count':
      return `count(${atom.capability}) ${atom.op} ${atom.threshold}`;
    case 'active':
      return `active(${atom.party}${atom.capability === undefined ? '' : `, ${atom.capability}`})`;
  }
}
