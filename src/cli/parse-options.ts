import type { z } from 'zod';
import { InputError, parseInput } from '../contracts/input-error.js';

// Validates a command's options with its zod schema and names each bad option as typed (`--as-of`).

/** Parse commander's options or throw an InputError whose paths are flags. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  try {
    return parseInput(schema, raw, 'options');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problems = error.problems.map((problem) => ({ ...problem, path: toFlag(problem.path) }));
    throw new InputError(error.code, 'invalid options', problems);
  }
}

function toFlag(path: string): string {
  if (path === '(root)') return path;
  return `--${path.replace(/^[a-zA-Z]+/, (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))}`;
}
