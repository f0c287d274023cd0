import type { ScenarioFact } from '../../../core/scenario/evaluate-scenario.js';
import { useI18n } from '../../i18n/i18n.js';
import { DerivationDetails } from '../overview/derivation-details.js';
import { describeDerivation } from '../overview/fact-derivation.data.js';

// A derived fact in one line beside the records it rests on (the Sanctions page's `eu_russian_oil_ended` next to
// the Druzhba exemptions): its name, value and since when, and the records in full on demand. A fact the records
// decide nothing about shows its recorded value.

export function DerivedFactLine({ fact, name, party }: { fact: ScenarioFact | undefined; name: string; party: (id: string) => string }) {
  const { t, language } = useI18n();
  if (fact === undefined) return null;
  const derivation = describeDerivation(language, fact, party);
  if (derivation === undefined) {
    return (
      <p className="derived-fact-line">
        <strong>{name}:</strong> {t('fact.recorded', { value: t(`fact.${String(fact.value)}` as 'fact.true') })}
      </p>
    );
  }
  return (
    <DerivationDetails
      derivation={derivation}
      className="derived-fact-line fact-derivation"
      label={
        <>
          <strong>{name}:</strong>{' '}
        </>
      }
    />
  );
}
