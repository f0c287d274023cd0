import { SourceLinks } from '../../components/source-links.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { apiGet, withQuery } from '../../lib/api-client.js';
import { useAppState } from '../../lib/app-state.js';
import { type ContributionRecord, type FundPackageRecord, type FundRecord, loadCollection } from '../../lib/records.js';
import { Link } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { type BoardFund, buildFundBoard, formatMoney, type FundAllocation } from './purl.data.js';

// The PURL board: each fund's packages as cards (price, funded share as a bar and in figures, earmarked and
// from the pool, the donors), the donors by amount, and the totals reported publicly beside the computed ones.

/** The PURL board page. */
export default function PurlPage() {
  const { asOf } = useAppState();
  const loaded = useLoad(`purl:${asOf ?? ''}`, async () => {
    const [funds, packages, contributions] = await Promise.all([
      loadCollection<FundRecord>('funds', asOf),
      loadCollection<FundPackageRecord>('fund-packages', asOf),
      loadCollection<ContributionRecord>('contributions', asOf),
    ]);
    const allocations = await Promise.all(funds.map((fund) => apiGet<FundAllocation>(withQuery(`/api/funds/${encodeURIComponent(fund.id)}/allocation`, { asOf }))));
    return allocations.map((allocation) => buildFundBoard(allocation, contributions, packages));
  });
  const { t } = useI18n();
  return (
    <div>
      <h1>{t('purl.title')}</h1>
      <Loading loaded={loaded}>{(boards) => (boards.length === 0 ? <p>{t('common.noData')}</p> : boards.map((board) => <Fund key={board.id} board={board} />))}</Loading>
    </div>
  );
}

function Fund({ board }: { board: BoardFund }) {
  const { t, language } = useI18n();
  const money = (amount: number): string => formatMoney(language, amount, board.currency);
  return (
    <section className="panel" data-fund={board.id}>
      <h2>{board.title} <SourceLinks ids={board.sources} /></h2>
      <p>
        {t('purl.totals', { contributed: money(board.totals.contributed), allocated: money(board.totals.allocated), unallocated: money(board.totals.unallocated), shortfall: money(board.totals.shortfall) })}
        {board.totals.target !== null && ` · ${t('purl.target', { target: money(board.totals.target), share: Math.round((board.totals.fundedShareOfTarget ?? 0) * 100) })}`}
      </p>
      <ul className="cards">
        {board.packages.map((pkg) => (
          <li key={pkg.id} className={`card status-${pkg.status}`} data-package={pkg.id} data-funded-pct={pkg.fundedPct}>
            <h3>P{pkg.priority} · {pkg.title}</h3>
            <p>{t('purl.price')}: {money(pkg.price)} · {t('purl.status')}: <strong>{pkg.status}</strong></p>
            <div className="bar" role="img" aria-label={`${t('purl.funded')}: ${pkg.fundedPct} %`}>
              <div className="bar-certain" style={{ width: `${pkg.fundedPct}%` }} />
            </div>
            <p>
              {t('purl.funded')}: {money(pkg.funded)} ({pkg.fundedPct} %) <SourceLinks ids={pkg.sources} />
              <br />
              <span className="muted small">{t('purl.split', { earmarked: money(pkg.earmarked), pool: money(pkg.fromPool), shortfall: money(pkg.shortfall) })}</span>
            </p>
            <p className="muted small">
              {t('purl.donors')}:{' '}
              {pkg.donors.length === 0
                ? t('common.none')
                : pkg.donors.map((donor, index) => (
                    <span key={donor}>{index > 0 && ', '}<Link to={`/parties/${donor}`}>{donor}</Link></span>
                  ))}
            </p>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('purl.donors')} ({board.donors.length})</summary>
        <table>
          <tbody>
            {board.donors.map((donor) => (
              <tr key={donor.party}>
                <td><Link to={`/parties/${donor.party}`}>{donor.party}</Link></td>
                <td className="number">{money(donor.total)}{donor.jointShareAssumed && ' *'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">* {t('purl.sharesAssumed')}</p>
      </details>
      {board.reported.length > 0 && (
        <details>
          <summary>{t('purl.reported')}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('purl.date')}</th>
                <th scope="col">{t('purl.what')}</th>
                <th scope="col" className="number">{t('purl.reportedAmount')}</th>
                <th scope="col" className="number">{t('purl.computedAmount')}</th>
              </tr>
            </thead>
            <tbody>
              {board.reported.map((entry) => (
                <tr key={`${entry.date}-${entry.what}`}>
                  <td>{entry.date}</td>
                  <td>{entry.what} <SourceLinks ids={entry.sources} /></td>
                  <td className="number">
                    {entry.reported.currency === null
                      ? t('purl.currencyUnknown', { amount: new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 0 }).format(entry.reported.amount / 100) })
                      : formatMoney(language, entry.reported.amount, entry.reported.currency)}
                  </td>
                  <td className="number">{formatMoney(language, entry.computed.amount, entry.computed.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {board.warnings.length > 0 && <ul className="muted small">{board.warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul>}
    </section>
  );
}
