import { type ReactNode, useMemo } from 'react';
import { knownAsOf } from '../../../core/funding/known-as-of.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { CurrencyNote } from '../../components/currency-note.js';
import { Money } from '../../components/money.js';
import { SourceLinks } from '../../components/source-links.js';
import { statusName } from '../../i18n/labels.data.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import { translateWarning } from '../../i18n/warnings.data.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { apiGet, withQuery } from '../../lib/api-client.js';
import { useAppState } from '../../lib/app-state.js';
import { type ContributionRecord, type FundPackageRecord, type FundRecord, loadCollection, type PartyRecord } from '../../lib/records.js';
import { Link } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { type BoardFund, buildFundBoard, formatMoney, type FundAllocation } from './purl.data.js';

// The PURL board: each fund's packages as cards (price, funded share as a bar and in figures, earmarked and
// from the pool, the donors), the donors by amount, and the totals reported publicly beside the computed ones.

/** The PURL board page. */
export default function PurlPage() {
  const { asOf, currency } = useAppState();
  const loaded = useLoad(`purl:${asOf ?? ''}:${currency}`, async () => {
    const [funds, packages, contributions, parties] = await Promise.all([
      loadCollection<FundRecord>('funds', asOf),
      loadCollection<FundPackageRecord>('fund-packages', asOf),
      loadCollection<ContributionRecord>('contributions', asOf),
      loadCollection<PartyRecord>('parties', asOf),
    ]);
    // A fund announced after the as-of date did not exist yet.
    const known = funds.filter((fund) => asOf === undefined || knownAsOf(fund, asOf));
    const allocations = await Promise.all(known.map((fund) => apiGet<FundAllocation>(withQuery(`/api/funds/${encodeURIComponent(fund.id)}/allocation`, { asOf, currency }))));
    return { boards: allocations.map((allocation) => buildFundBoard(allocation, contributions, packages)), parties };
  });
  const { t } = useI18n();
  return (
    <div>
      <h1>{t('purl.title')}</h1>
      <Loading loaded={loaded}>
        {({ boards, parties }) =>
          boards.length === 0 ? (
            <p>{t('common.noData')}</p>
          ) : (
            <>
              <CurrencyNote rateDate={boards.find((board) => board.rateDate !== null)?.rateDate ?? null} perContribution />
              {boards.map((board) => <Fund key={board.id} board={board} parties={parties} />)}
            </>
          )
        }
      </Loading>
    </div>
  );
}

function Fund({ board, parties }: { board: BoardFund; parties: readonly PartyRecord[] }) {
  const { t, language } = useI18n();
  const money = (amount: number): ReactNode => <Money language={language} amount={amount} currency={board.currency} />;
  const text = (amount: number): string => formatMoney(language, amount, board.currency);
  const party = partyNamer(language, parties);
  return (
    <section className="panel" data-fund={board.id}>
      <h2>{board.title} <SourceLinks ids={board.sources} /></h2>
      <p>
        {t('purl.totals', { contributed: text(board.totals.contributed), allocated: text(board.totals.allocated), unallocated: text(board.totals.unallocated), shortfall: text(board.totals.shortfall) })}
        {board.totals.target !== null && ` · ${t('purl.target', { target: text(board.totals.target), share: Math.round((board.totals.fundedShareOfTarget ?? 0) * 100) })}`}
      </p>
      <ul className="cards">
        {board.packages.map((pkg) => (
          <li key={pkg.id} className={`card status-${pkg.status}`} data-package={pkg.id} data-funded-pct={pkg.fundedPct}>
            <h3>P{pkg.priority} · <span data-free-text>{pkg.title}</span></h3>
            <p>{t('purl.price')}: {money(pkg.price)} · {t('purl.status')}: <strong>{statusName(t, pkg.status)}</strong></p>
            <div className="bar" role="img" aria-label={`${t('purl.funded')}: ${pkg.fundedPct} %`}>
              <div className="bar-certain" style={{ width: `${pkg.fundedPct}%` }} />
            </div>
            <p>
              {t('purl.funded')}: {money(pkg.funded)} ({pkg.fundedPct} %) <SourceLinks ids={pkg.sources} />
              <br />
              <span className="muted small">{t('purl.split', { earmarked: text(pkg.earmarked), pool: text(pkg.fromPool), shortfall: text(pkg.shortfall) })}</span>
            </p>
            <p className="muted small">
              {t('purl.donors')}:{' '}
              {pkg.donors.length === 0
                ? t('common.none')
                : pkg.donors.map((donor, index) => (
                    <span key={donor}>{index > 0 && ', '}<Link to={`/parties/${donor}`}>{party(donor)}</Link></span>
                  ))}
            </p>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('purl.donors')} ({board.donors.length})</summary>
        <DonorTable name={`purl-donors-${board.id}`} donors={board.donors} party={party} text={text} money={money} sources={board.sources} />
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
                <th scope="col" className="number">{t('money.reportedIn')}</th>
                <th scope="col" className="number">{t('purl.reportedAmount')}</th>
                <th scope="col" className="number">{t('purl.computedAmount')}</th>
              </tr>
            </thead>
            <tbody>
              {board.reported.map((entry) => {
                const asReported = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(entry.reported.amount / 1e11);
                return (
                  <tr key={`${entry.date}-${entry.what}`} className={entry.reported.currency === null ? 'flagged' : undefined} data-currency-unknown={entry.reported.currency === null || undefined}>
                    <td>{entry.date}</td>
                    <td><span data-free-text>{entry.what}</span> <SourceLinks ids={entry.sources} /></td>
                    <td className="number">
                      {entry.reported.currency === null ? (
                        <>{t('purl.currencyUnknown', { amount: asReported })} <span className="badge badge-flag">⚠ {t('money.currencyUnknown')}</span></>
                      ) : (
                        <Money language={language} amount={entry.reported.amount} currency={entry.reported.currency} />
                      )}
                    </td>
                    <td className="number">
                      {entry.reportedConverted ? (
                        <Money language={language} amount={entry.reportedConverted.amount} currency={entry.reportedConverted.currency} conversion={entry.reportedConverted.conversion} />
                      ) : entry.reported.currency === null ? (
                        <span className="muted small">{t('money.currencyUnknownWhy')}</span>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="number">{money(entry.computed.amount)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      )}
      {board.warnings.length > 0 && (
        <ul className="muted small" data-free-text>
          {board.warnings.map((warning) => {
            const said = translateWarning(language, warning, party);
            return <li key={warning} lang={said.translated ? undefined : 'en'}>{said.text}</li>;
          })}
        </ul>
      )}
    </section>
  );
}

type Donor = BoardFund['donors'][number];

/** The fund's donors by amount (the shared table). */
function DonorTable({ name, donors, party, text, money, sources }: { name: string; donors: readonly Donor[]; party: (id: string) => string; text: (amount: number) => string; money: (amount: number) => ReactNode; sources: readonly string[] }) {
  const { t } = useI18n();
  const columns = useMemo<Column<Donor>[]>(
    () => [
      { id: 'party', header: t('pledges.party'), rowHeader: true, text: (donor) => party(donor.party), cell: (donor) => <Link to={`/parties/${donor.party}`}>{party(donor.party)}</Link> },
      { id: 'total', header: t('purl.donated'), numeric: true, text: (donor) => `${text(donor.total)}${donor.jointShareAssumed ? ' *' : ''}`, sort: (donor) => donor.total, cell: (donor) => <>{money(donor.total)}{donor.jointShareAssumed && ' *'}</> },
    ],
    [t, party, text, money],
  );
  return <DataTable name={name} caption={t('purl.donors')} rows={donors} columns={columns} rowKey={(donor) => donor.party} sources={() => sources} searchable={donors.length > 8} />;
}
