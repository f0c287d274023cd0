import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { ApiError, apiGet } from '../../lib/api-client.js';
import { Link } from '../../lib/router.js';
import { useLoad } from '../../lib/use-api.js';
import { useSession } from '../../session/session.js';
import { type Choices, RecordFields } from './ingest-fields.js';
import { formFromRecord, type FormValues, recordFromForm } from './ingest-form.data.js';
import { canAccept, problemField, type ProposalView, recordHref, writerOf } from './ingest.data.js';
import { type Namers, RecordSummary, RefusalSummary } from './record-summary.js';
import { SourceMissing } from './source-missing.js';

// One proposal: what it would record (in words), its quote, and what the user may do with it — accept as
// drafted, edit then accept (the form names each field's problem), reject. A proposal whose record exists
// already says so and links to it; an accepted one links to what was created.

export type Decide = (action: { kind: 'accept'; index: number; record?: Record<string, unknown> } | { kind: 'reject'; index: number }) => Promise<void>;

const KIND: Record<string, MessageKey> = {
  meeting: 'ingest.kind.meeting',
  contribution: 'ingest.kind.contribution',
  pledge: 'ingest.kind.pledge',
  estimate: 'ingest.kind.estimate',
  sanctions: 'ingest.kind.sanctions',
  fact: 'ingest.kind.fact',
};

/** A proposal's card in the list. */
export function ProposalCard({ proposal, selected, namers, choices, decide, onShowQuote }: { proposal: ProposalView; selected: boolean; namers: Namers; choices: Choices; decide: Decide; onShowQuote: () => void }) {
  const { t, language } = useI18n();
  const { session } = useSession();
  const [editing, setEditing] = useState<FormValues | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { draft, duplicate, status, index } = proposal;
  const refusal = draft === null;
  const kind = refusal ? 'ingest.kind.refusal' : (KIND[proposal.proposal.kind] ?? 'ingest.kind.fact');
  const mayAccept = draft !== null && canAccept(session, draft);
  const open = status === 'open' && duplicate === null && !refusal;

  const run = async (action: Parameters<Decide>[0]): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      await decide(action);
      setEditing(null);
      setProblems({});
    } catch (caught) {
      if (caught instanceof ApiError) {
        const named: Record<string, string> = {};
        for (const problem of caught.problems) {
          const where = problemField(problem.path);
          if (where.scope === 'record' && where.field) named[where.field] = problem.message;
        }
        setProblems(named);
        if (Object.keys(named).length > 0 && !editing && draft) setEditing(formFromRecord(draft.entity, draft.record));
        setFailure(caught.status === 403 ? t('ingest.forbidden') : Object.keys(named).length > 0 ? t('ingest.checkFields') : t('ingest.failed', { message: caught.message }));
      } else if (caught instanceof SourceMissing) setFailure(caught.message);
      else setFailure(t('ingest.failed', { message: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };
  const acceptEdited = (): void => {
    if (!draft || !editing) return;
    const result = recordFromForm(draft.entity, draft.record, editing);
    const named = Object.fromEntries(Object.entries(result.problems).map(([field, key]) => [field, t(key)]));
    setProblems(named);
    if (Object.keys(named).length > 0) {
      setFailure(t('ingest.checkFields'));
      return;
    }
    void run({ kind: 'accept', index, record: result.record });
  };

  return (
    <li id={`proposal-${index}`} className={`proposal proposal-${status}${selected ? ' selected' : ''}${duplicate ? ' proposal-recorded' : ''}`} tabIndex={-1} data-kind={proposal.proposal.kind} data-status={duplicate && status === 'open' ? 'recorded' : status}>
      <p className="proposal-head">
        <strong>{t(kind)}</strong>
        {status !== 'open' && <span className={`badge badge-${status}`}>{t(status === 'accepted' ? 'ingest.status.accepted' : 'ingest.status.rejected')}</span>}
        {status === 'open' && duplicate && <span className="badge badge-recorded">{t('ingest.status.recorded')}</span>}
      </p>
      <p className="proposal-summary">{draft ? <RecordSummary entity={draft.entity} record={draft.record} namers={namers} /> : <RefusalSummary proposal={proposal.proposal} namers={namers} />}</p>
      <blockquote data-free-text>
        <button type="button" className="link-button quote-link" onClick={onShowQuote} title={t('ingest.showQuote')}>
          {language === 'de' ? `„${proposal.proposal.quote}“` : `“${proposal.proposal.quote}”`}
        </button>
      </blockquote>
      {refusal && <p className="muted small">{t('ingest.refusal')}</p>}
      {duplicate && status === 'open' && <DuplicateLine entity={duplicate.entity} id={duplicate.id} namers={namers} />}
      {status === 'accepted' && (
        <p className="ok">
          {t('ingest.created')}{' '}
          {proposal.created.map((record) => (
            <Link key={record.id} to={recordHref(record.entity, record.id)} data-testid={`created-${index}`}>
              {draft ? <RecordSummary entity={record.entity} record={{ ...draft.record, id: record.id }} namers={namers} /> : record.id}
            </Link>
          ))}
        </p>
      )}
      {status === 'rejected' && <p className="muted small">{t('ingest.rejected')}</p>}
      {open && editing && draft && (
        <form className="proposal-edit" noValidate onSubmit={(event) => { event.preventDefault(); acceptEdited(); }}>
          <RecordFields entity={draft.entity} index={index} values={editing} problems={problems} choices={choices} onChange={(name, value) => setEditing({ ...editing, [name]: value })} />
          <div className="actions">
            <button type="submit" disabled={busy || !mayAccept}>{t('ingest.acceptEdited')}</button>
            <button type="button" onClick={() => { setEditing(null); setProblems({}); setFailure(null); }}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
      {open && !editing && (
        <div className="actions">
          {mayAccept && <button type="button" disabled={busy} onClick={() => void run({ kind: 'accept', index })}>{t('ingest.accept')}</button>}
          {mayAccept && draft && <button type="button" disabled={busy} onClick={() => setEditing(formFromRecord(draft.entity, draft.record))}>{t('ingest.edit')}</button>}
          <button type="button" disabled={busy} onClick={() => void run({ kind: 'reject', index })}>{t('ingest.reject')}</button>
        </div>
      )}
      {open && !mayAccept && draft && <WriterNote draft={draft} namers={namers} />}
      {failure && <p role="alert" className="error">{failure}</p>}
    </li>
  );
}

function WriterNote({ draft, namers }: { draft: NonNullable<ProposalView['draft']>; namers: Namers }) {
  const { t, language } = useI18n();
  const writer = writerOf(draft);
  const parties = new Intl.ListFormat(language, { type: 'disjunction' }).format(writer.kind === 'delegate' ? writer.parties.map(namers.party) : []);
  return <p className="muted small">{writer.kind === 'coordinator' ? t('ingest.writer.coordinator') : t('ingest.writer.delegate', { parties })}</p>;
}

/** "Already recorded: <the existing record in words>", linking to it. */
function DuplicateLine({ entity, id, namers }: { entity: string; id: string; namers: Namers }) {
  const { t } = useI18n();
  const loaded = useLoad(`ingest-duplicate:${entity}/${id}`, () => apiGet<Record<string, unknown>>(`/api/${entity}/${encodeURIComponent(id)}`));
  const [before, after] = t('ingest.duplicate', { name: '\u0000' }).split('\u0000');
  return (
    <p className="duplicate">
      {before}
      <Link to={recordHref(entity, id)}>{loaded.data ? <RecordSummary entity={entity} record={loaded.data} namers={namers} /> : <code>{id}</code>}</Link>
      {after}
    </p>
  );
}
