import type { IsoDate } from '../types.js';

// Following up action items (issue 27): which are open, which overdue on a given day (passed in, never read
// from a clock), grouped by owner, a delegate's own party first. Pure.

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An action item as follow-up needs it. */
export interface ActionItemInput {
  id: string;
  meeting: string;
  text: string;
  owner?: string | undefined;
  ownerPerson?: string | undefined;
  due?: IsoDate | undefined;
  status: ActionStatus;
}

export interface FollowUpItem extends ActionItemInput {
  meetingDate: IsoDate | null;
  meetingTitle: string | null;
  /** Open with a due date before `today`. */
  overdue: boolean;
  /** Whole days past the due date (0 when not overdue). */
  daysOverdue: number;
  /** Owned by the party of the caller (a delegate). */
  ownParty: boolean;
}

export interface FollowUpOptions {
  today: IsoDate;
  /** The caller's party: its items come first. */
  party?: string | null | undefined;
  meetings: ReadonlyMap<string, { date: IsoDate; title: string }>;
}

/** Whether an item is open and its due date has passed on `today`. */
export function isOverdue(item: Pick<ActionItemInput, 'status' | 'due'>, today: IsoDate): boolean {
  return item.status === 'open' && item.due !== undefined && item.due < today;
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every item with its follow-up state, in reading order: the caller's party first, overdue before the rest, then by due date (none last), then id. */
export function listFollowUp(items: readonly ActionItemInput[], options: FollowUpOptions): FollowUpItem[] {
  const listed = items.map((item) => {
    const meeting = options.meetings.get(item.meeting);
    const overdue = isOverdue(item, options.today);
    return {
      ...item,
      meetingDate: meeting?.date ?? null,
      meetingTitle: meeting?.title ?? null,
      overdue,
      daysOverdue: overdue && item.due !== undefined ? daysBetween(item.due, options.today) : 0,
      ownParty: options.party !== undefined && options.party !== null && item.owner === options.party,
    };
  });
  return listed.sort(
    (a, b) =>
      Number(b.ownParty) - Number(a.ownParty) ||
      Number(b.overdue) - Number(a.overdue) ||
      (a.due ?? '9999-99-99').localeCompare(b.due ?? '9999-99-99') ||
      a.id.localeCompare(b.id),
  );
}

/** The owner's label: the party and/or the person; null when nobody was named. */
export function ownerLabel(item: Pick<ActionItemInput, 'owner' | 'ownerPerson'>): string | null {
  if (item.owner !== undefined && item.ownerPerson !== undefined) return `${item.owner} (${item.ownerPerson})`;
  return item.owner ?? item.ownerPerson ?? null;
}

/** Items grouped by owner label in the order they come (so a listing's order carries over); unowned last. */
export function groupByOwner<T extends Pick<ActionItemInput, 'owner' | 'ownerPerson'>>(items: readonly T[]): { owner: string | null; items: T[] }[] {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const key = ownerLabel(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const owned = [...groups].filter(([key]) => key !== null);
  const unowned = groups.get(null);
  return [...owned.map(([owner, list]) => ({ owner, items: list })), ...(unowned ? [{ owner: null, items: unowned }] : [])];
}

/** Status changes of an item from its audited versions (oldest first): when, who, from what to what. */
export function statusHistory(versions: readonly { at: string; actor: string; status: string | null }[]): { at: string; actor: string; from: string | null; to: string | null }[] {
  const changes: { at: string; actor: string; from: string | null; to: string | null }[] = [];
  let previous: string | null = null;
  versions.forEach((version, i) => {
    if (i === 0 || version.status !== previous) changes.push({ at: version.at, actor: version.actor, from: i === 0 ? null : previous, to: version.status });
    previous = version.status;
  });
  return changes;
}
