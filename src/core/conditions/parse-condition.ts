import type { ActiveNode, AtomNode, Comparison, Condition, CountNode, TotalNode } from './ast.js';
import { type Token, tokenizeCondition } from './tokenize-condition.js';

// Recursive-descent parser for the condition language of DESIGN.md §4. Monotonicity is enforced here:
// `not` only on facts, only lower bounds (`>=`, `>`) on aggregates.

export interface ConditionError {
  code: 'condition.syntax' | 'condition.non_monotone';
  message: string;
  /** 0-based offset of the offending token. */
  at: number;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false', 'total', 'count', 'active', 'area']);
const PARTY = /^[A-Z][A-Z0-9_]*$/;
const CAPABILITY = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
const AREA = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const FACT = /^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

class ParseFailure extends Error {
  constructor(readonly detail: ConditionError) {
    super(detail.message);
  }
}

/** Parse a condition text into its syntax tree, or the first error with its offset. */
export function parseCondition(text: string): { ok: true; condition: Condition } | { ok: false; error: ConditionError } {
  const tokenized = tokenizeCondition(text);
  if ('error' in tokenized) return { ok: false, error: { code: 'condition.syntax', ...tokenized.error } };
  if (tokenized.tokens.length === 1) {
    return { ok: false, error: { code: 'condition.syntax', message: 'empty condition (write "true" for none)', at: 0 } };
  }
  try {
    const parser = new Parser(tokenized.tokens);
    const condition = parser.parseExpression();
    parser.expectEnd();
    return { ok: true, condition };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.detail };
    throw error;
  }
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parseExpression(): Condition {
    const items = [this.parseAnd()];
    while (this.peekWord('or')) {
      this.index++;
      items.push(this.parseAnd());
    }
    return flatten('or', items);
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') this.fail('condition.syntax', `expected 'and', 'or' or the end, found '${token.text}'`, token);
  }

  private parseAnd(): Condition {
    const items = [this.parseUnary()];
    while (this.peekWord('and')) {
      this.index++;
      items.push(this.parseUnary());
    }
    return flatten('and', items);
  }

  private parseUnary(): Condition {
    if (!this.peekWord('not')) return this.parseAtom();
    this.index++;
    const operand = this.peek();
    if (operand.kind === 'ident' && !KEYWORDS.has(operand.text)) {
      this.index++;
      return { kind: 'fact', fact: this.checkFact(operand), negated: true, at: operand.at };
    }
    if (operand.kind !== 'ident' && operand.text !== '(') {
      return this.fail('condition.syntax', describeUnexpected(operand, "a fact after 'not'"), operand);
    }
    const what = operand.text === '(' ? 'a parenthesised expression' : `'${operand.text}'`;
    return this.fail(
      'condition.non_monotone',
      `'not' applies to facts only; negating ${what} would let a pledge switch off when others join`,
      operand,
    );
  }

  private parseAtom(): Condition {
    const token = this.next();
    if (token.kind === 'punct' && token.text === '(') {
      const inner = this.parseExpression();
      this.expectPunct(')', "to close '('");
      return inner;
    }
    if (token.kind !== 'ident') return this.fail('condition.syntax', describeUnexpected(token, 'a fact, an aggregate or "("'), token);
    switch (token.text) {
      case 'true':
      case 'false':
        return { kind: 'const', value: token.text === 'true' };
      case 'total':
        return this.parseTotal(token);
      case 'count':
        return this.parseCount(token);
      case 'active':
        return this.parseActive(token);
      default:
        if (KEYWORDS.has(token.text)) return this.fail('condition.syntax', `unexpected '${token.text}'`, token);
        return { kind: 'fact', fact: this.checkFact(token), negated: false, at: token.at };
    }
  }

  private parseTotal(start: Token): TotalNode {
    this.expectPunct('(', "after 'total'");
    const capabilityAt = this.peek().at;
    const capability = this.expectName(CAPABILITY, 'a capability (domain.kind)');
    let area: { name: string; at: number } | undefined;
    if (this.peekPunct(',')) {
      this.index++;
      this.expectWord('area');
      this.expectPunct('=', "after 'area'");
      const at = this.peek().at;
      area = { name: this.expectName(AREA, 'an area (e.g. ua.rear)'), at };
    }
    this.expectPunct(')', "to close 'total('");
    const { op, threshold } = this.parseBound('total');
    const node: TotalNode = { kind: 'total', capability, op, threshold, at: start.at, capabilityAt };
    if (area) {
      node.area = area.name;
      node.areaAt = area.at;
    }
    return node;
  }

  private parseCount(start: Token): CountNode {
    this.expectPunct('(', "after 'count'");
    const capabilityAt = this.peek().at;
    const capability = this.expectName(CAPABILITY, 'a capability (domain.kind)');
    this.expectPunct(')', "to close 'count('");
    const { op, threshold } = this.parseBound('count');
    return { kind: 'count', capability, op, threshold, at: start.at, capabilityAt };
  }

  private parseActive(start: Token): ActiveNode {
    this.expectPunct('(', "after 'active'");
    const partyAt = this.peek().at;
    const party = this.expectName(PARTY, 'a party id (e.g. FR)');
    const node: ActiveNode = { kind: 'active', party, at: start.at, partyAt };
    if (this.peekPunct(',')) {
      this.index++;
      node.capabilityAt = this.peek().at;
      node.capability = this.expectName(CAPABILITY, 'a capability (domain.kind)');
    }
    this.expectPunct(')', "to close 'active('");
    const after = this.peek();
    if (after.kind === 'punct' && ['>=', '>', '<', '<=', '==', '!=', '='].includes(after.text)) {
      this.fail('condition.syntax', "active(...) is true or false and takes no comparison", after);
    }
    return node;
  }

  private parseBound(aggregate: string): { op: Comparison; threshold: number } {
    const opToken = this.next();
    if (opToken.kind === 'punct' && (opToken.text === '>=' || opToken.text === '>')) {
      const value = this.next();
      if (value.kind !== 'number') return this.fail('condition.syntax', describeUnexpected(value, 'a number'), value);
      return { op: opToken.text, threshold: Number(value.text.replaceAll('_', '')) };
    }
    if (opToken.kind === 'punct' && ['<', '<=', '==', '!=', '='].includes(opToken.text)) {
      return this.fail(
        'condition.non_monotone',
        `only lower bounds are allowed on ${aggregate}(...): '${opToken.text}' could turn false as more pledges activate; use '>=' or '>'`,
        opToken,
      );
    }
    return this.fail('condition.syntax', `${aggregate}(...) needs a lower bound: '>=' or '>' and a number`, opToken);
  }

  private checkFact(token: Token): string {
    if (!FACT.test(token.text)) {
      this.fail('condition.syntax', `'${token.text}' is not a fact name (lower case, e.g. ceasefire or mandate.DE)`, token);
    }
    return token.text;
  }

  private expectName(pattern: RegExp, what: string): string {
    const token = this.next();
    if (token.kind !== 'ident' || !pattern.test(token.text)) this.fail('condition.syntax', describeUnexpected(token, what), token);
    return token.text;
  }

  private expectWord(word: string): void {
    const token = this.next();
    if (token.kind !== 'ident' || token.text !== word) this.fail('condition.syntax', describeUnexpected(token, `'${word}'`), token);
  }

  private expectPunct(text: string, why: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.text !== text) this.fail('condition.syntax', describeUnexpected(token, `'${text}' ${why}`), token);
  }

  private peek(): Token {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private peekWord(word: string): boolean {
    const token = this.peek();
    return token.kind === 'ident' && token.text === word;
  }

  private peekPunct(text: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.text === text;
  }

  private fail(code: ConditionError['code'], message: string, token: Token): never {
    throw new ParseFailure({ code, message, at: token.at });
  }
}

function describeUnexpected(token: Token, expected: string): string {
  return token.kind === 'end' ? `expected ${expected}, found the end` : `expected ${expected}, found '${token.text}'`;
}

function flatten(kind: 'and' | 'or', items: Condition[]): Condition {
  if (items.length === 1) return items[0] as Condition;
  const flat: Condition[] = [];
  for (const item of items) {
    if (item.kind === kind) flat.push(...item.items);
    else flat.push(item);
  }
  return { kind, items: flat };
}

/** The leaves of a condition, in text order. */
export function collectAtoms(condition: Condition, into: AtomNode[] = []): AtomNode[] {
  if (condition.kind === 'and' || condition.kind === 'or') {
    for (const item of condition.items) collectAtoms(item, into);
  } else {
    into.push(condition);
  }
  return into;
}
