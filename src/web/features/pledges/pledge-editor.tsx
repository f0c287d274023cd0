import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { PLEDGE_STATUSES, type Pledge } from '../../../core/types.js';
import { capabilityChoice } from '../../i18n/capabilities.data.js';
import { statusName } from '../../i18n/labels.data.js';
import { partyName } from '../../i18n/party-names.data.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError, apiGet, apiRequest } from '../../lib/api-client.js';
import { clearCache } from '../../lib/cache.js';
import type { PledgeRecord } from '../../lib/records.js';
import { usePageTitle } from '../../lib/page-title.js';
import { navigate } from '../../lib/router.js';
import { canEditPartyItems, pledgePartyFor } from '../../session/session.data.js';
import { useSession } from '../../session/session.js';
import { changedFields } from '../history/history.data.js';
import { RecordHistory } from '../history/record-history.js';
import { ConditionField } from './condition-field.js';
import { PreviewBox, usePreview } from './pledge-preview.js';
import { PendingApprovalBox } from './pending-approval.js';
import { PledgeView } from './pledge-view.js';
import { isPendingApproval, type PendingApproval } from './pledges.data.js';
import { buildVocabulary, checkConditionLive, type EditorReference, formFromPledge, type PledgeForm, pledgeFromForm, shouldPreview, toRecordBody } from './pledge-editor.data.js';

// Edit (or create) a pledge: the condition is checked as typed, the server previews the draft's effect once typing
// pauses (pledge-preview.tsx), and a version conflict (409) keeps the user's edits and shows the other version
// instead of losing either.

type Outcome = { kind: 'saved'; version: number } | { kind: 'pending' } | { kind: 'conflict'; theirs: PledgeRecord } | { kind: 'error'; message: string; problems: string[] } | null;

const BLANK: Pledge = { id: '', party: '', capability: 'land.personnel', quantity: null, areas: ['ua.rear'], status: 'announced', confidentiality: 'coalition', condition: 'ceasefire', sources: [] };

/** The editor for /pledges/<id> (or /pledges/new). */
export function PledgeEditor({ id, reference, onSaved }: { id: string; reference: EditorReference; onSaved: () => void }) {
  const { t, language } = useI18n();
  const { session } = useSession();
  const creating = id === 'new';
  usePageTitle(creating ? t('editor.createTitle') : t('pledge.titleShort', { id }), t('app.title'));
  const [record, setRecord] = useState<PledgeRecord | Pledge | null>(creating ? { ...BLANK, party: typeof pledgePartyFor(session) === 'string' && pledgePartyFor(session) !== 'any' ? (pledgePartyFor(session) as string) : '' } : null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reloadRecord = async (): Promise<void> => {
    if (creating) return;
    await apiGet<PledgeRecord>(`/api/pledges/${encodeURIComponent(id)}`).then(setRecord, (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  };
  useEffect(() => {
    void reloadRecord();
    // reloadRecord reads only id and creating.
  }, [id, creating]);
  if (error) return <p role="alert" className="error">{t('common.error', { message: error })}</p>;
  if (creating && pledgePartyFor(session) === null) {
    return (
      <section className="panel editor" aria-labelledby="editor-heading">
        <h1 id="editor-heading">{t('editor.createTitle')}</h1>
        <p className="notice" data-testid="read-only">{t('editor.createNotAllowed')}</p>
      </section>
    );
  }
  if (!record) return <p aria-busy="true">{t('common.loading')}</p>;
  const editable = creating || canEditPartyItems(session, record.party);
  const party = partyName(language, record.party, reference.parties);
  const delegate = session.kind === 'signed-in' && session.user.role === 'delegate';
  return (
    <section className="panel editor" aria-labelledby="editor-heading">
      <h1 id="editor-heading">{creating ? t('editor.createTitle') : editable ? t('editor.title', { id, party }) : t('pledge.title', { id, party })}</h1>
      {editable ? (
        <EditorForm original={record} creating={creating} reference={reference} onSaved={(saved) => { setRecord(saved); onSaved(); }} onPending={() => setGeneration((value) => value + 1)} />
      ) : (
        <>
          {'version' in record && <PledgeView record={record} reference={reference} />}
          {delegate && <p className="muted small" data-testid="read-only">{t('editor.readOnly', { party })}</p>}
        </>
      )}
      {!creating && <PendingApprovalBox pledge={id} generation={generation} onDone={() => { onSaved(); void reloadRecord(); }} />}
      {'version' in record && <RecordHistory collection="pledges" id={record.id} version={record.version} />}
    </section>
  );
}

function EditorForm({ original, creating, reference, onSaved, onPending }: { original: PledgeRecord | Pledge; creating: boolean; reference: EditorReference; onSaved: (saved: PledgeRecord) => void; onPending: () => void }) {
  const { t, language } = useI18n();
  const { session } = useSession();
  const [form, setForm] = useState<PledgeForm>(() => formFromPledge(original));
  const [baseVersion, setBaseVersion] = useState<number | undefined>('version' in original ? original.version : undefined);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [saving, setSaving] = useState(false);
  const [savedCount, setSavedCount] = useState(0);
  const [areas, setAreas] = useState<readonly string[]>([]);
  const draft = useMemo(() => pledgeFromForm(form, toRecordBody(original)), [form, original]);
  const initial = useMemo(() => pledgeFromForm(formFromPledge(original), toRecordBody(original)), [original]);
  // The areas a condition may name: the server's (from the last preview) and the draft's own.
  const vocabulary = useMemo(() => buildVocabulary(reference, [...areas, ...draft.areas]), [reference, areas, draft.areas]);
  const check = useMemo(() => checkConditionLive(form.condition, vocabulary), [form.condition, vocabulary]);
  const preview = usePreview(draft, shouldPreview(check, draft, initial), savedCount);
  useEffect(() => {
    if (preview.answer) setAreas(preview.answer.areas);
  }, [preview.answer]);
  const set = (key: keyof PledgeForm) => (event: { target: { value: string } }) => setForm((previous) => ({ ...previous, [key]: event.target.value }));
  const partyChoice = pledgePartyFor(session);
  const parties = partyChoice === 'any' ? reference.parties.map((party) => party.id) : [original.party || (partyChoice ?? '')];

  const save = async (event: FormEvent, version = baseVersion): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    try {
      const body = toRecordBody(draft);
      const saved = creating
        ? await apiRequest<PledgeRecord>('POST', '/api/pledges', body)
        : await apiRequest<PledgeRecord | PendingApproval>('PUT', `/api/pledges/${encodeURIComponent(original.id)}`, { ...body, version });
      clearCache();
      if (isPendingApproval(saved)) {
        setOutcome({ kind: 'pending' });
        onPending();
        return;
      }
      setBaseVersion(saved.version);
      setSavedCount((value) => value + 1);
      setOutcome({ kind: 'saved', version: saved.version });
      onSaved(saved);
      if (creating) navigate(`/pledges/${saved.id}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && !creating) {
        const theirs = await apiGet<PledgeRecord>(`/api/pledges/${encodeURIComponent(original.id)}`);
        setOutcome({ kind: 'conflict', theirs });
      } else if (caught instanceof ApiError && caught.status === 403) {
        setOutcome({ kind: 'error', message: t('editor.forbidden', { message: caught.message }), problems: [] });
      } else {
        const problems = caught instanceof ApiError ? caught.problems.map((problem) => `${problem.path}: ${problem.message}`) : [];
        setOutcome({ kind: 'error', message: caught instanceof Error ? caught.message : String(caught), problems });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void save(event)} aria-describedby="editor-outcome">
      {creating && (
        <>
          <label htmlFor="pledge-id">{t('editor.id')}</label>
          <input id="pledge-id" value={form.id} onChange={set('id')} required pattern="[A-Za-z0-9_.:\-]+" />
        </>
      )}
      <label htmlFor="pledge-party">{t('pledges.party')}</label>
      <select id="pledge-party" value={form.party} onChange={set('party')} disabled={!creating}>
        {parties.map((party) => <option key={party} value={party}>{partyName(language, party, reference.parties)}</option>)}
      </select>
      <label htmlFor="pledge-capability">{t('pledges.capability')}</label>
      <select id="pledge-capability" value={form.capability} onChange={set('capability')}>
        {[...vocabulary.capabilities].sort().map((id) => (
          <option key={id} value={id}>{capabilityChoice(language, id)}</option>
        ))}
      </select>
      <label htmlFor="pledge-min">{t('pledges.quantityMin')}</label>
      <input id="pledge-min" type="number" min={0} step={1} value={form.min} onChange={set('min')} />
      <label htmlFor="pledge-max">{t('pledges.quantityMax')}</label>
      <input id="pledge-max" type="number" min={0} step={1} value={form.max} onChange={set('max')} />
      <label htmlFor="pledge-areas">{t('pledges.areas')}</label>
      <input id="pledge-areas" value={form.areas} onChange={set('areas')} />
      <label htmlFor="pledge-status">{t('pledges.status')}</label>
      <select id="pledge-status" value={form.status} onChange={set('status')}>
        {PLEDGE_STATUSES.map((status) => <option key={status} value={status}>{statusName(t, status)}</option>)}
      </select>
      <ConditionField value={form.condition} onChange={(condition) => setForm((previous) => ({ ...previous, condition }))} check={check} />
      <label htmlFor="pledge-sources">{t('editor.sources')}</label>
      <input id="pledge-sources" value={form.sources} onChange={set('sources')} />

      <PreviewBox preview={preview} requirements={reference.requirements} names={reference} />
      <div className="actions">
        <button type="submit" disabled={!check.ok || saving}>{t('common.save')}</button>
      </div>
      <Outcome outcome={outcome} draft={draft} onOverwrite={(event, version) => void save(event, version)} onReload={(theirs) => { setForm(formFromPledge(theirs)); setBaseVersion(theirs.version); setOutcome(null); }} />
    </form>
  );
}

function Outcome({ outcome, draft, onOverwrite, onReload }: { outcome: Outcome; draft: Pledge; onOverwrite: (event: FormEvent, version: number) => void; onReload: (theirs: PledgeRecord) => void }) {
  const { t } = useI18n();
  if (!outcome) return <div id="editor-outcome" />;
  if (outcome.kind === 'pending') return <p id="editor-outcome" role="status" className="ok">{t('approval.sent')}</p>;
  if (outcome.kind === 'saved') return <p id="editor-outcome" role="status" className="ok">{t('editor.saved', { version: outcome.version })}</p>;
  if (outcome.kind === 'error') {
    return (
      <div id="editor-outcome" role="alert" className="error">
        <p>{outcome.message}</p>
        {outcome.problems.length > 0 && <ul>{outcome.problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>}
      </div>
    );
  }
  const { theirs } = outcome;
  return (
    <div id="editor-outcome" role="alert" className="conflict" data-testid="conflict">
      <p>{t('editor.conflict', { version: theirs.version })}</p>
      <p>{t('editor.conflictFields', { fields: changedFields(toRecordBody(theirs), draft).join(', ') || '—' })}</p>
      <h4>{t('editor.conflictTheirs')}</h4>
      <pre>{JSON.stringify(toRecordBody(theirs), null, 2)}</pre>
      <button onClick={(event) => onOverwrite(event, theirs.version)}>{t('editor.conflictOverwrite', { version: theirs.version })}</button>{' '}
      <button type="button" onClick={() => onReload(theirs)}>{t('editor.conflictReload')}</button>
    </div>
  );
}
