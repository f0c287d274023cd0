import { useMemo } from 'react';
import { createExplainer, type ExplainablePledge, wordsFor } from './explanations.data.js';
import { useI18n } from './i18n.js';

/** Explanations of a scenario result's pledges in the current language (see explanations.data.ts). */
export function useExplainer(pledges: readonly ExplainablePledge[]): (pledge: ExplainablePledge) => string | null {
  const { language } = useI18n();
  return useMemo(() => createExplainer(pledges, wordsFor(language)), [pledges, language]);
}
