import { isUser, type Principal, scopeOf } from '../../core/access/principal.js';
import { canSeeRecord } from '../../core/access/visibility.js';
import type { InputProblem } from '../../contracts/input-error.js';
import { ALL_ENTITIES } from '../../db/entities/all-entities.js';
import type { Database } from '../../db/open-store.js';
import { findRecords } from '../../db/record.repository.js';

// The one place that decides what a refused write may tell its caller about other records (DESIGN.md §7).
// A write can be refused because of records other than the one written: the referrers of a deleted party,
// source or fund, the pledges whose conditions a changed fact would break, a supersedes cycle. A problem about
// a record the caller may see is listed as it is; problems about records they may not see are replaced by
// one problem counting those records ("referenced by 2 records you cannot see"), and ids of such records that
// a message names in passing (a "did you mean" suggestion, a supersedes cycle) are left out. Every service
// that builds problems from other records (writes, deletes, approval requests, importRecords) passes them
// through here; the file import's pre-check and restore run only as the system, which sees everything.

/** A problem, and the other record it is about (absent: it is about the record being written). */
export interface ProblemAbout extends InputProblem {
  about?: { collection: string; id: string };
}

const CONFIDENTIAL = new Set(ALL_ENTITIES.filter((entity) => entity.confidential).map((entity) => entity.name));
const SUGGESTION = /; did you mean '([^']*)'\?/g;
const CYCLE = 'supersedes cycle: ';

/** The problems as the caller may be told them (run inside the write's transaction: `db` is its connection). */
export async function visibleProblems(db: Database, principal: Principal, problems: readonly ProblemAbout[]): Promise<InputProblem[]> {
  const plain = ({ about: _about, ...problem }: ProblemAbout): InputProblem => problem;
  if (!isUser(principal)) return problems.map(plain);
  const hidden = await hiddenRecords(db, principal, problems);
  const shown: InputProblem[] = [];
  const unseen = new Set<string>();
  let unseenCode: string | undefined;
  for (const problem of problems) {
    const about = problem.about;
    if (about && hidden.has(keyOf(about.collection, about.id))) {
      unseen.add(keyOf(about.collection, about.id));
      unseenCode ??= problem.code;
      continue;
    }
    shown.push({ ...plain(problem), message: withoutHiddenIds(problem.message, hidden) });
  }
  if (unseen.size > 0) {
    const count = unseen.size === 1 ? '1 record' : `${unseen.size} records`;
    shown.push({ path: '(record)', message: `referenced by ${count} you cannot see`, ...(unseenCode === undefined ? {} : { code: unseenCode }) });
  }
  return shown;
}

// Keys (collection, id) of the confidential records named by the problems that the caller may not see. A
// record named by `about` that no longer exists counts as hidden: nothing is said about what cannot be checked.
async function hiddenRecords(db: Database, principal: Principal, problems: readonly ProblemAbout[]): Promise<Set<string>> {
  const named = new Map<string, Set<string>>([...CONFIDENTIAL].map((name) => [name, new Set<string>()]));
  const abouts = new Set<string>();
  for (const problem of problems) {
    if (problem.about && CONFIDENTIAL.has(problem.about.collection)) {
      named.get(problem.about.collection)?.add(problem.about.id);
      abouts.add(keyOf(problem.about.collection, problem.about.id));
    }
    // Ids a message names in passing are pledges (suggestions for `supersedes`, cycles).
    for (const id of idsInMessage(problem.message)) named.get('pledges')?.add(id);
  }
  const hidden = new Set<string>();
  const scope = scopeOf(principal);
  for (const entity of ALL_ENTITIES) {
    const ids = [...(named.get(entity.name) ?? [])];
    if (ids.length === 0) continue;
    const found = await findRecords(db, entity, ids);
    for (const id of ids) {
      const record = found.get(id);
      if (record ? !canSeeRecord(scope, record.record) : abouts.has(keyOf(entity.name, id))) hidden.add(keyOf(entity.name, id));
    }
  }
  return hidden;
}

function idsInMessage(message: string): string[] {
  const ids = [...message.matchAll(SUGGESTION)].map((match) => match[1] ?? '');
  if (message.startsWith(CYCLE)) ids.push(...message.slice(CYCLE.length).split(' → '));
  return ids.filter((id) => id !== '');
}

function withoutHiddenIds(message: string, hidden: ReadonlySet<string>): string {
  const isHidden = (id: string) => hidden.has(keyOf('pledges', id));
  const text = message.replace(SUGGESTION, (whole, id: string) => (isHidden(id) ? '' : whole));
  if (!text.startsWith(CYCLE)) return text;
  return CYCLE + text.slice(CYCLE.length).split(' → ').map((id) => (isHidden(id) ? '(a pledge you cannot see)' : id)).join(' → ');
}

function keyOf(collection: string, id: string): string {
  return `${collection}\n${id}`;
}
