import { lazy, Suspense, useMemo, useState } from 'react';
import { Loading } from '../../components/status.js';
import type { AllocationResult } from '../../../core/analyses/compute-allocation.js';
import type { RiskResult } from '../../../core/analyses/compute-risk.js';
import type { UnlockersResult } from '../../../core/analyses/compute-unlockers.js';
import { useI18n } from '../../i18n/i18n.js';
import { apiRequest } from '../../lib/api-client.js';
import { useAppState } from '../../lib/app-state.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import { type FactRecord, loadCollection, type PartyRecord, type RequirementRecord } from '../../lib/records.js';
import { Link } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { recordNamer } from '../../i18n/record-names.data.js';
import { buildAllocationRows, buildDistribution, buildRiskRows, buildTornado, buildUnlockerBars, defaultRequirement } from './analysis.data.js';
import { describeAllocation, describeFactUnlocker, describePartyUnlocker, describeRisk, type SentenceContext } from './analysis-sentences.js';

// The decision analyses (docs/analyses.md) under the scenario's fact switches and as-of date: what would unlock
// the most, how likely each requirement is met, which facts matter, and who fills what. Each chart has its
// figures written out beside it.

const Charts = lazy(() => import('./analysis-charts.js'));

interface Loaded {
  facts: FactRecord[];
  parties: PartyRecord[];
  unlockers: UnlockersResult;
  risk: RiskResult;
  allocation: AllocationResult;
  /** The requirements' records: capability and area for the sentences. */
  requirements: RequirementRecord[];
}

/** The Analysis page. */
export default function AnalysisPage() {
  const { t } = useI18n();
  const { asOf, overrides } = useAppState();
  const scenario = useMemo(() => ({ facts: [...overrides].map(([id, value]) => ({ id, value })), ...(asOf ? { asOf } : {}) }), [asOf, overrides]);
  const loaded = useLoad(`analysis:${JSON.stringify(scenario)}`, async (): Promise<Loaded> => {
    const [unlockers, risk, allocation, requirements, facts, parties] = await Promise.all([
      apiRequest<UnlockersResult>('POST', '/api/analyses/unlockers', scenario),
      apiRequest<RiskResult>('POST', '/api/analyses/risk', scenario),
      apiRequest<AllocationResult>('POST', '/api/analyses/allocation', scenario),
      loadCollection<RequirementRecord>('requirements', asOf),
      loadCollection<FactRecord>('facts', asOf),
      loadCollection<PartyRecord>('parties', asOf),
    ]);
    return { unlockers, risk, allocation, requirements, facts, parties };
  });
  return (
    <div>
      <h1>{t('analysis.title')}</h1>
      <p className="muted">{t('analysis.intro')} <Link to="/sources">{t('analysis.sourcesLink')}</Link></p>
      <Loading loaded={loaded}>{(data) => <Analyses data={data} />}</Loading>
    </div>
  );
}

function Analyses({ data }: { data: Loaded }) {
  const { t, n, capability, language } = useI18n();
  const requirementName = useMemo(() => recordNamer(language, data.requirements), [language, data.requirements]);
  const factName = useMemo(() => recordNamer(language, data.facts), [language, data.facts]);
  const context = useMemo<SentenceContext>(() => {
    const byId = new Map(data.requirements.map((record) => [record.id, record]));
    return { t, n, capability, requirementOf: (id) => byId.get(id), factName, requirementName, partyName: partyNamer(language, data.parties) };
  }, [data.requirements, data.parties, t, n, capability, factName, requirementName, language]);
  const demandOf = useMemo(() => new Map(data.allocation.requirements.map((row) => [row.requirement, row.demand])), [data.allocation]);
  const bars = useMemo(() => buildUnlockerBars(data.unlockers, demandOf), [data.unlockers, demandOf]);
  const riskRows = useMemo(() => buildRiskRows(data.risk), [data.risk]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const requirement = chosen ?? defaultRequirement(data.risk);
  const distribution = useMemo(() => (requirement ? buildDistribution(data.risk, requirement) : undefined), [data.risk, requirement]);
  const tornado = useMemo(() => (requirement ? buildTornado(data.risk, requirement) : undefined), [data.risk, requirement]);
  const allocation = useMemo(() => buildAllocationRows(data.allocation), [data.allocation]);
  const chosenRisk = data.risk.requirements.find((row) => row.requirement === requirement);
  const riskSentence = chosenRisk ? describeRisk(chosenRisk, data.risk.method, context) : null;
  const short = data.allocation.requirements.filter((row) => row.shortfall !== null && row.shortfall > 0);
  // An exact run's probabilities are exact: no interval to show.
  const sampled = data.risk.method === 'monte-carlo';
  const method = data.risk.method === 'exact' ? t('analysis.risk.exact', { samples: n(data.risk.samples) }) : t('analysis.risk.monteCarlo', { samples: n(data.risk.samples), seed: data.risk.seed ?? 0 });
  return (
    <>
      <section className="panel">
        <h2>{t('analysis.unlockers.title')}</h2>
        <p className="muted">{t('analysis.unlockers.help')}</p>
        <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
          <Charts kind="unlockers" bars={{ ...bars, labels: bars.labels.map(factName) }} />
        </Suspense>
        <ol>{data.unlockers.facts.slice(0, 8).map((fact) => <li key={fact.fact}>{describeFactUnlocker(fact, context)}</li>)}</ol>
        <h3>{t('analysis.parties.title')}</h3>
        <ol>{data.unlockers.parties.slice(0, 5).map((party) => <li key={party.party}>{describePartyUnlocker(party, context)}</li>)}</ol>
      </section>

      <section className="panel">
        <h2>{t('analysis.risk.title')}</h2>
        <p className="muted">{method} · {data.risk.facts.map((fact) => `${factName(fact.fact)} ${n(fact.probability * 100)} %`).join(', ') || t('common.none')}</p>
        {riskRows.length === 0 ? <p>{t('analysis.risk.noEstimates')}</p> : (
          <>
            <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
              <Charts kind="risk" rows={riskRows.map((row) => ({ ...row, requirement: requirementName(row.requirement) }))} />
            </Suspense>
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t('analysis.risk.title')}>
            <table>
              <thead><tr><th scope="col">{t('analysis.requirement')}</th><th scope="col" className="number">{t('analysis.demand')}</th><th scope="col" className="number">{t('analysis.risk.pMin')}</th>{sampled && <th scope="col" className="number">{t('analysis.risk.interval')}</th>}<th scope="col" className="number">{t('analysis.risk.pMax')}</th></tr></thead>
              <tbody>{riskRows.map((row) => (
                <tr key={row.requirement}><th scope="row">{requirementName(row.requirement)}</th><td className="number">{n(row.demand)}</td><td className="number">{n(row.pMin)} %</td>{sampled && <td className="number">{n(row.lowMin)}–{n(row.highMin)} %</td>}<td className="number">{n(row.pMax)} %</td></tr>
              ))}</tbody>
            </table>
            </div>
          </>
        )}
      </section>

      {requirement && distribution && tornado && (
        <section className="panel">
          <h2>{t('analysis.distribution.title')}</h2>
          <label htmlFor="analysis-requirement">{t('analysis.requirement')}</label>{' '}
          <select id="analysis-requirement" value={requirement} onChange={(event) => setChosen(event.target.value)}>
            {data.risk.requirements.filter((row) => row.demand !== null).map((row) => <option key={row.requirement} value={row.requirement}>{requirementName(row.requirement)}</option>)}
          </select>
          {riskSentence && <p>{riskSentence}</p>}
          {distribution.quantiles && <p>{t('analysis.distribution.quantiles', { p5: n(distribution.quantiles.p5), p50: n(distribution.quantiles.p50), p95: n(distribution.quantiles.p95) })}</p>}
          <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
            <Charts kind="distribution" distribution={distribution} />
            <h3>{t('analysis.tornado.title')}</h3>
            {tornado.points.some((points) => points !== 0) && <Charts kind="tornado" tornado={{ ...tornado, facts: tornado.facts.map(factName) }} />}
          </Suspense>
          {tornado.points.some((points) => points !== 0)
            ? <ul>{tornado.facts.map((fact, i) => <li key={fact}>{t('analysis.tornado.line', { fact: factName(fact), points: n(tornado.points[i] ?? 0) })}</li>)}</ul>
            : <p>{t('analysis.tornado.none', { requirement: requirementName(requirement) })}</p>}
        </section>
      )}

      <section className="panel">
        <h2>{t('analysis.allocation.title')}</h2>
        <p className="muted">{t('analysis.allocation.help')}</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('analysis.allocation.title')}>
        <table>
          <thead><tr><th scope="col">{t('analysis.requirement')}</th><th scope="col" className="number">{t('analysis.priority')}</th><th scope="col" className="number">{t('analysis.demand')}</th><th scope="col" className="number">{t('analysis.allocation.filled')}</th><th scope="col" className="number">{t('analysis.allocation.greedy')}</th><th scope="col" className="number">{t('analysis.allocation.shortfall')}</th><th scope="col">{t('analysis.allocation.fillers')}</th></tr></thead>
          <tbody>{allocation.map((row) => (
            <tr key={row.requirement}>
              <th scope="row">{requirementName(row.requirement)}{row.binds && <span className="badge badge-certain"> {t('analysis.allocation.binds')}</span>}</th>
              <td className="number">{row.priority}</td>
              <td className="number">{row.demand === null ? '—' : n(row.demand)}</td>
              <td className="number">{n(row.filled)}</td>
              <td className="number">{n(row.greedy)}</td>
              <td className="number">{row.shortfall === null ? '—' : n(row.shortfall)}</td>
              <td>{row.fillers.length === 0 ? '—' : row.fillers.map((filler) => `${filler.pledge} ${n(filler.quantity)}`).join(', ')}</td>
            </tr>
          ))}</tbody>
        </table>
        </div>
        {short.length > 0 && (
          <>
            <h3>{t('analysis.allocation.shortTitle')}</h3>
            <ul>{short.map((row) => <li key={row.requirement}>{describeAllocation(row, context)}</li>)}</ul>
          </>
        )}
      </section>
    </>
  );
}
