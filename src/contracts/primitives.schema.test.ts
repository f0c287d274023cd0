import { describe, expect, it } from 'vitest';
import { freeTextSchema, isoDateSchema, MAX_TEXT_LENGTH, unstorableTextProblem, urlSchema } from './primitives.schema.js';

// The shared text and date primitives: what PostgreSQL cannot store is refused with a message, not a 500.

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe('text and date primitives', () => {
  it('refuses NUL and lone surrogates; accepts every other character, paired surrogates included', () => {
    expect(unstorableTextProblem('a\u0000b')).toMatch(/NUL/);
    expect(unstorableTextProblem('a\ud800b')).toMatch(/lone surrogate/);
    expect(unstorableTextProblem('\udc00')).toMatch(/lone surrogate/);
    expect(unstorableTextProblem('tab\there, ünïcödé 😀, \u0001\u007f')).toBeUndefined();
  });

  it('limits free text to 10,000 characters and reports every problem at once', () => {
    expect(freeTextSchema().safeParse('x'.repeat(MAX_TEXT_LENGTH)).success).toBe(true);
    expect(messages(freeTextSchema().safeParse(`${'x'.repeat(MAX_TEXT_LENGTH)}\u0000`))).toEqual(['must be at most 10,000 characters', 'must not contain the NUL character (\\u0000)']);
    expect(messages(freeTextSchema(100).safeParse('y'.repeat(101)))).toEqual(['must be at most 100 characters']);
  });

  it('refuses a URL the parser takes but no store keeps (a lone surrogate in its path), and an over-long one', () => {
    expect(urlSchema(100).safeParse('https://example.org/über/😀').success).toBe(true);
    expect(messages(urlSchema(100).safeParse('https://example.org/a\ud800'))).toEqual(['must be valid Unicode text (it holds a lone surrogate, \\uD800–\\uDFFF)']);
    expect(messages(urlSchema(100).safeParse('not a url'))).toEqual(['must be a URL']);
    expect(messages(urlSchema(30).safeParse(`https://example.org/${'x'.repeat(20)}`))).toEqual(['must be at most 30 characters']);
  });

  it('takes real days from 1900-01-01 to 9999-12-31, one message for each bad date', () => {
    for (const date of ['1900-01-01', '2024-02-29', '9999-12-31']) expect(isoDateSchema.safeParse(date).success, date).toBe(true);
    expect(messages(isoDateSchema.safeParse('0000-01-01'))).toEqual(['must be a date from 1900-01-01 to 9999-12-31']);
    expect(messages(isoDateSchema.safeParse('1899-12-31'))).toEqual(['must be a date from 1900-01-01 to 9999-12-31']);
    for (const date of ['99999-01-01', '2025-02-30', '2025-13-01', '-0001-01-01', '2025-1-1']) expect(messages(isoDateSchema.safeParse(date)), date).toEqual(['must be a date YYYY-MM-DD']);
  });
});
