// Sanctions packages and meetings on one timeline, newest first, with their measures and decisions.

export interface SanctionsPackageLike {
  id: string;
  jurisdiction: string;
  number?: number;
  adoptedOn?: string;
  title: string;
  sources: string[];
}
export interface MeasureLike {
  id: string;
  package: string;
  kind: string;
  description: string;
  count?: number;
}
export interface MeetingLike {
  id: string;
  date: string;
  format: string;
  place?: string;
  title: string;
  inPerson: string[];
  online: string[];
  sources: string[];
}
export interface DecisionLike {
  id: string;
  meeting: string;
  text: string;
}

export interface TimelineEvent {
  id: string;
  date: string;
  kind: 'sanctions' | 'meeting';
  title: string;
  subtitle: string;
  /** The subtitle's parts, for naming them in the UI's language. */
  meta: { format?: string; place?: string; jurisdiction?: string; number?: number };
  items: string[];
  parties: { inPerson: string[]; online: string[] } | null;
  sources: string[];
}

/** One event per dated sanctions package and meeting up to `asOf` (all without it), newest first; undated packages are left out. */
export function buildTimeline(
  packages: readonly SanctionsPackageLike[],
  measures: readonly MeasureLike[],
  meetings: readonly MeetingLike[],
  decisions: readonly DecisionLike[],
  asOf?: string,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const pkg of packages) {
    if (!pkg.adoptedOn) continue;
    events.push({
      id: pkg.id,
      date: pkg.adoptedOn,
      kind: 'sanctions',
      title: pkg.title,
      subtitle: pkg.number === undefined ? pkg.jurisdiction : `${pkg.jurisdiction} #${pkg.number}`,
      meta: pkg.number === undefined ? { jurisdiction: pkg.jurisdiction } : { jurisdiction: pkg.jurisdiction, number: pkg.number },
      items: measures.filter((measure) => measure.package === pkg.id).map((measure) => measure.description),
      parties: null,
      sources: pkg.sources,
    });
  }
  for (const meeting of meetings) {
    events.push({
      id: meeting.id,
      date: meeting.date,
      kind: 'meeting',
      title: meeting.title,
      subtitle: [meeting.format, meeting.place].filter(Boolean).join(' · '),
      meta: meeting.place ? { format: meeting.format, place: meeting.place } : { format: meeting.format },
      items: decisions.filter((decision) => decision.meeting === meeting.id).map((decision) => decision.text),
      parties: meeting.inPerson.length + meeting.online.length > 0 ? { inPerson: meeting.inPerson, online: meeting.online } : null,
      sources: meeting.sources,
    });
  }
  return events.filter((event) => asOf === undefined || event.date <= asOf).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/** The link to a meeting's briefing pack (PDF, as of the meeting's date) in a language. */
export function briefingHref(meetingId: string, language: 'en' | 'de'): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/briefing.pdf?lang=${language}`;
}
