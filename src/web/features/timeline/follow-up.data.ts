// Action items as GET /api/follow-up returns them (docs/meetings.md), grouped for the timeline: the open ones
// to follow up (the API's order: the caller's party first, then overdue, then by due date) and each meeting's
// own items.

export interface FollowUpItem {
  id: string;
  meeting: string;
  meetingDate: string | null;
  meetingTitle: string | null;
  text: string;
  owner?: string;
  ownerPerson?: string;
  due?: string;
  status: string;
  overdue: boolean;
  daysOverdue: number;
  ownParty: boolean;
  history: { at: string; actor: string; from: string | null; to: string | null }[];
}

/** The follow-up list's path, judged on a day (default today on the server). */
export function followUpPath(on: string | undefined): string {
  return on ? `/api/follow-up?on=${encodeURIComponent(on)}` : '/api/follow-up';
}

/** The open items in the API's reading order, and how many of them are overdue. */
export function openItems(items: readonly FollowUpItem[]): { items: FollowUpItem[]; overdue: number } {
  const open = items.filter((item) => item.status === 'open');
  return { items: open, overdue: open.filter((item) => item.overdue).length };
}

/** Each meeting's items, in the API's order. */
export function itemsByMeeting(items: readonly FollowUpItem[]): Map<string, FollowUpItem[]> {
  const grouped = new Map<string, FollowUpItem[]>();
  for (const item of items) grouped.set(item.meeting, [...(grouped.get(item.meeting) ?? []), item]);
  return grouped;
}

/** Who owns an item in words: the person or office and the party's name, either, or null. */
export function ownerOf(item: FollowUpItem, partyName: (id: string) => string): string | null {
  const party = item.owner === undefined ? undefined : partyName(item.owner);
  if (item.ownerPerson && party) return `${item.ownerPerson} (${party})`;
  return item.ownerPerson ?? party ?? null;
}

/** The status changes as `open → done (2026-02-01)`, oldest first; empty when only created. */
export function describeHistory(item: FollowUpItem, statusWord: (status: string) => string): string {
  return item.history
    .filter((change) => change.from !== null && change.to !== null)
    .map((change) => `${statusWord(change.from ?? '')} → ${statusWord(change.to ?? '')} (${change.at.slice(0, 10)})`)
    .join(', ');
}
