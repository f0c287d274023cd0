import type { ScenarioFact } from '../../../core/scenario/evaluate-scenario.js';
import type { FactValue } from '../../../core/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { DerivationDetails } from './derivation-details.js';
import { describeDerivation } from './fact-derivation.data.js';
import type { FactSwitch } from './overview.data.js';

// One radio group per fact (true / false / unknown): reachable with Tab, switched with the arrow keys.

const VALUES: FactValue[] = [true, false, 'unknown'];

/** The scenario's fact switches. */
export function FactSwitches({
  switches,
  facts,
  partyName,
  onChange,
}: {
  switches: FactSwitch[];
  /** The scenario's facts: a derived one's basis is shown under its switch. */
  facts?: readonly ScenarioFact[];
  partyName?: (id: string) => string;
  onChange: (id: string, value: FactValue) => void;
}) {
  const { t, language } = useI18n();
  const used = new Map((facts ?? []).map((fact) => [fact.id, fact]));
  return (
    <div className="fact-switches">
      {switches.map((entry) => {
        const derivation = entry.overridden ? undefined : describeDerivation(language, used.get(entry.id), partyName);
        return (
        <fieldset key={entry.id} className={entry.overridden ? 'fact overridden' : 'fact'} title={entry.explanation?.[language] ?? entry.description}>
          <legend>
            {entry.name ? (
              <>
                {entry.name[language]} <code className="muted">{entry.id}</code>
              </>
            ) : (
              <code>{entry.id}</code>
            )}
            {entry.overridden && <span className="muted"> ({t('fact.recorded', { value: t(`fact.${String(entry.recorded)}` as 'fact.true') })})</span>}
          </legend>
          {VALUES.map((value) => {
            const id = `fact-${entry.id}-${String(value)}`;
            return (
              <label key={String(value)} htmlFor={id} className={`fact-option fact-${String(value)}`}>
                <input type="radio" id={id} name={`fact-${entry.id}`} checked={entry.value === value} onChange={() => onChange(entry.id, value)} />
                {t(`fact.${String(value)}` as 'fact.true')}
              </label>
            );
          })}
          {derivation && <DerivationDetails derivation={derivation} className="fact-derivation" />}
        </fieldset>
        );
      })}
    </div>
  );
}
