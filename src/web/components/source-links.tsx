import { useI18n } from '../i18n/i18n.js';
import { Link } from '../lib/router.js';

// Every figure links to its sources: small numbered links to the sources page, titled with the source id.

/** Links to the given sources (nothing when there are none). */
export function SourceLinks({ ids }: { ids: readonly string[] }) {
  const { t } = useI18n();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return null;
  return (
    <span className="sources" aria-label={t('common.sources')}>
      {unique.map((id, index) => (
        <Link key={id} to={`/sources?ids=${encodeURIComponent(unique.join(','))}#${encodeURIComponent(id)}`} title={id} className="source-link">
          [{index + 1}]
        </Link>
      ))}
    </span>
  );
}
