import { type FormEvent, useState } from 'react';
import type { incidentType } from '../../../contracts/record-types/incident.record.js';
import type { ResponseOf } from '../../../contracts/record-types/response-schema.js';
import { Loading } from '../../components/status.js';
import { useI18n } from '../../i18n/i18n.js';
import { areaName } from '../../i18n/labels.data.js';
import type { MessageKey } from '../../i18n/messages.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import { apiGet, apiListAll, apiRequest, ApiError } from '../../lib/api-client.js';
import { useAppState } from '../../lib/app-state.js';
import { clearCache } from '../../lib/cache.js';
import { loadCollection, type PartyRecord, type PledgeRecord, type RequirementRecord } from '../../lib/records.js';
import { useLoad } from '../../lib/use-api.js';
import { useSession } from '../../session/session.js';
import { type DerivedFactView, describeBasis, monitorsByArea } from './incidents.data.js';

// The monitoring log (docs/incidents.md): the derived `violation` and what it rests on, the incidents with names,
// status and area, their details with the four-eyes actions for coordinators, a form to report one, and who
// monitors which area (the pledges to the monitoring requirement).

type Incident = ResponseOf<typeof incidentType>;
interface Pending { requestedBy: string; requestedAt: string; revision: string }

const KINDS = ['shelling', 'air_strike', 'drone', 'missile', 'incursion', 'ceasefire_breach_other', 'other'] as const;
const SEVERITIES = ['low', 'medium', 'high'] as const;
const AREAS = ['ua', 'ua.front', 'ua.rear', 'ua.airspace', 'black_sea', 'outside_ua'] as const;

async function loadPage(asOf: string | undefined) {
  const [reference, incidents, scenario] = await Promise.all([
    loadMonitoring(asOf),
    apiListAll<Incident>('/api/incidents'),
    apiRequest<{ facts: ({ id: string } & DerivedFactView)[] }>('POST', '/api/scenarios/evaluate?pledges=none', asOf ? { asOf } : {}),
  ]);
  const pending = new Map<string, Pending>();
  for (const incident of incidents.filter((item) => item.status !== 'verified')) {
    try {
      pending.set(incident.id, await apiGet<Pending>(`/api/incidents/${encodeURIComponent(incident.id)}/verification`));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
    }
  }
  return { reference, incidents: [...incidents].sort((a, b) => (b.date + (b.time ?? '')).localeCompare(a.date + (a.time ?? ''))), violation: scenario.facts.find((fact) => fact.id === 'violation'), pending };
}

// Parties, and the monitoring requirement with the pledges of its capability alone (the list filtered on the server).
async function loadMonitoring(asOf: string | undefined): Promise<{ parties: PartyRecord[]; monitoring: RequirementRecord | undefined; pledges: PledgeRecord[] }> {
  const [parties, requirements] = await Promise.all([loadCollection<PartyRecord>('parties', asOf), loadCollection<RequirementRecord>('requirements', asOf)]);
  const monitoring = requirements.find((requirement) => requirement.id === 'req-monitoring') ?? requirements.find((requirement) => requirement.capability === 'monitoring.observers');
  const pledges = monitoring ? await apiListAll<PledgeRecord>('/api/pledges', { asOf, capability: monitoring.capability }) : [];
  return { parties, monitoring, pledges };
}

/** The Incidents page. */
export default function IncidentsPage() {
  const { t, language } = useI18n();
  const { asOf } = useAppState();
  const { session } = useSession();
  const loaded = useLoad(`incidents-page:${asOf ?? ''}`, () => loadPage(asOf));
  const [selected, setSelected] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const coordinator = session.kind === 'signed-in' && session.user.role === 'coordinator';
  const me = session.kind === 'signed-in' ? session.user.name : undefined;
  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
      clearCache();
      loaded.reload();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div>
      <h1>{t('incidents.title')}</h1>
      <p className="muted">{t('incidents.intro')}</p>
      {problem && <p role="alert" className="problem">{problem}</p>}
      <Loading loaded={loaded}>
        {({ reference, incidents, violation, pending }) => {
          const name = partyNamer(language, reference.parties);
          const basis = describeBasis(violation);
          const monitoring = reference.monitoring;
          const monitors = monitoring ? monitorsByArea(reference.pledges, monitoring.capability) : [];
          const current = incidents.find((incident) => incident.id === selected);
          return (
            <>
              <section aria-labelledby="violation-heading">
                <h2 id="violation-heading">{t('incidents.violation')}</h2>
                {violation?.derived ? (
                  <>
                    <p><strong>{t('incidents.violation.derived', { since: violation.derived.since ?? '' })}</strong></p>
                    <ul>{basis.map((entry) => <li key={entry.id}>{t('incidents.violation.basis', { title: entry.title, date: entry.date, confirmed: entry.confirmedOn ?? '—' })}</li>)}</ul>
                  </>
                ) : (
                  <p>{t('incidents.violation.recorded', { value: t(`fact.${String(violation?.value ?? 'unknown')}` as MessageKey) })}</p>
                )}
              </section>
              <section aria-labelledby="log-heading">
                <h2 id="log-heading">{t('incidents.log')}</h2>
                {incidents.length === 0 ? (
                  <p>{t('incidents.empty')}</p>
                ) : (
                  <div className="table-scroll">
                    <table>
                      <thead>
                        <tr>{(['when', 'title', 'kind', 'area', 'severity', 'reportedBy', 'status'] as const).map((column) => <th key={column} scope="col">{t(`incidents.col.${column}` as MessageKey)}</th>)}</tr>
                      </thead>
                      <tbody>
                        {incidents.map((incident) => (
                          <tr key={incident.id} aria-selected={incident.id === selected}>
                            <td>{incident.date}{incident.time ? ` ${incident.time}` : ''}</td>
                            <td><button type="button" className="link" onClick={() => setSelected(incident.id)}>{incident.title}</button></td>
                            <td>{t(`incidents.kind.${incident.kind}` as MessageKey)}</td>
                            <td>{areaName(t, incident.area)}</td>
                            <td>{t(`incidents.severity.${incident.severity}` as MessageKey)}</td>
                            <td>{name(incident.reportedBy)}</td>
                            <td>{t(`incidents.status.${incident.status}` as MessageKey)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
              {current && (
                <section aria-labelledby="detail-heading" className="card">
                  <h2 id="detail-heading">{t('incidents.details')}: {current.title}</h2>
                  <p>
                    {current.date}{current.time ? ` ${current.time} UTC` : ''} · {areaName(t, current.area)}
                    {current.location && <> · {t('incidents.location')}: {current.location.lat}, {current.location.lon}</>} · {name(current.reportedBy)} · {t(`incidents.status.${current.status}` as MessageKey)}
                    {current.verifiedOn && <> · {t('incidents.verifiedOn', { date: current.verifiedOn })}</>}
                  </p>
                  {current.note && <p data-free-text>{current.note}</p>}
                  {pending.get(current.id) && <p>{t('incidents.pending', { name: pending.get(current.id)?.requestedBy ?? '', date: (pending.get(current.id)?.requestedAt ?? '').slice(0, 10) })}</p>}
                  {coordinator && <VerificationActions incident={current} pending={pending.get(current.id)} me={me} act={act} />}
                </section>
              )}
              {coordinator && <ReportForm parties={reference.parties} act={act} />}
              <section aria-labelledby="monitoring-heading">
                <h2 id="monitoring-heading">{t('incidents.monitoring')}</h2>
                {monitoring && <p className="muted">{t('incidents.monitoring.intro', { requirement: monitoring.name?.[language] ?? monitoring.title ?? monitoring.id })}</p>}
                {monitors.length === 0 ? <p>{t('incidents.monitoring.none')}</p> : (
                  <ul>{monitors.map((row) => <li key={row.area}><strong>{areaName(t, row.area)}</strong>: {row.parties.map(name).join(', ')}</li>)}</ul>
                )}
              </section>
            </>
          );
        }}
      </Loading>
    </div>
  );
}

function VerificationActions({ incident, pending, me, act }: { incident: Incident; pending: Pending | undefined; me: string | undefined; act: (work: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useI18n();
  const path = `/api/incidents/${encodeURIComponent(incident.id)}`;
  const setStatus = (status: 'disputed' | 'dismissed') => {
    const { version, createdAt: _c, updatedAt: _u, ...record } = incident;
    return act(() => apiRequest('PUT', path, { ...record, status }, { 'if-match': `"${version}"` }));
  };
  return (
    <p className="actions">
      {incident.status !== 'verified' && !pending && <button type="button" onClick={() => act(() => apiRequest('POST', `${path}/verification`, { version: incident.version }))}>{t('incidents.ask')}</button>}
      {pending && pending.requestedBy !== me && <button type="button" onClick={() => act(() => apiRequest('POST', `${path}/verification/confirmation`, { revision: pending.revision }))}>{t('incidents.confirm')}</button>}
      {pending && pending.requestedBy === me && <span className="muted">{t('incidents.samePerson')} </span>}
      {pending && <button type="button" onClick={() => act(() => apiRequest('DELETE', `${path}/verification`))}>{t('incidents.withdraw')}</button>}
      {incident.status !== 'disputed' && <button type="button" onClick={() => setStatus('disputed')}>{t('incidents.dispute')}</button>}
      {incident.status !== 'dismissed' && <button type="button" onClick={() => setStatus('dismissed')}>{t('incidents.dismiss')}</button>}
    </p>
  );
}

function ReportForm({ parties, act }: { parties: readonly { id: string; name?: { en: string; de: string } }[]; act: (work: () => Promise<unknown>) => Promise<void> }) {
  const { t, language } = useI18n();
  const name = partyNamer(language, parties);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? '').trim();
    const record = {
      id: `inc-${text('date')}-${Math.abs([...text('title')].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, 7)).toString(36)}`,
      title: text('title'), date: text('date'), area: text('area'), kind: text('kind'), severity: text('severity'), reportedBy: text('reportedBy'),
      ...(text('time') ? { time: text('time') } : {}), ...(text('note') ? { note: text('note') } : {}), sources: [],
    };
    void act(() => apiRequest('POST', '/api/incidents', record));
  };
  const options = (values: readonly string[], label: (value: string) => string) => values.map((value) => <option key={value} value={value}>{label(value)}</option>);
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('incidents.report')}</h2>
      <form className="form" onSubmit={submit}>
        <label htmlFor="incident-title">{t('incidents.field.title')}</label>
        <input id="incident-title" name="title" required />
        <label htmlFor="incident-date">{t('incidents.field.date')}</label>
        <input id="incident-date" name="date" type="date" required />
        <label htmlFor="incident-time">{t('incidents.field.time')}</label>
        <input id="incident-time" name="time" type="time" />
        <label htmlFor="incident-area">{t('incidents.col.area')}</label>
        <select id="incident-area" name="area">{options(AREAS, (area) => areaName(t, area))}</select>
        <label htmlFor="incident-kind">{t('incidents.col.kind')}</label>
        <select id="incident-kind" name="kind">{options(KINDS, (kind) => t(`incidents.kind.${kind}` as MessageKey))}</select>
        <label htmlFor="incident-severity">{t('incidents.col.severity')}</label>
        <select id="incident-severity" name="severity">{options(SEVERITIES, (severity) => t(`incidents.severity.${severity}` as MessageKey))}</select>
        <label htmlFor="incident-reportedBy">{t('incidents.col.reportedBy')}</label>
        <select id="incident-reportedBy" name="reportedBy" defaultValue="UA">{options(parties.map((party) => party.id), name)}</select>
        <label htmlFor="incident-note">{t('incidents.field.note')}</label>
        <input id="incident-note" name="note" />
        <p className="actions"><button type="submit">{t('incidents.report.submit')}</button></p>
      </form>
    </section>
  );
}
