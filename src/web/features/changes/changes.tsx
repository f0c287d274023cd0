import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { Money } from '../../components/money.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { apiGet } from '../../lib/api-client.js';
import { loadCollection, type PartyRecord, type RequirementRecord } from '../../lib/records.js';
import { navigate, useLocation } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { formatMoney } from '../purl/purl.data.js';
import {
  type ChangesNames,
  type ChangesPoint,
  type ChangesReport,
  changesPageHref,
  changesPath,
  countChanges,
  describeFieldChanges,
  type FieldChange,
  formatCoverage,
  formatQuantity,
  formatShortfall,
  parsePoint,
  sortMeetings,
} from './changes.data.js';
import './changes.css';

// What changed since a date or a meeting, until another (default today): pledges added, changed field by field,
// withdrawn or superseded; coverage per requirement then and now; contributions, decisions, facts and
// requirements — from GET /api/changes, on what the signed-in user may see.

interface MeetingRecord {
  id: string;
  date: string;
  title: string;
}

const STATUS_KEYS: Record<string, MessageKey | undefined> = {
  announced: 'changes.status.announced',
  offered: 'changes.status.offered',
  committed: 'changes.status.committed',
  approved: 'changes.status.approved',
  delivered: 'changes.status.delivered',
  withdrawn: 'changes.status.withdrawn',
};

type PointDraft = { kind: 'date' | 'meeting' | 'today'; date: string; meeting: string };

const draftOf = (point: ChangesPoint | undefined, fallbackKind: PointDraft['kind']): PointDraft =>
  point === undefined ? { kind: fallbackKind, date: '', meeting: '' } : point.kind === 'date' ? { kind: 'date', date: point.date, meeting: '' } : { kind: 'meeting', date: '', meeting: point.meeting };

const kindOf = (value: string): PointDraft['kind'] => (value === 'date' || value === 'today' ? value : 'meeting');

const pointOf = (draft: PointDraft): ChangesPoint | undefined =>
  draft.kind === 'date' && draft.date ? { kind: 'date', date: draft.date } : draft.kind === 'meeting' && draft.meeting ? { kind: 'meeting', meeting: draft.meeting } : undefined;

/** The Changes page. */
export default function ChangesPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const meetings = useLoad('changes:meetings', async () => sortMeetings(await loadCollection<MeetingRecord>('meetings', undefined)));
  const urlSince = parsePoint(query.get('since'));
  const urlUntil = parsePoint(query.get('until'));
  // Without a start in the URL: since the latest meeting that has taken place.
  const today = new Date().toISOString().slice(0, 10);
  const latest = meetings.data?.find((meeting) => meeting.date <= today);
  const since: ChangesPoint | undefined = urlSince ?? (latest ? { kind: 'meeting', meeting: latest.id } : undefined);
  return (
    <div className="changes-page">
      <h1>{t('changes.title')}</h1>
      <p className="muted">{t('changes.intro')}</p>
      <Loading loaded={meetings}>
        {(list) => (
          <>
            <ChangesPicker meetings={list} since={since} until={urlUntil} />
            {since ? <ChangesReportView since={since} until={urlUntil} /> : <p>{t('changes.pick')}</p>}
          </>
        )}
      </Loading>
    </div>
  );
}

function ChangesPicker({ meetings, since, until }: { meetings: MeetingRecord[]; since: ChangesPoint | undefined; until: ChangesPoint | undefined }) {
  const { t } = useI18n();
  const [from, setFrom] = useState<PointDraft>(() => draftOf(since, 'meeting'));
  const [to, setTo] = useState<PointDraft>(() => draftOf(until, 'today'));
  const sinceKey = since ? JSON.stringify(since) : '';
  const untilKey = until ? JSON.stringify(until) : '';
  useEffect(() => setFrom(draftOf(since, 'meeting')), [sinceKey]);
  useEffect(() => setTo(draftOf(until, 'today')), [untilKey]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = pointOf(from);
    if (!start) return;
    navigate(changesPageHref(start, pointOf(to)));
  };
  const field = (id: string, label: string, draft: PointDraft, set: (next: PointDraft) => void, allowToday: boolean) => (
    <fieldset className="changes-point">
      <legend>{label}</legend>
      <select id={`${id}-kind`} aria-label={t('changes.kind', { label })} value={draft.kind} onChange={(event) => set({ ...draft, kind: kindOf(event.target.value) })}>
        <option value="meeting">{t('changes.kind.meeting')}</option>
        <option value="date">{t('changes.kind.date')}</option>
        {allowToday && <option value="today">{t('changes.kind.today')}</option>}
      </select>
      {draft.kind === 'date' && <input id={`${id}-date`} type="date" aria-label={label} value={draft.date} required onChange={(event) => set({ ...draft, date: event.target.value })} />}
      {draft.kind === 'meeting' && (
        <select id={`${id}-meeting`} aria-label={label} value={draft.meeting} required onChange={(event) => set({ ...draft, meeting: event.target.value })}>
          <option value="">{t('changes.chooseMeeting')}</option>
          {meetings.map((meeting) => (
            <option key={meeting.id} value={meeting.id}>
              {meeting.date} · {meeting.title.length > 70 ? `${meeting.title.slice(0, 68)}…` : meeting.title}
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
  return (
    <form className="changes-picker" onSubmit={submit}>
      {field('since', t('changes.since'), from, setFrom, false)}
      {field('until', t('changes.until'), to, setTo, true)}
      <button type="submit">{t('changes.show')}</button>
    </form>
  );
}

function ChangesReportView({ since, until }: { since: ChangesPoint; until: ChangesPoint | undefined }) {
  const { t, n, name, capability, language } = useI18n();
  const path = changesPath(since, until);
  const loaded = useLoad(`changes:${path}`, async () => {
    const report = await apiGet<ChangesReport>(path);
    // Parties and requirements of both dates for their names; the pledges the report names come with it.
    const [parties, requirements, meetings, funds] = await Promise.all([
      Promise.all([loadCollection<PartyRecord>('parties', report.since), loadCollection<PartyRecord>('parties', report.until)]).then(([then, now]) => [...then, ...now]),
      Promise.all([loadCollection<RequirementRecord>('requirements', report.since), loadCollection<RequirementRecord>('requirements', report.until)]).then(([then, now]) => [...then, ...now]),
      loadCollection<MeetingRecord>('meetings', undefined),
      loadCollection<{ id: string; title: string }>('funds', undefined),
    ]);
    // The currency of a changed contribution (the report names only its changed fields).
    const contributions = report.contributions.changed.length > 0 ? await loadCollection<{ id: string; currency: string }>('contributions', undefined) : [];
    return { report, parties, requirements, meetings, funds, currencies: new Map(contributions.map((item) => [item.id, item.currency])) };
  });
  const names = useMemo<ChangesNames | undefined>(() => {
    if (!loaded.data) return undefined;
    const { meetings, funds, report } = loaded.data;
    const parties = new Map(loaded.data.parties.map((party) => [party.id, party]));
    const requirements = new Map(loaded.data.requirements.map((requirement) => [requirement.id, requirement]));
    const pledges = new Map([...report.namedPledges, ...report.pledges.added, ...report.pledges.removed].map((pledge) => [pledge.id, pledge]));
    const meetingTitles = new Map(meetings.map((meeting) => [meeting.id, meeting.title]));
    const fundTitles = new Map(funds.map((fund) => [fund.id, fund.title]));
    const party = (id: string) => name(parties.get(id)?.name, id);
    return {
      party,
      capability,
      requirement: (id) => {
        const requirement = requirements.get(id);
        return requirement ? `${capability(requirement.capability)} (${requirement.area})` : id;
      },
      meeting: (id) => meetingTitles.get(id) ?? id,
      fund: (id) => fundTitles.get(id) ?? id,
      pledge: (id) => {
        const pledge = pledges.get(id);
        if (!pledge) return id;
        return `${party(pledge.party)}: ${capability(pledge.capability)} ${pledge.quantity ? formatQuantity(pledge.quantity, { number: n }) : `(${t('changes.noFigure')})`}`;
      },
      number: n,
      money: (minorUnits, currency) => formatMoney(language, minorUnits, currency),
    };
  }, [loaded.data, language]);
  return (
    <Loading loaded={loaded}>
      {({ report, currencies }) => (names ? <ReportBody report={report} names={names} currencies={currencies} /> : null)}
    </Loading>
  );
}

function ReportBody({ report, names, currencies }: { report: ChangesReport; names: ChangesNames; currencies: ReadonlyMap<string, string> }) {
  const { t, language } = useI18n();
  const [onlyChanged, setOnlyChanged] = useState(true);
  const counts = countChanges(report);
  const statusWord = (status: string) => {
    const key = STATUS_KEYS[status];
    return key ? t(key) : status;
  };
  const dated = (date: string, meeting: ChangesReport['sinceMeeting']) => (meeting ? `${date} (${meeting.title})` : date);
  const rows = report.coverage.filter((row) => !onlyChanged || row.changed);
  const fieldList = (fields: readonly FieldChange[], currency?: string) => (
    <ul className="field-changes">
      {describeFieldChanges(fields, names, currency).map((change) => (
        <li key={change.field}>
          <span className="mono">{change.field}</span>: <del>{change.before}</del> → <ins>{change.after}</ins>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="changes-report" data-testid="changes-report">
      <p className="changes-summary">
        {t('changes.span', { since: dated(report.since, report.sinceMeeting), until: dated(report.until, report.untilMeeting) })} <strong>{t('changes.count', { count: counts.total })}</strong>
      </p>
      {counts.total === 0 && <p>{t('changes.none')}</p>}

      <Part title={t('changes.pledges')} count={counts.pledges}>
        <Listed title={t('changes.pledgesAdded')} items={report.pledges.added.map((pledge) => ({ key: pledge.id, body: <>{names.pledge(pledge.id)} · {statusWord(pledge.status)} <span className="muted mono">{pledge.id}</span></> }))} />
        <Listed title={t('changes.pledgesChanged')} items={report.pledges.changed.map((change) => ({ key: change.id, body: <>{names.pledge(change.id)} <span className="muted mono">{change.id}</span>{fieldList(change.fields)}</> }))} />
        <Listed title={t('changes.pledgesWithdrawn')} items={report.pledges.withdrawn.map((item) => ({ key: item.id, body: <>{names.pledge(item.id)}{item.on ? ` · ${item.on}` : ''} <span className="muted mono">{item.id}</span></> }))} />
        <Listed title={t('changes.pledgesSuperseded')} items={report.pledges.superseded.map((item) => ({ key: item.id, body: <>{names.pledge(item.id)} → {names.pledge(item.by)} <span className="muted mono">{item.id} → {item.by}</span></> }))} />
        <Listed title={t('changes.pledgesRemoved')} items={report.pledges.removed.map((pledge) => ({ key: pledge.id, body: <>{names.pledge(pledge.id)} <span className="muted mono">{pledge.id}</span></> }))} />
      </Part>

      <section className="changes-part">
        <h2>{t('changes.coverage')} <span className="muted small">({t('changes.moved', { count: counts.coverage })})</span></h2>
        <label className="small">
          <input type="checkbox" checked={onlyChanged} onChange={(event) => setOnlyChanged(event.target.checked)} /> {t('changes.onlyMoved')}
        </label>
        {rows.length === 0 ? (
          <p className="muted">{t('changes.coverageSame')}</p>
        ) : (
          <ul className="coverage-changes">
            {rows.map((row) => (
              <li key={row.requirement} className={row.changed ? 'moved' : undefined} data-requirement={row.requirement}>
                <span className="requirement">{names.requirement(row.requirement)}</span>
                <span className="figures">
                  <span>
                    <span className="muted small">{t('changes.then')}</span> {formatCoverage(row.then, names)}
                  </span>
                  <span>
                    <span className="muted small">{t('changes.now')}</span> {formatCoverage(row.now, names)}
                  </span>
                  <span>
                    <span className="muted small">{t('changes.shortfall')}</span> {formatShortfall(row.then, names)} → {formatShortfall(row.now, names)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Part title={t('changes.contributions')} count={counts.contributions}>
        <Listed
          title={t('changes.added')}
          items={report.contributions.added.map((item) => ({
            key: item.id,
            body: (
              <>
                {names.fund(item.fund)}: {item.donors.map((donor) => names.party(donor.party)).join(', ')} · {item.amount === null ? t('changes.noAmount') : <Money language={language} amount={item.amount} currency={item.currency} />} · {item.date}
              </>
            ),
          }))}
        />
        <Listed title={t('changes.changed')} items={report.contributions.changed.map((change) => ({ key: change.id, body: <><span className="mono">{change.id}</span>{fieldList(change.fields, currencies.get(change.id))}</> }))} />
        <Listed title={t('changes.removed')} items={report.contributions.removed.map((item) => ({ key: item.id, body: <>{names.fund(item.fund)} · {item.date} <span className="muted mono">{item.id}</span></> }))} />
      </Part>

      <Part title={t('changes.decisions')} count={counts.decisions}>
        {[...new Set(report.decisions.added.map((item) => item.meeting))].map((meeting) => (
          <Listed key={meeting} title={`${t('changes.added')}: ${names.meeting(meeting)}`} items={report.decisions.added.filter((item) => item.meeting === meeting).map((item) => ({ key: item.id, body: <>{item.text}</> }))} />
        ))}
        <Listed title={t('changes.changed')} items={report.decisions.changed.map((change) => ({ key: change.id, body: <><span className="mono">{change.id}</span>{fieldList(change.fields)}</> }))} />
        <Listed title={t('changes.removed')} items={report.decisions.removed.map((item) => ({ key: item.id, body: <>{item.text}</> }))} />
      </Part>

      <Part title={t('changes.facts')} count={counts.facts}>
        <Listed title={t('changes.added')} items={report.facts.added.map((fact) => ({ key: fact.id, body: <><span className="mono">{fact.id}</span> = {String(fact.value)}{fact.description ? ` · ${fact.description}` : ''}</> }))} />
        <Listed title={t('changes.changed')} items={report.facts.changed.map((change) => ({ key: change.id, body: <><span className="mono">{change.id}</span>{fieldList(change.fields)}</> }))} />
        <Listed title={t('changes.removed')} items={report.facts.removed.map((fact) => ({ key: fact.id, body: <span className="mono">{fact.id}</span> }))} />
      </Part>

      <Part title={t('changes.requirements')} count={counts.requirements}>
        <Listed title={t('changes.added')} items={report.requirements.added.map((item) => ({ key: item.id, body: <>{names.requirement(item.id)} <span className="muted mono">{item.id}</span></> }))} />
        <Listed title={t('changes.changed')} items={report.requirements.changed.map((change) => ({ key: change.id, body: <>{names.requirement(change.id)}{fieldList(change.fields)}</> }))} />
        <Listed title={t('changes.removed')} items={report.requirements.removed.map((item) => ({ key: item.id, body: <span className="mono">{item.id}</span> }))} />
      </Part>
    </div>
  );
}

function Part({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="changes-part">
      <h2>
        {title} <span className="muted small">({count})</span>
      </h2>
      {children}
    </section>
  );
}

function Listed({ title, items }: { title: string; items: { key: string; body: ReactNode }[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>
        {title} ({items.length})
      </h3>
      <ul className="changes-list">
        {items.map((item) => (
          <li key={item.key}>{item.body}</li>
        ))}
      </ul>
    </>
  );
}
