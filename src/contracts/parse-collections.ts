import { z } from 'zod';
import type { Problem } from '../core/errors.js';
import { formatPath, inputProblemOf, type InputProblem, problemsFromZod } from './input-error.js';

// Parses a document of collections record by record, so that one bad record does not hide the problems
// of the others: schema problems of bad records, then cross-record problems of the good ones, each with
// the record's original position.

export type CollectionSchemas = Record<string, z.ZodType>;

export interface ParsedCollections<S extends CollectionSchemas> {
  records: { [K in keyof S]: z.output<S[K]>[] };
  problems: InputProblem[];
  /** Ids of records that failed their schema, per collection: references to them are not reported again. */
  invalidIds: Map<string, Set<string>>;
  /** Position in the input of the i-th valid record, per collection. */
  positions: Map<string, number[]>;
}

/** Parse every collection of `input` with its record schema; required collections must be present. */
export function parseCollections<S extends CollectionSchemas>(
  input: unknown,
  schemas: S,
  required: readonly (keyof S & string)[],
): ParsedCollections<S> {
  const problems: InputProblem[] = [];
  const records = {} as { [K in keyof S]: z.output<S[K]>[] };
  const invalidIds = new Map<string, Set<string>>();
  const positions = new Map<string, number[]>();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push({ path: '(root)', message: 'must be a JSON object with arrays of records' });
    for (const name of Object.keys(schemas) as (keyof S)[]) records[name] = [];
    return { records, problems, invalidIds, positions };
  }
  const document = input as Record<string, unknown>;
  for (const key of Object.keys(document)) {
    if (!(key in schemas)) problems.push({ path: key, message: `unknown field '${key}'` });
  }
  for (const [name, schema] of Object.entries(schemas) as [keyof S & string, z.ZodType][]) {
    const list = document[name];
    const valid: z.output<S[typeof name]>[] = [];
    const kept: number[] = [];
    const invalid = new Set<string>();
    if (list === undefined) {
      if (required.includes(name)) problems.push({ path: name, message: 'is required (an array, may be empty)' });
    } else if (!Array.isArray(list)) {
      problems.push({ path: name, message: 'must be an array' });
    } else {
      list.forEach((item: unknown, i) => {
        const parsed = schema.safeParse(item);
        if (parsed.success) {
          valid.push(parsed.data as z.output<S[typeof name]>);
          kept.push(i);
          return;
        }
        problems.push(...problemsFromZod(parsed.error, formatPath([name, i])));
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id === 'string') invalid.add(id);
      });
    }
    records[name] = valid;
    invalidIds.set(name, invalid);
    positions.set(name, kept);
  }
  return { records, problems, invalidIds, positions };
}

/** Map cross-record problems of the valid records back to input positions, dropping references to bad records. */
export function relocateProblems(problems: readonly Problem[], parsed: Pick<ParsedCollections<CollectionSchemas>, 'invalidIds' | 'positions'>): InputProblem[] {
  const relocated: InputProblem[] = [];
  for (const problem of problems) {
    if (problem.reference && parsed.invalidIds.get(problem.reference.collection)?.has(problem.reference.id)) continue;
    const relocate = (text: string): string =>
      text.replace(/\b([A-Za-z]+)\[(\d+)\]/g, (whole, name: string, index: string) => {
        const original = parsed.positions.get(name)?.[Number(index)];
        return original === undefined ? whole : `${name}[${original}]`;
      });
    relocated.push(inputProblemOf(problem, relocate(problem.path), relocate(problem.message)));
  }
  return relocated;
}
