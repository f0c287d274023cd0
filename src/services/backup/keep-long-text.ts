import type { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../../contracts/primitives.schema.js';

// A backup restores what the store held. Free text has been limited to MAX_TEXT_LENGTH characters at every edge
// since issue 21; a store may still hold a longer text written before. Its backup must restore, text whole:
// the record is checked with that text shortened, and the parsed record gets the text back.

type Path = readonly PropertyKey[];

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined), root);
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (typeof parent === 'object' && parent !== null && key !== undefined) (parent as Record<PropertyKey, unknown>)[key] = value;
}

/** Parse a stored record with its schema, accepting free text over the input limit (kept whole); any other problem fails as usual. */
export function parseKeepingLongText<S extends z.ZodType>(schema: S, record: unknown): z.ZodSafeParseResult<z.output<S>> {
  const first = schema.safeParse(record);
  if (first.success) return first;
  const overLimit = (issue: z.core.$ZodIssue): boolean => issue.code === 'too_big' && issue.origin === 'string' && Number(issue.maximum) === MAX_TEXT_LENGTH;
  if (!first.error.issues.every(overLimit)) return first;
  const shortened = structuredClone(record);
  for (const issue of first.error.issues) {
    const text = valueAt(record, issue.path);
    if (typeof text === 'string') setAt(shortened, issue.path, text.slice(0, MAX_TEXT_LENGTH));
  }
  const second = schema.safeParse(shortened);
  if (!second.success) return first;
  for (const issue of first.error.issues) setAt(second.data, issue.path, valueAt(record, issue.path));
  return second;
}
