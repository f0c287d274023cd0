// The typed syntax tree of a pledge condition (DESIGN.md §4). `at` is the 0-based offset of the node in the text.

export type Comparison = '>=' | '>';

export interface ConstNode {
  kind: 'const';
  value: boolean;
}

export interface FactNode {
  kind: 'fact';
  fact: string;
  negated: boolean;
  at: number;
}

export interface TotalNode {
  kind: 'total';
  capability: string;
  area?: string;
  op: Comparison;
  threshold: number;
  at: number;
  capabilityAt: number;
  areaAt?: number;
}

export interface CountNode {
  kind: 'count';
  capability: string;
  op: Comparison;
  threshold: number;
  at: number;
  capabilityAt: number;
}

export interface ActiveNode {
  kind: 'active';
  party: string;
  capability?: string;
  at: number;
  partyAt: number;
  capabilityAt?: number;
}

export interface AndNode {
  kind: 'and';
  items: Condition[];
}

export interface OrNode {
  kind: 'or';
  items: Condition[];
}

export type AtomNode = ConstNode | FactNode | TotalNode | CountNode | ActiveNode;
export type Condition = AtomNode | AndNode | OrNode;

export const TRUE_CONDITION: ConstNode = { kind: 'const', value: true };
