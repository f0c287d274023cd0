import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioFact } from '../../../core/scenario/evaluate-scenario.js';
import type { FactValue } from '../../../core/types.js';
import { Loading } from '../../components/status.js';
import { StateBadge } from '../../components/state-badge.js';
import { useI18n } from '../../i18n/i18n.js';
import { useExplainer } from '../../i18n/use-explainer.js';
import { useAppState } from '../../lib/app-state.js';
import { Link } from '../../lib/router.js';
import { useScenario, type ScenarioView } from '../../lib/use-scenario.js';
import { CoverageBars } from './coverage-bars.js';
import { FactSwitches } from './fact-switches.js';
import { capabilityUnit } from '../../i18n/capabilities.data.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import { recordNamer } from '../../i18n/record-names.data.js';
import { apiRequest } from '../../lib/api-client.js';
import { useLoad } from '../../lib/use-api.js';
import { AnswerPanel, UnestimatedList } from './answer.js';
import { buildAnswer, buildCoverageBars, buildFactSwitches, buildHeadline, buildPackageSeries, derivedValues, explainedPledges, scenarioFacts, type UnlockerFacts } from './overview.data.js';

const PackageChart = lazy(() => import('./package-chart.js'));

/** The dashboard: fact switches, headline figures, coverage, the assurance gap and the explanations. */
export function OverviewPage() {
  const scenario = useScenario();
  return <Loading loaded={scenario}>{(view) => <Overview view={view} busy={scenario.loading} />}</Loading>;
}

/** A package's name up to its first colon, at most 40 characters (a chart's axis label). */
function shortName(name: string): string {
  const head = name.split(':')[0] ?? name;
  return head.length <= 40 ? head : `${head.slice(0, 39)}…`;
}

/** `value`, once it has stayed the same for `ms` (the unlockers wait until the switching stops). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

// A switched derived fact's result no longer says what the records derive, so what earlier results said is kept
// (per as-of date): the switch then still marks the choice as a departure from the records.
function useDerivedValues(facts: readonly ScenarioFact[], asOf: string | undefined): ReadonlyMap<string, FactValue> {
  const memory = useRef<{ asOf: string | undefined; values: Map<string, FactValue> }>({ asOf, values: new Map() });
  return useMemo(() => {
    if (memory.current.asOf !== asOf) memory.current = { asOf, values: new Map() };
    for (const [id, value] of derivedValues(facts)) memory.current.values.set(id, value);
    return new Map(memory.current.values);
  }, [facts, asOf]);
}

function Overview({ view, busy }: { view: ScenarioView; busy: boolean }) {
  const { t, language } = useI18n();
  const { overrides, setFact, resetFacts, asOf } = useAppState();
  const { reference, result } = view;
  const derived = useDerivedValues(result.facts, asOf);
  const switches = useMemo(() => buildFactSwitches(reference.facts, overrides, derived), [reference.facts, overrides, derived]);
  const estimated = useMemo(() => result.coverage.filter((row) => row.demand !== null && row.demand > 0), [result]);
  const bars = useMemo(() => buildCoverageBars(estimated, reference.requirements), [estimated, reference.requirements]);
  const headline = useMemo(() => buildHeadline(result, reference.parties), [result, reference.parties]);
  const packageName = useMemo(() => recordNamer(language, reference.packages), [language, reference.packages]);
  const requirementName = useMemo(() => recordNamer(language, reference.requirements), [language, reference.requirements]);
  const factName = useMemo(() => recordNamer(language, reference.facts), [language, reference.facts]);
  const series = useMemo(
    () => buildPackageSeries(result.coverage, (capability) => capabilityUnit(language, capability) || capability, (pkg, unit) => `${shortName(packageName(pkg))} — ${unit}`),
    [result, language, packageName],
  );
  const explain = useExplainer(result.pledges, reference);
  const explained = useMemo(() => explainedPledges(result, explain), [result, explain]);
  const gap = useMemo(() => explainedPledges(result, explain, ['certain']), [result, explain]);
  const partyName = useMemo(() => partyNamer(language, reference.parties), [language, reference.parties]);
  // What would unlock the missing supply: asked once the switching has settled, so it never slows a switch.
  const settledKey = useSettled(view.key, 400);
  const unlockers = useLoad(`unlockers:${settledKey}`, () => {
    const facts = scenarioFacts(reference.facts, overrides);
    return apiRequest<UnlockerFacts>('POST', '/api/analyses/unlockers', asOf ? { facts, asOf } : { facts }).catch(() => undefined);
  });
  const answer = useMemo(() => buildAnswer(result.coverage, unlockers.data), [result, unlockers.data]);
  return (
    <div className="overview" data-scenario={view.key} aria-busy={busy}>
      <h1 className="visually-hidden">{t('overview.title')}</h1>
      <AnswerPanel answer={answer} requirementName={requirementName} factName={factName} unlockersLoaded={unlockers.data !== undefined && !unlockers.loading} />

      <section aria-labelledby="scenario-heading" className="panel">
        <h2 id="scenario-heading">{t('overview.scenario')}</h2>
        <p className="muted">{t('overview.scenarioHelp')}</p>
        <FactSwitches switches={switches} facts={result.facts} partyName={partyName} onChange={setFact} />
        <button onClick={resetFacts} disabled={overrides.size === 0}>{t('overview.reset')}</button>
      </section>

      <section className="headline" aria-label={t('overview.headlineLabel')}>
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
        <CoverageBars bars={bars} requirementName={requirementName} />
      </section>

      {answer.unestimated.length > 0 && <UnestimatedList answer={answer} requirementName={requirementName} />}

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
            <ul className="explanations gap-list" data-testid="assurance-gap">
              {gap.map((entry) => (
                <li key={entry.id}>
                  <Link to={`/parties/${entry.party}`}>{partyName(entry.party)}</Link> · <Link to={`/pledges/${entry.id}`}>{entry.id}</Link>: {entry.explanation}
                </li>
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
                {entry.standby !== undefined && <> — <Link to="/guarantees">{t('overview.standby', { trigger: factName(entry.standby) })}</Link></>}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
