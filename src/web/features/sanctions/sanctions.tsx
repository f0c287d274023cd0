import { type ReactNode, useMemo } from 'react';
import { SourceLinks } from '../../components/source-links.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import type { ScenarioFact } from '../../../core/scenario/evaluate-scenario.js';
import { recordNamer } from '../../i18n/record-names.data.js';
import { apiGet, apiRequest } from '../../lib/api-client.js';
import { useAppState } from '../../lib/app-state.js';
import { type FactRecord, loadCollection, type PartyRecord } from '../../lib/records.js';
import { useLoad } from '../../lib/use-api.js';
import {
  type AlignmentMatrix,
  CELL_STATUSES,
  cellsWithExemptions,
  type DatedOn,
  eventsByYear,
  isSourceDate,
  jurisdictionParty,
  type MatrixCell,
  matrixRows,
  type SanctionsTimeline,
  sanctionsPath,
  splitExemptions,
  type TimelineEvent,
} from './sanctions.data.js';
import { DerivedFactLine } from './derived-fact-line.js';
import './sanctions.css';

/** The derived fact the EU's oil-embargo exemptions decide (docs/sanctions.md, "Derived fact"). */
const OIL_ENDED = 'eu_russian_oil_ended';

// The Sanctions page (docs/sanctions.md): the alignment matrix — measure types by jurisdiction, each cell with its
// status, date, level and exemptions, unknown drawn apart from absent — its legend, the exemptions with their dates,
// and the timeline of packages, measures and exemptions; all as of the app's date. The matrix scrolls in its own box.

/** The Sanctions page. */
export default function SanctionsPage() {
  const { t, language } = useI18n();
  const { asOf } = useAppState();
  const loaded = useLoad(`sanctions:${asOf ?? ''}`, async () => {
    const [matrix, timeline, parties, facts, scenario] = await Promise.all([
      apiGet<AlignmentMatrix>(sanctionsPath('alignment', asOf)),
      apiGet<SanctionsTimeline>(sanctionsPath('timeline', asOf)),
      loadCollection<PartyRecord>('parties', asOf),
      loadCollection<FactRecord>('facts', asOf),
      // The derived fact's value and basis as of the page's date (a scenario without pledges: only its facts are used).
      apiRequest<{ facts: ScenarioFact[] }>('POST', '/api/scenarios/evaluate?pledges=none', asOf ? { asOf } : {}).catch(() => undefined),
    ]);
    return { matrix, timeline, parties, facts, oilEnded: scenario?.facts.find((fact) => fact.id === OIL_ENDED) };
  });
  const party = useMemo(() => partyNamer(language, loaded.data?.parties ?? []), [language, loaded.data]);
  const jurisdiction = (code: string): string => {
    const id = jurisdictionParty(code);
    return id === null ? t('sanctions.eu') : party(id);
  };
  const typeName = (type: string): string => t(`sanctions.type.${type}` as MessageKey);
  const date = (on: DatedOn | null): string => (on === null ? '–' : isSourceDate(on) ? t('sanctions.sourceDate', { date: on.date }) : on.date);
  return (
    <div className="sanctions-page">
      <h1>{t('sanctions.title')}</h1>
      <Loading loaded={loaded}>
        {({ matrix, timeline, facts, oilEnded }) => (
          <>
            <p>{t('sanctions.intro', { date: matrix.asOf })}</p>
            <h2 id="sanctions-matrix">{t('sanctions.matrix')}</h2>
            <div className="table-scroll sanctions-scroll" tabIndex={0} role="region" aria-labelledby="sanctions-matrix">
              <table className="sanctions-matrix">
                <thead>
                  <tr>
                    <th scope="col">{t('sanctions.measure')}</th>
                    {matrix.jurisdictions.map((code) => (
                      <th scope="col" key={code}>
                        {jurisdiction(code)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrixRows(matrix).map((row) => (
                    <tr key={row.type}>
                      <th scope="row">
                        {typeName(row.type)}
                        <span className="muted small block">{t('sanctions.rowHaving', { having: row.having, total: row.cells.length })}</span>
                      </th>
                      {row.cells.map((cell) => (
                        <td key={cell.jurisdiction} className={`sanctions-cell cell-${cell.status}`}>
                          <CellBody cell={cell} date={date} party={party} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <section className="sanctions-legend" aria-labelledby="sanctions-legend">
              <h3 id="sanctions-legend">{t('sanctions.legend')}</h3>
              <ul>
                {CELL_STATUSES.map((status) => (
                  <li key={status}>
                    <span className={`swatch cell-${status}`} aria-hidden="true">{STATUS_MARK[status]}</span> {t(`sanctions.status.${status}`)}
                  </li>
                ))}
              </ul>
              <p className="muted small">{t('sanctions.legend.since')}</p>
              {matrix.untyped.length > 0 && <p className="muted small">{t('sanctions.untyped', { count: matrix.untyped.length })}</p>}
            </section>
            <Exemptions matrix={matrix} jurisdiction={jurisdiction} typeName={typeName} party={party}>
              <DerivedFactLine fact={oilEnded} name={recordNamer(language, facts)(OIL_ENDED)} party={party} />
            </Exemptions>
            <h2>{t('sanctions.timeline')}</h2>
            {eventsByYear(timeline.events).map((group) => (
              <section key={group.year}>
                <h3>{group.year}</h3>
                <ol className="timeline sanctions-timeline">
                  {group.events.map((event, index) => (
                    <Event key={`${event.package}-${event.measure ?? ''}-${event.kind}-${index}`} event={event} jurisdiction={jurisdiction} typeName={typeName} party={party} />
                  ))}
                </ol>
              </section>
            ))}
            {timeline.undated.length > 0 && <p className="muted small">{t('sanctions.undated', { ids: timeline.undated.join(', ') })}</p>}
          </>
        )}
      </Loading>
    </div>
  );
}

const STATUS_MARK: Record<MatrixCell['status'], string> = { in_force: '●', adopted: '◐', proposed: '○', absent: '✕', unknown: '?' };

function CellBody({ cell, date, party }: { cell: MatrixCell; date: (on: DatedOn | null) => string; party: (id: string) => string }) {
  const { t } = useI18n();
  if (cell.status === 'unknown') {
    return (
      <span className="cell-status" title={t('sanctions.status.unknown')}>
        <span aria-hidden="true">{STATUS_MARK.unknown}</span>
        <span className="visually-hidden">{t('sanctions.status.unknown')}</span>
      </span>
    );
  }
  const when =
    cell.since === null
      ? null
      : isSourceDate(cell.since)
        ? date(cell.since)
        : cell.status === 'adopted'
          ? t('sanctions.appliesFrom', { date: cell.since.date })
          : cell.status === 'proposed'
            ? cell.since.date
            : cell.status === 'in_force'
              ? t('sanctions.since', { date: cell.since.date })
              : cell.since.date;
  const { active, ended } = splitExemptions(cell);
  return (
    <>
      <span className="cell-status">
        <span aria-hidden="true">{STATUS_MARK[cell.status]}</span> {t(`sanctions.status.${cell.status}`)}
      </span>
      {when !== null && <span className="block small">{when}</span>}
      {cell.level !== null && (
        <span className="block small level">
          <span data-free-text>{cell.level.text}</span>
          {cell.level.on !== null && cell.level.on.date !== cell.since?.date && <> ({t(isSourceDate(cell.level.on) ? 'sanctions.levelSource' : 'sanctions.levelFrom', { date: cell.level.on.date })})</>}
        </span>
      )}
      {active.length > 0 && <span className="block small exempt">{t('sanctions.exempt', { parties: [...new Set(active.map((entry) => party(entry.party)))].join(', ') })}</span>}
      {ended.length > 0 && <span className="block small muted">{t('sanctions.exemptEnded', { parties: ended.map((entry) => party(entry.party)).join(', ') })}</span>}
      <SourceLinks ids={cell.sources} />
    </>
  );
}

function Exemptions({
  matrix,
  jurisdiction,
  typeName,
  party,
  children,
}: {
  matrix: AlignmentMatrix;
  jurisdiction: (code: string) => string;
  typeName: (type: string) => string;
  party: (id: string) => string;
  /** What the exemptions decide (the derived fact), under the heading. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const cells = cellsWithExemptions(matrix);
  if (cells.length === 0) return null;
  return (
    <section className="sanctions-exemptions">
      <h2>{t('sanctions.exemptions')}</h2>
      {children}
      {cells.map((cell) => (
        <div key={`${cell.type}-${cell.jurisdiction}`}>
          <h3>
            {typeName(cell.type)} · {jurisdiction(cell.jurisdiction)} <SourceLinks ids={cell.sources} />
          </h3>
          <ul>
            {cell.exemptions.map((exemption, index) => (
              <li key={index} className={exemption.ended ? 'ended' : undefined}>
                <strong>{party(exemption.party)}</strong>{' '}
                <span className="muted">
                  ({t('sanctions.span', { from: exemption.since ?? t('sanctions.noStart'), until: exemption.until ?? t('sanctions.noEnd') })})
                </span>
                {exemption.ended && <> <span className="badge badge-ended">{t('sanctions.ended')}</span></>}: <span data-free-text>{exemption.description}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Event({ event, jurisdiction, typeName, party }: { event: TimelineEvent; jurisdiction: (code: string) => string; typeName: (type: string) => string; party: (id: string) => string }) {
  const { t } = useI18n();
  const sourceDated = isSourceDate(event.on);
  const label = event.kind === 'package' && sourceDated ? t('sanctions.event.recorded') : t(`sanctions.event.${event.kind}`);
  const who = [jurisdiction(event.jurisdiction), event.party === undefined ? null : party(event.party)].filter(Boolean).join(' · ');
  return (
    <li className={`event event-sanctions event-${event.kind}${event.future ? ' future' : ''}`}>
      <time dateTime={event.on.date}>{sourceDated ? t('sanctions.sourceDateShort', { date: event.on.date }) : event.on.date}</time>
      <div>
        <span className="muted">
          {label}
          {event.future && ` (${t('sanctions.ahead')})`} · {who}
          {event.type !== undefined && ` · ${typeName(event.type)}`}
        </span>
        <p data-free-text>{event.text}</p>
      </div>
    </li>
  );
}
