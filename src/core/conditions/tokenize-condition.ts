// Splits a condition text into tokens, keeping each token's 0-based offset for error messages.

export type TokenKind = 'ident' | 'number' | 'punct' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  at: number;
}

export interface TokenizeError {
  message: string;
  at: number;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*/y;
const NUMBER = /[0-9][0-9_]*(?:\.[0-9]+)?/y;
const PUNCT = /(?:>=|<=|==|!=|=>|[()<>=,!])/y;
const SPACE = /\s+/y;

/** Tokenize a condition; the last token is always `end`. */
export function tokenizeCondition(text: string): { tokens: Token[] } | { error: TokenizeError } {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const match = matchAt(SPACE, text, at);
    if (match) {
      at += match.length;
      continue;
    }
    const found =
      tokenAt(IDENT, 'ident', text, at) ?? tokenAt(NUMBER, 'number', text, at) ?? tokenAt(PUNCT, 'punct', text, at);
    if (!found) return { error: { message: `unexpected character '${text[at]}'`, at } };
    tokens.push(found);
    at += found.text.length;
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return { tokens };
}

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

function tokenAt(pattern: RegExp, kind: TokenKind, text: string, at: number): Token | undefined {
  const match = matchAt(pattern, text, at);
  return match === undefined ? undefined : { kind, text: match, at };
}
