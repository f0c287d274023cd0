import { useMemo } from 'react';
import { SourceLinks } from '../../components/source-links.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { useAppState } from '../../lib/app-state.js';
import { type ContributionRecord, type FundPackageRecord, type FundRecord, loadCollection } from '../../lib/records.js';
import { Link } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { buildPurlBoard, formatMoney } from './purl.data.js';

// The PURL board: each fund's packages as cards with price, earmarked funding (bar and figure) and donors.

/** The PURL board page. */
export default function PurlPage() {
  const { asOf } = useAppState();
  const loaded = useLoad(`purl:${asOf ?? ''}`, async () => {
    const [funds, packages, contributions] = await Promise.all([
      loadCollection<FundRecord>('funds', asOf),
      loadCollection<FundPackageRecord>('fund-packages', asOf),
      loadCollection<ContributionRecord>('contributions', asOf),
    ]);
    return { funds, packages, contributions };
  });
  return <Loading loaded={loaded}>{(data) => <Board {...data} />}</Loading>;
}

function Board({ funds, packages, contributions }: { funds: FundRecord[]; packages: FundPackageRecord[]; contributions: ContributionRecord[] }) {
  const { t, language } = useI18n();
  const { asOf } = useAppState();
  const board = useMemo(() => buildPurlBoard(funds, packages, contributions, asOf), [funds, packages, contributions, asOf]);
  return (
    <div>
      <h1>{t('purl.title')}</h1>
      {board.length === 0 && <p>{t('common.noData')}</p>}
      {board.map((fund) => (
        <section key={fund.id} className="panel">
          <h2>{fund.title} <SourceLinks ids={fund.sources} /></h2>
          <p>
            {t('purl.donors')}:{' '}
            {fund.donors.map((donor, index) => (
              <span key={donor}>{index > 0 && ', '}<Link to={`/parties/${donor}`}>{donor}</Link></span>
            ))}
            {fund.unearmarked.map((entry) => (
              <span key={entry.currency} className="muted"> · {formatMoney(language, entry.amount, entry.currency)} ({t('purl.noEarmark')})</span>
            ))}
          </p>
          <ul className="cards">
            {fund.packages.map((pkg) => (
              <li key={pkg.id} className={`card status-${pkg.status}`}>
                <h3>P{pkg.priority} · {pkg.title}</h3>
                <p>{t('purl.price')}: {formatMoney(language, pkg.price, pkg.currency)} · {t('purl.status')}: {pkg.status}</p>
                <div className="bar" role="img" aria-label={`${t('purl.funded')}: ${pkg.earmarkedPct} %`}>
                  <div className="bar-certain" style={{ width: `${pkg.earmarkedPct}%` }} />
                </div>
                <p>
                  {t('purl.funded')}: {formatMoney(language, pkg.earmarked, pkg.currency)} ({pkg.earmarkedPct} %) <SourceLinks ids={pkg.sources} />
                </p>
                <p className="muted">{t('purl.donors')}: {pkg.donors.join(', ') || t('common.none')}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
