import { useEffect } from 'react';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { useAppState } from '../../lib/app-state.js';
import { loadCollection, type SourceRecord } from '../../lib/records.js';
import { useLocation } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { selectSources } from './sources.data.js';

// The sources behind the figures: a link from a figure lists its sources first and scrolls to the one clicked.

/** The sources page. */
export default function SourcesPage() {
  const { t } = useI18n();
  const { asOf } = useAppState();
  const { query } = useLocation();
  const loaded = useLoad(`sources-page:${asOf ?? ''}`, () => loadCollection<SourceRecord>('sources', asOf));
  const wanted = (query.get('ids') ?? '').split(',').filter(Boolean);
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id && loaded.data) document.getElementById(`source-${id}`)?.scrollIntoView();
  }, [loaded.data]);
  return (
    <div>
      <h1>{t('sources.title')}</h1>
      <Loading loaded={loaded}>
        {(sources) => (
          <ol className="source-list">
            {selectSources(sources, wanted).map(({ source, cited }) => (
              <li key={source.id} id={`source-${source.id}`} className={cited ? 'cited' : undefined}>
                <strong>{source.publisher}</strong>, {source.date}
                {source.publication && <>, <em data-free-text>{source.publication}</em></>}{' '}
                {source.url && <a href={source.url} rel="noreferrer noopener" target="_blank">{source.url}</a>} <code className="muted">{source.id}</code>
                {source.quote && <blockquote data-free-text>{source.quote}</blockquote>}
              </li>
            ))}
          </ol>
        )}
      </Loading>
    </div>
  );
}
