import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PreparedDataset, prepareDataset } from '../core/dataset/prepare-dataset.js';
import type { Dataset } from '../core/types.js';
import { DATASET_COLLECTIONS, DATASET_FILES, REQUIRED_DATASET_COLLECTIONS } from '../contracts/dataset.schema.js';
import { InputError } from '../contracts/input-error.js';
import { type CollectionSchemas, parseCollections, relocateProblems } from '../contracts/parse-collections.js';
import { datasetFromScenarioFile, SCENARIO_FILE_COLLECTIONS } from '../contracts/scenario-file.schema.js';

// Loads datasets from files: the demo directory (one JSON file per entity) or a single scenario file.
// Every problem in the input is collected and reported at once, with its path.

/** Files larger than this are refused before parsing. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** The demo dataset shipped with the package. */
export function demoDataDirectory(): string {
  return fileURLToPath(new URL('../../data/demo/', import.meta.url));
}

/** Read, validate and prepare a dataset directory (data/demo layout). */
export async function loadDatasetDirectory(directory: string): Promise<PreparedDataset> {
  const raw: Record<string, unknown> = {};
  for (const [key, file] of Object.entries(DATASET_FILES)) {
    const path = join(directory, file);
    const optional = key === 'capabilities' || key === 'packages' || key === 'requirements';
    if (optional && !(await exists(path))) continue;
    raw[key] = await readJsonFile(path, file);
  }
  return prepareCollections(raw, DATASET_COLLECTIONS, REQUIRED_DATASET_COLLECTIONS, (records) => records, `dataset in ${directory}`);
}

/** Read, validate and prepare a scenario file (docs/scenario-file.md). */
export async function loadScenarioFile(path: string): Promise<PreparedDataset> {
  const raw = await readJsonFile(path, path);
  return prepareCollections(raw, SCENARIO_FILE_COLLECTIONS, [], datasetFromScenarioFile, `scenario file ${path}`);
}

/** Parse collections record by record and check references; throw one InputError listing every problem. */
export function prepareCollections<S extends CollectionSchemas>(
  raw: unknown,
  schemas: S,
  required: readonly (keyof S & string)[],
  toDataset: (records: ReturnType<typeof parseCollections<S>>['records']) => Dataset,
  what: string,
): PreparedDataset {
  const parsed = parseCollections(raw, schemas, required);
  const prepared = prepareDataset(toDataset(parsed.records));
  const problems = [...parsed.problems, ...(prepared.ok ? [] : relocateProblems(prepared.problems, parsed))];
  if (problems.length === 0 && prepared.ok) return prepared.value;
  const code = parsed.problems.length > 0 ? 'input.invalid' : prepared.ok ? 'input.invalid' : (prepared.problems[0]?.code ?? 'input.invalid');
  throw new InputError(code, `invalid ${what}`, problems);
}

async function readJsonFile(path: string, label: string): Promise<unknown> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new InputError('input.invalid', `cannot read ${label}`, [{ path: label, message: 'file not found or not readable' }]);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InputError('input.too_large', `${label} is too large`, [
      { path: label, message: `file has ${size} bytes; the limit is ${MAX_INPUT_BYTES}` },
    ]);
  }
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'not JSON';
    throw new InputError('input.invalid', `${label} is not valid JSON`, [{ path: label, message: detail }]);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
