import { useMemo } from 'react';
import type { Explanation } from '../../core/activation/explanation-chain.js';
import { createExplainer, type ExplainablePledge, explanationText, wordsFor } from './explanations.data.js';
import { useI18n } from './i18n.js';
import { areaName } from './labels.data.js';
import { partyNamer } from './party-names.data.js';
import { type Named, recordNamer } from './record-names.data.js';

/** Explanations of a scenario result's pledges in the current language (see explanations.data.ts), parties and facts by name when `names` gives the records. */
export function useExplainer(pledges: readonly ExplainablePledge[], names?: { parties: readonly { id: string; name?: { en: string; de: string } }[]; facts: readonly Named[] }): (pledge: ExplainablePledge) => string | null {
  const { language, t } = useI18n();
  const parties = names?.parties;
  const facts = names?.facts;
  return useMemo(
    () => createExplainer(pledges, wordsFor(language, parties && facts ? { party: partyNamer(language, parties), fact: recordNamer(language, facts), area: (area) => areaName(t, area) } : {})),
    [pledges, language, parties, facts, t],
  );
}

/** Renders explanation chains the server built (the pledge list's rows) in the current language, parties and facts by name. */
export function useChainExplainer(names: { parties: readonly { id: string; name?: { en: string; de: string } }[]; facts: readonly Named[] } | undefined): (chain: Explanation) => string {
  const { language, t } = useI18n();
  const parties = names?.parties;
  const facts = names?.facts;
  return useMemo(() => {
    const words = wordsFor(language, parties && facts ? { party: partyNamer(language, parties), fact: recordNamer(language, facts), area: (area) => areaName(t, area) } : {});
    return (chain: Explanation) => explanationText(chain, words);
  }, [language, parties, facts, t]);
}
