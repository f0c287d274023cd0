import { useMemo, useState } from 'react';
import { SourceLinks } from '../../components/source-links.js';
import { StateBadge } from '../../components/state-badge.js';
import { Loading } from '../../components/status.js';
import type { CommitmentOutcome, WhatIfResult } from '../../../core/guarantees/what-if-violated.js';
import { explainPledge, wordsFor } from '../../i18n/explanations.data.js';
import { useI18n } from '../../i18n/i18n.js';
import { areaName } from '../../i18n/labels.data.js';
import type { MessageKey } from '../../i18n/messages.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import { recordNamer } from '../../i18n/record-names.data.js';
import { apiRequest } from '../../lib/api-client.js';
import { useAppState } from '../../lib/app-state.js';
import { type FactRecord, loadCollection, type PartyRecord, type RequirementRecord } from '../../lib/records.js';
import { Link } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { buildKindLines, guaranteesRequest, headlineCounts, orderCommitments, reasonOnly } from './guarantees.data.js';

// "What if the ceasefire is violated" (docs/guarantees.md): the guarantee commitments before and after the
// violation, who responds with what, what they add to the requirements, and what is left unanswered. Under the
// scenario's fact switches and as-of date, with a ceasefire in force unless the reader unticks it.

interface Loaded {
  result: WhatIfResult;
  parties: PartyRecord[];
  facts: FactRecord[];
  requirements: RequirementRecord[];
}

const kindKey = (kind: string): MessageKey => `guarantees.kind.${kind}` as MessageKey;

/** The Guarantees page. */
export default function GuaranteesPage() {
  const { t } = useI18n();
  const { asOf, overrides } = useAppState();
  const [afterCeasefire, setAfterCeasefire] = useState(true);
  const loaded = useLoad(`guarantees:${asOf ?? ''}:${afterCeasefire}:${JSON.stringify([...overrides])}`, async (): Promise<Loaded> => {
    const [facts, parties, requirements] = await Promise.all([
      loadCollection<FactRecord>('facts', asOf),
      loadCollection<PartyRecord>('parties', asOf),
      loadCollection<RequirementRecord>('requirements', asOf),
    ]);
    const request = guaranteesRequest(overrides, afterCeasefire, asOf, new Set(facts.map((fact) => fact.id)));
    const result = await apiRequest<WhatIfResult>('POST', '/api/analyses/guarantees', request);
    return { result, parties, facts, requirements };
  });
  return (
    <div className="guarantees">
      <h1>{t('guarantees.title')}</h1>
      <p className="muted">{t('guarantees.intro')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={afterCeasefire} onChange={(event) => setAfterCeasefire(event.target.checked)} /> {t('guarantees.afterCeasefire')}
      </label>
      <Loading loaded={loaded}>{(data) => <WhatIf data={data} />}</Loading>
    </div>
  );
}

function WhatIf({ data }: { data: Loaded }) {
  const { t, n, language } = useI18n();
  const { result } = data;
  const partyName = useMemo(() => partyNamer(language, data.parties), [language, data.parties]);
  const factName = useMemo(() => recordNamer(language, data.facts), [language, data.facts]);
  const requirementName = useMemo(() => recordNamer(language, data.requirements), [language, data.requirements]);
  const words = useMemo(() => wordsFor(language, { party: partyName, fact: factName, area: (area) => areaName(t, area) }), [language, partyName, factName, t]);
  const why = (commitment: CommitmentOutcome): string | null =>
    commitment.after === 'certain' ? null : explainPledge({ id: commitment.id, state: commitment.after, candidate: commitment.candidate, reasons: commitment.reasons }, () => undefined, words);
  const counts = headlineCounts(result);
  const kinds = buildKindLines(result);
  const commitments = orderCommitments(result.commitments);
  const names = (parties: readonly string[]): string => parties.map(partyName).join(', ');
  const byId = new Map(result.commitments.map((commitment) => [commitment.id, commitment]));
  const { unanswered } = result;
  return (
    <>
      <section className="headline" aria-label={t('guarantees.headlineLabel')}>
        <p className="big" data-testid="guarantees-headline">
          {t('guarantees.headline', { trigger: factName(result.trigger), certain: counts.certain, possible: counts.possible })}
          <span className="headline-rest">{t('guarantees.headlineRest', { inactive: counts.inactive, excluded: counts.excluded })}</span>
        </p>
      </section>

      <section className="panel" aria-labelledby="guarantees-kinds">
        <h2 id="guarantees-kinds">{t('guarantees.kinds')}</h2>
        <ul className="kind-lines">
          {kinds.map((line) => (
            <li key={line.kind} className={line.certain.length + line.possible.length === 0 ? 'unanswered' : undefined}>
              <strong>{t(kindKey(line.kind))}:</strong>{' '}
              {line.certain.length + line.possible.length === 0 ? t('guarantees.noCommitment') : (
                <>
                  {line.certain.length > 0 && <><StateBadge state="certain" /> {names(line.certain)} </>}
                  {line.possible.length > 0 && <><StateBadge state="possible" /> {names(line.possible)}</>}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="guarantees-commitments">
        <h2 id="guarantees-commitments">{t('guarantees.commitments')}</h2>
        <p className="muted">{t('guarantees.commitmentsHelp', { trigger: factName(result.trigger) })}</p>
        <ul className="cards" data-testid="guarantee-commitments">
          {commitments.map((commitment) => (
            <li key={commitment.id} className="card">
              <strong>{partyName(commitment.party)}</strong> <SourceLinks ids={commitment.sources} />{' '}
              <Link to={`/pledges/${commitment.id}`} className="small">{commitment.id}</Link>
              <p className="state-change"><StateBadge state={commitment.before} /> → <StateBadge state={commitment.after} /> {commitment.after === 'certain' ? t('guarantees.activates') : reasonOnly(why(commitment), commitment.id)}</p>
              <dl className="record-view small">
                <dt>{t('guarantees.responses')}</dt>
                <dd>{commitment.responses.map((kind) => t(kindKey(kind))).join(', ')}</dd>
                <dt>{t('guarantees.responseTime')}</dt>
                <dd>{commitment.responseTime === 'not stated' ? t('guarantees.notStated') : commitment.responseTime}</dd>
              </dl>
              {commitment.note && <details><summary>{t('guarantees.note')}</summary><p className="small" data-free-text>{commitment.note}</p></details>}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="guarantees-coverage">
        <h2 id="guarantees-coverage">{t('guarantees.coverage')}</h2>
        {result.coverage.length === 0 ? <p>{t('guarantees.coverageNone')}</p> : (
          <ul>
            {result.coverage.map((row) => (
              <li key={row.requirement}>
                {t('guarantees.coverageLine', { requirement: requirementName(row.requirement), before: `${n(row.before.min)}–${n(row.before.max)}`, after: `${n(row.after.min)}–${n(row.after.max)}`, added: row.added.map((id) => partyName(byId.get(id)?.party ?? id)).join(', ') || '—' })}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">{t('guarantees.peacetime', { trigger: factName(result.trigger) })}</p>
      </section>

      <section className="panel" aria-labelledby="guarantees-open">
        <h2 id="guarantees-open">{t('guarantees.unanswered')}</h2>
        <ul>
          <li>{unanswered.responseKinds.length === 0 ? t('guarantees.allKindsAnswered') : t('guarantees.kindsUnanswered', { kinds: unanswered.responseKinds.map((kind) => t(kindKey(kind))).join(', ') })}</li>
          {unanswered.pending.map((id) => {
            const commitment = byId.get(id);
            return commitment ? <li key={id}>{partyName(commitment.party)}: {reasonOnly(why(commitment), commitment.id)}</li> : null;
          })}
          {result.unlockers.map((unlocker) => (
            <li key={`${unlocker.fact}:${String(unlocker.value)}`}>
              {t(unlocker.value ? 'guarantees.unlockTrue' : 'guarantees.unlockFalse', { fact: factName(unlocker.fact), parties: unlocker.certain.map((id) => partyName(byId.get(id)?.party ?? id)).join(', ') })}
            </li>
          ))}
          {unanswered.withdrawn.map((id) => {
            const commitment = byId.get(id);
            return commitment ? <li key={id}>{partyName(commitment.party)}: {reasonOnly(why(commitment), commitment.id)}</li> : null;
          })}
          <li>
            <details>
              <summary>{t('guarantees.statesWithout', { count: unanswered.parties.length })}</summary>
              <p className="small">{unanswered.parties.length === 0 ? t('common.none') : names(unanswered.parties)}</p>
            </details>
          </li>
        </ul>
      </section>
    </>
  );
}
