import { type Principal, scopeOf } from '../core/access/principal.js';
import { canSeePledge, datasetAsSeenBy, decideSupersedes } from '../core/access/reference-rules.js';
import { applyDatasetChange, prepareChangedDataset } from '../core/dataset/prepare-change.js';
import { type PreparedDataset, prepareDataset } from '../core/dataset/prepare-dataset.js';
import { findById } from '../core/dataset/record-positions.js';
import type { Problem, ProblemCode } from '../core/errors.js';
import type { Dataset, Pledge } from '../core/types.js';
import { AppError, InputError, inputProblemOf } from '../contracts/input-error.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import type { Database } from '../db/open-store.js';
import { AccessDeniedError, denialOf } from './access/access-policy.js';
import { type ProblemAbout, visibleProblems } from './access/visible-problems.js';

// Helpers of RecordService's writes: errors named for the record, and a change applied to the dataset.

export type Change<R extends StoredRecord> = { kind: 'create'; record: R } | { kind: 'update'; record: R } | { kind: 'delete'; id: string };

/** The not_found error of a record. */
export function notFound(entity: EntityDefinition, id: string): AppError {
  return new AppError('not_found', `${entity.name} '${id}' not found`);
}

/** The 409 of a write against an older version. */
export function staleVersion(entity: EntityDefinition, id: string, current: number, expected: number | undefined): AppError {
  return new AppError('conflict', `${entity.name} '${id}' is at version ${current}, not ${String(expected)}: reload and apply your change again`, [], {
    currentVersion: current,
  });
}

/** The dataset with one change applied. */
export function applyChange<R extends StoredRecord>(dataset: Dataset, name: string, change: Change<R>): Dataset {
  return applyDatasetChange(dataset, name, change);
}

/**
 * The dataset after a change, checked as the writer sees it (DESIGN.md §7): a newly set `supersedes` naming a
 * hidden pledge gets exactly the answer a missing pledge gets, and a pledge may supersede only a pledge of its
 * own party (coordinators and the system: any). When the result is inconsistent, the written record's problems
 * come from the writer's view (so no suggestion names a hidden pledge), and problems in other records pass
 * through visibleProblems: those the writer may see are listed, the others counted. `before` is the stored
 * record (undefined for a create); `db` the write's connection.
 */
export async function prepareChange<R extends StoredRecord>(
  db: Database,
  actor: Principal,
  stored: PreparedDataset,
  name: string,
  change: Change<R>,
  before: unknown,
): Promise<PreparedDataset> {
  const id = change.kind === 'delete' ? change.id : change.record.id;
  const scope = scopeOf(actor);
  const written = name === 'pledges' && change.kind !== 'delete' ? (change.record as unknown as Pledge) : undefined;
  const previous = typeof before === 'object' && before !== null ? (before as { supersedes?: unknown }).supersedes : undefined;
  const reference = written?.supersedes !== undefined && written.supersedes !== previous ? written.supersedes : undefined;
  const target = reference === undefined ? undefined : findById(stored.pledges, reference);
  const hidden = target !== undefined && !canSeePledge(scope, target);
  if (written && target && !hidden) {
    const decision = decideSupersedes(actor, written, target);
    if (!decision.ok) throw new AccessDeniedError('auth.forbidden', decision.message, denialOf(actor, before === undefined ? 'create' : 'update', name, id, decision.message));
  }
  // Only what changed is checked when that is enough (prepare-change.ts); the answer is prepareDataset's.
  const full = prepareChangedDataset(stored, name, change);
  if (scope.kind === 'all' || (!hidden && full.ok)) {
    if (full.ok) return full.value;
    const changed = applyChange(stored, name, change);
    throw await consistencyError(db, actor, name, id, full.problems[0]?.code, consistencyProblems(name, id, changed, full.problems));
  }
  const changed = applyChange(stored, name, change);
  const view = datasetAsSeenBy(changed, scope, written ? { id: written.id, supersedes: reference } : undefined);
  const checked = prepareDataset(view);
  const problems = checked.ok ? [] : consistencyProblems(name, id, view, checked.problems);
  if (!full.ok) {
    // What only the full dataset shows: problems in pledges the writer may not see (counted, never named), or,
    // when the writer's view is consistent, all of them.
    const inView = new Set(view.pledges.map((pledge) => pledge.id));
    const elsewhere = consistencyProblems(name, id, changed, full.problems);
    problems.push(...(checked.ok ? elsewhere : elsewhere.filter((problem) => problem.about?.collection === 'pledges' && !inView.has(problem.about.id))));
  }
  if (hidden && problems.length === 0) problems.push({ path: 'supersedes', message: `unknown pledge '${reference ?? ''}'`, code: 'dataset.unknown_reference' });
  if (problems.length === 0 && full.ok) return full.value;
  throw await consistencyError(db, actor, name, id, (checked.ok ? undefined : checked.problems[0]?.code) ?? (full.ok ? undefined : full.problems[0]?.code), problems);
}

/*
 * The dataset's problems after a write: those of the written record get paths relative to it; those elsewhere
 * name the record they are in (`pledges/fr-1.condition`) and carry it as `about`, so that visibleProblems can
 * leave out the records the caller may not see.
 */
function consistencyProblems(name: string, id: string, dataset: Dataset, problems: readonly Problem[]): ProblemAbout[] {
  const key = name as keyof Dataset;
  const index = (dataset[key] as unknown as StoredRecord[]).findIndex((item) => item.id === id);
  const own = `${name}[${index}]`;
  return problems.map((problem) => {
    let about: ProblemAbout['about'];
    // `pledges[1]` is not the start of `pledges[12]`.
    const mine = problem.path === own || problem.path.startsWith(`${own}.`);
    const path = mine
      ? problem.path.slice(own.length).replace(/^\./, '') || '(record)'
      : problem.path.replace(/^(\w+)\[(\d+)\]/, (whole, collection: string, position: string) => {
          const other = (dataset[collection as keyof Dataset] as unknown as StoredRecord[] | undefined)?.[Number(position)];
          if (!other) return whole;
          about = { collection, id: other.id };
          return `${collection}/${other.id}`;
        });
    const entry: ProblemAbout = inputProblemOf(problem, path);
    if (about) entry.about = about;
    return entry;
  });
}

/** The 422 of a write that would make the dataset inconsistent, with the problems the actor may be told. */
async function consistencyError(db: Database, actor: Principal, name: string, id: string, code: ProblemCode | undefined, problems: readonly ProblemAbout[]): Promise<InputError> {
  return new InputError(code ?? 'input.invalid', `${name} '${id}' would make the data inconsistent`, await visibleProblems(db, actor, problems));
}
