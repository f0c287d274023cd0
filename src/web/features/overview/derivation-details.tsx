import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import type { DerivationText } from './fact-derivation.data.js';

/** A derived fact's one-line summary, opening onto the records it rests on (the Overview's switches, the Sanctions page). */
export function DerivationDetails({ derivation, className, label }: { derivation: DerivationText; className: string; label?: ReactNode }) {
  const { t } = useI18n();
  return (
    <details className={className}>
      <summary>
        {label}
        {derivation.summary}
      </summary>
      <p className="muted">{t('fact.derived.basis')}:</p>
      <ul>
        {derivation.basis.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
