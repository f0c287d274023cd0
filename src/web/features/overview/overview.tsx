import { lazy, Suspense, useMemo } from 'react';
import { Loading } from '../../components/status.js';
import { StateBadge } from '../../components/state-badge.js';
import { useI18n } from '../../i18n/i18n.js';
import { useExplainer } from '../../i18n/use-explainer.js';
import { useAppState } from '../../lib/app-state.js';
import { Link } from '../../lib/router.js';
import { useScenario, type ScenarioView } from '../../lib/use-scenario.js';
import { CoverageBars } from './coverage-bars.js';
import { FactSwitches } from './fact-switches.js';
import { buildCoverageBars, buildFactSwitches, buildHeadline, buildPackageSeries, explainedPledges } from './overview.data.js';

const PackageChart = lazy(() => import('./package-chart.js'));

/** The dashboard: fact switches, headline figures, coverage, the assurance gap and the explanations. */
export function OverviewPage() {
  const scenario = useScenario('overview');
  return <Loading loaded={scenario}>{(view) => <Overview view={view} busy={scenario.loading} />}</Loading>;
}

function Overview({ view, busy }: { view: ScenarioView; busy: boolean }) {
  const { t, name } = useI18n();
  const { overrides, setFact, resetFacts } = useAppState();
  const { reference, result } = view;
  const switches = useMemo(() => buildFactSwitches(reference.facts, overrides), [reference.facts, overrides]);
  const bars = useMemo(() => buildCoverageBars(result.coverage, reference.requirements), [result, reference.requirements]);
  const headline = useMemo(() => buildHeadline(result, reference.parties), [result, reference.parties]);
  const series = useMemo(() => buildPackageSeries(result.packages, reference.packages), [result, reference.packages]);
  const explain = useExplainer(result.pledges);
  const explained = useMemo(() => explainedPledges(result, explain), [result, explain]);
  const partyName = (id: string): string => name(reference.parties.find((party) => party.id === id)?.name, id);
  return (
    <div className="overview" data-scenario={view.key} aria-busy={busy}>
      <section aria-labelledby="scenario-heading" className="panel">
        <h2 id="scenario-heading">{t('overview.scenario')}</h2>
        <p className="muted">{t('overview.scenarioHelp')}</p>
        <FactSwitches switches={switches} onChange={setFact} />
        <button onClick={resetFacts} disabled={overrides.size === 0}>{t('overview.reset')}</button>
      </section>

      <section className="headline" aria-label="headline">
        <p className="big" data-testid="headline-states">{t('overview.headline.states', { contributing: headline.pledging, members: headline.members })}</p>
        <p>{t('overview.headline.certain', { certain: headline.certain, possible: headline.possible, inactive: headline.inactive })}</p>
        <p>{t('overview.headline.parties', { parties: headline.contributingParties })}</p>
        <p>{t('overview.headline.requirements', { met: headline.metAtBest, estimated: headline.estimated })}</p>
      </section>

      <section aria-labelledby="coverage-heading" className="panel">
        <h2 id="coverage-heading">{t('overview.coverage')}</h2>
        <p className="muted legend">
          <span className="swatch swatch-certain" /> {t('state.certain')} <span className="swatch swatch-possible" /> {t('state.possible')}{' '}
          <span className="swatch swatch-demand" /> {t('requirements.demand')} — {t('overview.coverageHelp')}
        </p>
        <CoverageBars bars={bars} />
      </section>

      <section aria-labelledby="packages-heading" className="panel">
        <h2 id="packages-heading">{t('overview.packages')}</h2>
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <PackageChart series={series} />
        </Suspense>
      </section>

      <div className="columns">
        <section aria-labelledby="gap-heading" className="panel">
          <h2 id="gap-heading">{t('overview.gap')}</h2>
          <p className="muted">{t('overview.gapHelp')}</p>
          {result.assuranceGap.length === 0 ? (
            <p>{t('overview.gapNone')}</p>
          ) : (
            <ul className="chips" data-testid="assurance-gap">
              {result.assuranceGap.map((id) => (
                <li key={id}><Link to={`/pledges/${id}`}>{id}</Link></li>
              ))}
            </ul>
          )}
          <h3>{t('overview.groups')}</h3>
          {result.waitingGroups.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <ul>
              {result.waitingGroups.map((group) => (
                <li key={group.join()}>
                  {group.map((id, index) => (
                    <span key={id}>
                      {index > 0 && ' ↔ '}
                      <Link to={`/pledges/${id}`}>{id}</Link>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="inactive-heading" className="panel">
          <h2 id="inactive-heading">{t('overview.inactive')}</h2>
          <ul className="explanations">
            {explained.map((entry) => (
              <li key={entry.id}>
                <StateBadge state={entry.state} /> <Link to={`/parties/${entry.party}`}>{partyName(entry.party)}</Link> · <Link to={`/pledges/${entry.id}`}>{entry.id}</Link>: {entry.explanation}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
