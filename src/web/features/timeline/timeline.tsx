import { useMemo } from 'react';
import { SourceLinks } from '../../components/source-links.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { useAppState } from '../../lib/app-state.js';
import { loadCollection } from '../../lib/records.js';
import { useLoad } from '../../lib/use-api.js';
import { briefingHref, buildTimeline, type DecisionLike, type MeasureLike, type MeetingLike, type SanctionsPackageLike } from './timeline.data.js';

// Sanctions packages and meetings on a timeline.

/** The timeline page. */
export default function TimelinePage() {
  const { t, language } = useI18n();
  const { asOf } = useAppState();
  const loaded = useLoad(`timeline:${asOf ?? ''}`, async () => {
    const [packages, measures, meetings, decisions] = await Promise.all([
      loadCollection<SanctionsPackageLike>('sanctions-packages', asOf),
      loadCollection<MeasureLike>('sanctions-measures', asOf),
      loadCollection<MeetingLike>('meetings', asOf),
      loadCollection<DecisionLike>('meeting-decisions', asOf),
    ]);
    return buildTimeline(packages, measures, meetings, decisions, asOf);
  });
  const years = useMemo(() => [...new Set((loaded.data ?? []).map((event) => event.date.slice(0, 4)))], [loaded.data]);
  return (
    <div>
      <h1>{t('timeline.title')}</h1>
      <Loading loaded={loaded}>
        {(events) =>
          events.length === 0 ? (
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
                        <span className="muted">{event.kind === 'sanctions' ? t('timeline.sanctions') : t('timeline.meeting')} · {event.subtitle}</span>
                        <h3>{event.title} <SourceLinks ids={event.sources} /></h3>
                        {event.parties && (
                          <p className="muted small">{event.parties.inPerson.join(', ')}{event.parties.online.length > 0 && ` · ${t('timeline.online', { parties: event.parties.online.join(', ') })}`}</p>
                        )}
                        {event.kind === 'meeting' && (
                          <p className="small">
                            <a href={briefingHref(event.id, language)} target="_blank" rel="noopener">{t('timeline.briefing')}</a>
                          </p>
                        )}
                        {event.items.length > 0 && (
                          <details>
                            <summary>{event.kind === 'sanctions' ? t('timeline.measures') : t('timeline.decisions')} ({event.items.length})</summary>
                            <ul>{event.items.map((item, index) => <li key={index}>{item}</li>)}</ul>
                          </details>
                        )}
                      </div>
                    </li>
                  ))}
                </ol>
              </section>
            ))
          )
        }
      </Loading>
    </div>
  );
}
