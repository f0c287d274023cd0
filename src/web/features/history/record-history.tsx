import { useI18n } from '../../i18n/i18n.js';
import { apiGet } from '../../lib/api-client.js';
import { Loading } from '../../components/status.js';
import { useLoad } from '../../lib/use-api.js';
import type { HistoryEntry } from '../../../contracts/records.schema.js';
import { buildHistory } from './history.data.js';

// A record's history from /api/<collection>/<id>/history (the audit log).

/** The history list of one record. */
export function RecordHistory({ collection, id, version }: { collection: string; id: string; version: number }) {
  const { t } = useI18n();
  const loaded = useLoad(`history:${collection}:${id}:${version}`, () => apiGet<{ items: HistoryEntry[] }>(`/api/${collection}/${encodeURIComponent(id)}/history`));
  return (
    <section className="panel history" aria-label={t('history.title', { id })}>
      <h3>{t('history.title', { id })}</h3>
      <Loading loaded={loaded}>
        {(data) => {
          const rows = buildHistory(data.items);
          if (rows.length === 0) return <p>{t('history.empty')}</p>;
          return (
            <ol>
              {rows.map((row) => (
                <li key={row.seq}>
                  <time dateTime={row.at}>{row.at.replace('T', ' ').slice(0, 19)}</time> · {row.actor} · {row.action}
                  {row.changed.length > 0 && <span className="muted"> — {t('history.changed', { fields: row.changed.join(', ') })}</span>}
                </li>
              ))}
            </ol>
          );
        }}
      </Loading>
    </section>
  );
}
