import { formatQuantity } from '../../i18n/capabilities.data.js';
import { useI18n } from '../../i18n/i18n.js';
import type { Answer } from './overview.data.js';

// The overview's first answer: per requirement with an estimate, what is missing in its unit and which facts
// would add supply (POST /api/analyses/unlockers); the requirements without a public estimate counted apart.

/** What is missing and what would unlock it. */
export function AnswerPanel({ answer, requirementName, factName, unlockersLoaded }: { answer: Answer; requirementName: (id: string) => string; factName: (id: string) => string; unlockersLoaded: boolean }) {
  const { t, n, language } = useI18n();
  const amount = (value: number, capability: string): string => formatQuantity(language, { min: value, max: value }, capability);
  return (
    <section aria-labelledby="answer-heading" className="panel answer" data-testid="answer">
      <h2 id="answer-heading">{t('answer.title')}</h2>
      {answer.missing.length === 0 ? (
        <p>{t('answer.noEstimates')}</p>
      ) : (
        <ul>
          {answer.missing.map((row) => (
            <li key={row.requirement} data-requirement={row.requirement} data-missing={row.missingCertain}>
              <strong>{requirementName(row.requirement)}</strong> <span className="priority" title={t('requirements.priority')}>P{row.priority}</span>
              <br />
              {row.missingCertain === 0
                ? t('answer.met', { demand: amount(row.demand, row.capability) })
                : t('answer.missing', {
                    missing: amount(row.missingCertain, row.capability),
                    demand: amount(row.demand, row.capability),
                    certain: n(row.supplyMin),
                    best: n(row.supplyMax),
                  })}
              {row.missingCertain > 0 && row.missingAtBest > 0 && ` ${t('answer.atBest', { missing: amount(row.missingAtBest, row.capability) })}`}
              {row.missingCertain > 0 && unlockersLoaded && (
                <div className="small">
                  {row.unlocks.length === 0
                    ? t('answer.noUnlock')
                    : t('answer.unlock', {
                        facts: row.unlocks.map((unlock) => t('answer.unlockFact', { fact: factName(unlock.fact), certain: n(unlock.certain), possible: n(unlock.possible) })).join('; '),
                      })}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {answer.unestimated.length > 0 && (
        <p className="muted" data-testid="unestimated-count">
          <a href="#unestimated-heading">{t('answer.unestimated', { requirements: answer.unestimated.length, pledges: answer.unestimatedPledges })}</a>
        </p>
      )}
    </section>
  );
}

/** Requirements without a public estimate: what is offered for each, no bar against a demand nobody stated. */
export function UnestimatedList({ answer, requirementName }: { answer: Answer; requirementName: (id: string) => string }) {
  const { t, language, capability } = useI18n();
  return (
    <section aria-labelledby="unestimated-heading" className="panel">
      <h2 id="unestimated-heading">{t('answer.unestimatedTitle')}</h2>
      <p className="muted">{t('answer.unestimatedHelp')}</p>
      <ul className="unestimated">
        {answer.unestimated.map((row) => (
          <li key={row.requirement} className="coverage-row" data-requirement={row.requirement} data-min={row.supplyMin} data-max={row.supplyMax}>
            <span className="priority" title={t('requirements.priority')}>P{row.priority}</span> {requirementName(row.requirement)} <span className="muted">({capability(row.capability)})</span>:{' '}
            {row.pledges === 0
              ? t('answer.nothingOffered')
              : t('answer.offered', { pledges: row.pledges, supply: row.supplyMax === 0 ? t('pledges.noNumber') : formatQuantity(language, { min: row.supplyMin, max: row.supplyMax }, row.capability) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
