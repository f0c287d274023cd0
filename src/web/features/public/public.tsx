import { useMemo } from 'react';
import { type Column, DataTable } from '../../components/data-table.js';
import { Loading } from '../../components/status.js';
import { formatQuantity } from '../../i18n/capabilities.data.js';
import { useI18n } from '../../i18n/i18n.js';
import { domainName } from '../../i18n/labels.data.js';
import { ApiError, apiGet } from '../../lib/api-client.js';
import { useLoad } from '../../lib/use-api.js';
import { type PublicRelease, stageCell } from './public.data.js';

// /public: the newest published release (GET /public/summary) as a page anyone can read, signed in or not:
// its date and note, the disclosure rule, contributing parties per domain and totals per capability and stage,
// suppressed cells said as such.

/** The public summary page. */
export default function PublicPage() {
  const { t } = useI18n();
  const loaded = useLoad('public-summary', () =>
    apiGet<PublicRelease>('/public/summary').catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
  );
  return (
    <div className="public">
      <h1>{t('public.title')}</h1>
      <Loading loaded={loaded}>{(release) => (release ? <Release release={release} /> : <p>{t('public.none')}</p>)}</Loading>
      <p className="muted small">
        <a href="/public/summary">{t('public.json')}</a>
      </p>
    </div>
  );
}

type CapabilityRow = PublicRelease['capabilities'][number];

function Release({ release }: { release: PublicRelease }) {
  const { t, n, language, capability } = useI18n();
  const suppressed = t('public.suppressed');
  const columns = useMemo<Column<CapabilityRow>[]>(
    () => [
      { id: 'capability', header: t('pledges.capability'), rowHeader: true, text: (row) => capability(row.capability) },
      { id: 'total', header: t('public.total'), numeric: true, text: (row) => stageCell(row.total, (value) => formatQuantity(language, { min: value, max: value }, row.capability), suppressed), sort: (row) => row.total.value },
      ...(['planned', 'committed', 'delivered'] as const).map((stage) => ({
        id: stage,
        header: t(`public.stage.${stage}`),
        numeric: true,
        text: (row: CapabilityRow) => stageCell(row.stages.find((entry) => entry.stage === stage), (value) => n(value), suppressed),
        sort: (row: CapabilityRow) => row.stages.find((entry) => entry.stage === stage)?.value ?? null,
      })),
    ],
    [t, n, language, capability, suppressed],
  );
  return (
    <>
      <p data-testid="release-date">{t('public.release', { id: release.id, date: release.date })}</p>
      {release.note && <p data-free-text>{release.note}</p>}
      <p className="notice">{t('public.rule', { minParties: release.rule.minParties, maxShare: Math.round(release.rule.maxShare * 100) })}</p>
      <section className="panel">
        <h2>{t('public.domains')}</h2>
        <p>{release.contributingParties === null ? t('public.partiesSuppressed') : t('public.parties', { parties: release.contributingParties })}</p>
        <ul>
          {release.domains.map((domain) => (
            <li key={domain.domain}>
              {domainName(t, domain.domain)}: {domain.suppressed || domain.parties === null ? suppressed : t('public.domainParties', { parties: domain.parties })}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>{t('public.capabilities')}</h2>
        <DataTable name="public" caption={t('public.capabilities')} rows={release.capabilities} columns={columns} rowKey={(row) => row.capability} searchable={false} />
      </section>
    </>
  );
}
