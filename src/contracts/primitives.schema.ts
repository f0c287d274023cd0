import { z } from 'zod';

// The text and date building blocks every edge shares (API bodies and queries, the login, CLI options, import
// files): whatever passes them can be stored by PGlite and PostgreSQL as it was given. Text refuses the NUL
// character (PostgreSQL's text and jsonb cannot hold it) and lone UTF-16 surrogates (not Unicode: text would be
// stored altered, jsonb refuses it); free text is at most MAX_TEXT_LENGTH characters; dates are real calendar
// days from EARLIEST_DATE to LATEST_DATE (PostgreSQL has no year 0, and years past 9999 are not YYYY-MM-DD).

/** The most characters a free-text field takes (a note, a description, a title). */
export const MAX_TEXT_LENGTH = 10_000;
/** The earliest date any record may carry. */
export const EARLIEST_DATE = '1900-01-01';
/** The latest date any record may carry. */
export const LATEST_DATE = '9999-12-31';

const LONE_SURROGATE = /\p{Surrogate}/u;
const DATE_RANGE_MESSAGE = `must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`;

/** Why a string cannot be stored as given (a NUL character, a lone surrogate), or undefined when it can. */
export function unstorableTextProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds a lone surrogate, \\uD800–\\uDFFF)';
  return undefined;
}

/** A zod refinement for any string schema: refuse what unstorableTextProblem refuses. */
export function refuseUnstorableText(text: string, ctx: z.RefinementCtx<string>): void {
  const problem = unstorableTextProblem(text);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, input: text });
}

/** Whether a YYYY-MM-DD date lies in the range a record may carry. */
export function isDateInRange(date: string): boolean {
  return date >= EARLIEST_DATE && date <= LATEST_DATE;
}

/** Free text of at most `max` characters (MAX_TEXT_LENGTH unless smaller), storable (no NUL, valid Unicode); `base` sets the type message. */
export function freeTextSchema(max: number = MAX_TEXT_LENGTH, base: z.ZodString = z.string()) {
  return base.max(max, `must be at most ${max.toLocaleString('en')} characters`).superRefine(refuseUnstorableText);
}

/**
 * An absolute URL of at most `max` characters, storable: the URL parser takes a lone surrogate in a path
 * (https://example.org/\uD800), which jsonb then refuses.
 */
export function urlSchema(max: number) {
  return z.url({ error: 'must be a URL' }).max(max, `must be at most ${max.toLocaleString('en')} characters`).superRefine(refuseUnstorableText);
}

/** A calendar date YYYY-MM-DD from EARLIEST_DATE to LATEST_DATE (2025-02-30 and 0000-01-01 are refused). */
export const isoDateSchema = z
  .iso.date({ error: 'must be a date YYYY-MM-DD' })
  // Only a well-formed date gets the range message (a malformed one already has its own).
  .refine((date) => !/^\d{4}-\d\d-\d\d$/.test(date) || isDateInRange(date), DATE_RANGE_MESSAGE);
