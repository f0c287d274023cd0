import type { z } from 'zod';
import type { Problem } from '../core/errors.js';
import type { ErrorCode } from './error-codes.js';

// The error every edge understands: a code from the table and the list of problems, each naming its path.

export interface InputProblem {
  path: string;
  message: string;
  code?: string;
  column?: number;
  /** For an unknown reference: the collection and id referred to (a screen names them in its language). */
  reference?: { collection: string; id: string };
}

/** An error with a code from the table: the edges turn it into a status or exit code; nothing was changed. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: InputProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Bad input: `problems` says what and where. */
export class InputError extends AppError {
  override name = 'InputError';
}

/** `['pledges', 12, 'condition']` → `pledges[12].condition`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let text = prefix;
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text === '' ? '(root)' : text;
}

/** Every zod issue as a problem with its path. */
export function problemsFromZod(error: z.ZodError, prefix = ''): InputProblem[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { path: formatPath(issue.path, prefix), message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}` };
    }
    return { path: formatPath(issue.path, prefix), message: issue.message };
  });
}

/** Core problems (already with paths) as input problems. */
export function problemsFromCore(problems: readonly Problem[], prefix = ''): InputProblem[] {
  return problems.map((problem) => inputProblemOf(problem, prefix === '' ? problem.path : `${prefix}.${problem.path}`));
}

/** A core problem as an input problem at `path`: its code and, where it has them, its column and reference. */
export function inputProblemOf(problem: Problem, path: string, message = problem.message): InputProblem {
  const entry: InputProblem = { path, message, code: problem.code };
  if (problem.column !== undefined) entry.column = problem.column;
  if (problem.reference !== undefined) entry.reference = { ...problem.reference };
  return entry;
}

/** Parse with a zod schema or throw an InputError listing every issue. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InputError('input.invalid', `invalid ${what}`, problemsFromZod(result.error, prefix));
}
