import { useMemo } from 'react';
import { SourceLinks } from '../../components/source-links.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { apiGet } from '../../lib/api-client.js';
import { useAppState } from '../../lib/app-state.js';
import { loadCollection, type PartyRecord } from '../../lib/records.js';
import { Link } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { changesPageHref } from '../changes/changes.data.js';
import { ActionItems, FollowUpList } from './follow-up.js';
import { type FollowUpItem, followUpPath, itemsByMeeting, openItems } from './follow-up.data.js';
import { briefingHref, buildTimeline, type TimelineEvent, type DecisionLike, type MeasureLike, type MeetingLike, type SanctionsPackageLike } from './timeline.data.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import { meetingFormat } from '../../i18n/labels.data.js';

// Sanctions packages and meetings on a timeline, each meeting with its action items; above them the open
// action items to follow up (overdue marked, a delegate's own party first).

/** The timeline page. */
export default function TimelinePage() {
  const { t, language } = useI18n();
  const { asOf } = useAppState();
  const loaded = useLoad(`timeline:${asOf ?? ''}`, async () => {
    const [packages, measures, meetings, decisions, followUp, parties] = await Promise.all([
      loadCollection<SanctionsPackageLike>('sanctions-packages', asOf),
      loadCollection<MeasureLike>('sanctions-measures', asOf),
      loadCollection<MeetingLike>('meetings', asOf),
      loadCollection<DecisionLike>('meeting-decisions', asOf),
      apiGet<{ on: string; items: FollowUpItem[] }>(followUpPath(asOf)),
      loadCollection<PartyRecord>('parties', asOf),
    ]);
    // Items of meetings after the as-of date are not known yet.
    const items = followUp.items.filter((item) => asOf === undefined || (item.meetingDate ?? '') <= asOf);
    return { events: buildTimeline(packages, measures, meetings, decisions, asOf), items, on: followUp.on, parties: new Map(parties.map((party) => [party.id, party])) };
  });
  const years = useMemo(() => [...new Set((loaded.data?.events ?? []).map((event) => event.date.slice(0, 4)))], [loaded.data]);
  const byMeeting = useMemo(() => itemsByMeeting(loaded.data?.items ?? []), [loaded.data]);
  const open = useMemo(() => openItems(loaded.data?.items ?? []), [loaded.data]);
  const partyName = useMemo(() => partyNamer(language, [...(loaded.data?.parties.values() ?? [])]), [language, loaded.data]);
  const party = partyName;
  const subtitle = (event: TimelineEvent): string => {
    const { format, place, jurisdiction, number } = event.meta;
    if (jurisdiction !== undefined) return number === undefined ? party(jurisdiction) : `${party(jurisdiction)} #${number}`;
    return [format ? meetingFormat(t, format) : undefined, place].filter(Boolean).join(' · ');
  };
  return (
    <div>
      <h1>{t('timeline.title')}</h1>
      <Loading loaded={loaded}>
        {({ events, on }) =>
          <>
          <FollowUpList items={open.items} overdue={open.overdue} on={on} partyName={partyName} />
          {events.length === 0 ? (
            <p>{t('common.noData')}</p>
          ) : (
            years.map((year) => (
              <section key={year}>
                <h2>{year}</h2>
                <ol className="timeline">
                  {events.filter((event) => event.date.startsWith(year)).map((event) => (
                    <li key={event.id} className={`event event-${event.kind}`}>
                      <time dateTime={event.date}>{event.date}</time>
                      <div>
                        <span className="muted">{event.kind === 'sanctions' ? t('timeline.sanctions') : t('timeline.meeting')} · {subtitle(event)}</span>
                        <h3><span data-free-text>{event.title}</span> <SourceLinks ids={event.sources} /></h3>
                        {event.parties && (
                          <p className="muted small">{event.parties.inPerson.map(party).join(', ')}{event.parties.online.length > 0 && ` · ${t('timeline.online', { parties: event.parties.online.map(party).join(', ') })}`}</p>
                        )}
                        {event.kind === 'meeting' && (
                          <p className="small">
                            <a href={briefingHref(event.id, language)} target="_blank" rel="noopener">{t('timeline.briefing')}</a>
                            {' · '}
                            <Link to={changesPageHref({ kind: 'meeting', meeting: event.id })}>{t('timeline.changesSince')}</Link>
                          </p>
                        )}
                        {event.kind === 'meeting' && (byMeeting.get(event.id)?.length ?? 0) > 0 && (
                          <details open={(byMeeting.get(event.id) ?? []).some((item) => item.status === 'open')}>
                            <summary>{t('followUp.items')} ({byMeeting.get(event.id)?.length})</summary>
                            <ActionItems items={byMeeting.get(event.id) ?? []} partyName={partyName} />
                          </details>
                        )}
                        {event.items.length > 0 && (
                          <details>
                            <summary>{event.kind === 'sanctions' ? t('timeline.measures') : t('timeline.decisions')} ({event.items.length})</summary>
                            <ul data-free-text>{event.items.map((item, index) => <li key={index}>{item}</li>)}</ul>
                          </details>
                        )}
                      </div>
                    </li>
                  ))}
                </ol>
              </section>
            ))
          )}
          </>
        }
      </Loading>
    </div>
  );
}
