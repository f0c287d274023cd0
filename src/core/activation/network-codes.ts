// Codes of the compiled activation network (compile-network.ts): node kinds, leaf types, aggregate key types.

export const NODE_AND = 0;
export const NODE_OR = 1;
export const NODE_LEAF = 2;

export const LEAF_NONE = 0;
export const LEAF_TRUE = 1;
export const LEAF_FALSE = 2;
export const LEAF_FACT = 3;
export const LEAF_TOTAL = 4;
export const LEAF_COUNT = 5;
export const LEAF_ACTIVE = 6;

export const KEY_TOTAL = 0;
export const KEY_COUNT = 1;
export const KEY_ACTIVE = 2;
