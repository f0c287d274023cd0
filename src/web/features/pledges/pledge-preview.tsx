import { useEffect, useState } from 'react';
import type { Pledge } from '../../../core/types.js';
import { StateBadge } from '../../components/state-badge.js';
import { formatQuantity } from '../../i18n/capabilities.data.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { recordNamer } from '../../i18n/record-names.data.js';
import { useChainExplainer } from '../../i18n/use-explainer.js';
import { ApiError } from '../../lib/api-client.js';
import { useAppState } from '../../lib/app-state.js';
import { scenarioKey } from '../../lib/load-scenario-view.js';
import { useLoad } from '../../lib/use-api.js';
import { loadPledgePreview } from './load-pledge-editor.js';
import type { EditorReference, Preview } from './pledge-editor.data.js';
import { problemMessage } from './problem-messages.data.js';

// The editor's preview: the server's answer for the draft (POST /api/scenarios/pledge-preview) once typing pauses;
// the latest draft's answer wins (useLoad drops earlier ones), the last answer stays dimmed while the next is under
// way, and a draft the server would refuse shows the problems by field.

/** Typing asks the server for a preview once it pauses this long. */
const PREVIEW_PAUSE_MS = 400;

const FIELD_LABELS: Record<string, MessageKey> = {
  id: 'editor.id',
  party: 'pledges.party',
  capability: 'pledges.capability',
  quantity: 'pledges.quantity',
  areas: 'pledges.areas',
  status: 'pledges.status',
  condition: 'pledges.condition',
  // The field's plain name: its form label also says how to type it.
  sources: 'common.sources',
  guarantee: 'pledges.guarantee',
  supersedes: 'editor.supersedes',
};

export interface PreviewState {
  answer: Preview | undefined;
  error: Error | undefined;
  /** Typing not yet settled, or an answer under way. */
  busy: boolean;
  /** The shown answer is of an earlier draft. */
  stale: boolean;
}

// The server's preview of the draft once it stayed the same for PREVIEW_PAUSE_MS; `wanted` false keeps the last
// answer (a condition that does not parse); `generation` asks again after a save (the dataset changed).
export function usePreview(draft: Pledge, wanted: boolean, generation: number): PreviewState {
  const { asOf, overrides } = useAppState();
  const text = JSON.stringify(draft);
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    if (text === settled) return;
    const timer = setTimeout(() => setSettled(text), PREVIEW_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, settled]);
  const [asked, setAsked] = useState<{ text: string; draft: Pledge } | null>(wanted ? { text, draft } : null);
  useEffect(() => {
    if (wanted && settled === text && asked?.text !== text) setAsked({ text, draft });
  }, [wanted, settled, text, draft, asked]);
  const loaded = useLoad(`${scenarioKey(asOf, overrides)}|${generation}|${asked?.text ?? ''}`, () => (asked === null ? Promise.resolve(undefined) : loadPledgePreview(asOf, overrides, asked.draft)));
  return { answer: loaded.data, error: loaded.error, busy: loaded.loading || (wanted && text !== asked?.text), stale: text !== asked?.text };
}

export function PreviewBox({ preview, requirements, names }: { preview: PreviewState; requirements: EditorReference['requirements']; names: EditorReference }) {
  const { t, n, language } = useI18n();
  const explain = useChainExplainer(names);
  const requirementName = recordNamer(language, requirements);
  const capabilityOf = new Map(requirements.map((requirement) => [requirement.id, requirement.capability]));
  const quantity = (range: { min: number; max: number }, requirement: string): string => formatQuantity(language, range, capabilityOf.get(requirement) ?? '');
  const { answer, error } = preview;
  // A problem's path named by the form's label (`sources[1]` → the sources field); another record's as it comes.
  const fieldName = (path: string): string => {
    const field = /^[a-zA-Z]+/.exec(path)?.[0] ?? '';
    const key = FIELD_LABELS[field];
    return key ? t(key) : path;
  };
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div className={`preview${preview.stale ? ' stale' : ''}`} aria-live="polite" aria-busy={preview.busy} data-testid="preview">
      <h3>{t('editor.preview')}{preview.busy && <span className="muted small" data-testid="preview-busy"> · {t('editor.previewBusy')}</span>}</h3>
      {error ? (
        <div className="error" role="status">
          <p>{error instanceof ApiError && error.status === 403 ? t('editor.previewForbidden') : t('editor.previewRefused')}</p>
          {problems.length > 0 ? <ul>{problems.map((problem) => <li key={`${problem.path}:${problem.message}`}>{fieldName(problem.path)}: {problemMessage(language, problem)}</li>)}</ul> : <p>{error.message}</p>}
        </div>
      ) : answer && (
        <>
          <p><StateBadge state={answer.pledge.state} /> {answer.pledge.explanationChain ? explain(answer.pledge.explanationChain) : null}</p>
          {answer.coverageChanges.length === 0 ? (
            <p>{t('editor.previewNone')}</p>
          ) : (
            <ul>
              {answer.coverageChanges.map((change) => (
                <li key={change.requirement}>
                  {requirementName(change.requirement)}: {quantity(change.before, change.requirement)} → <strong>{quantity(change.after, change.requirement)}</strong>
                  {change.demand !== null && <span className="muted"> ({t('editor.previewOfDemand', { demand: n(change.demand) })})</span>}
                </li>
              ))}
            </ul>
          )}
          {answer.coverageChanges.length > 0 && <p className="muted small">{t('editor.previewLegend')}</p>}
        </>
      )}
    </div>
  );
}

