import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { ApiError, apiRequest } from '../../lib/api-client.js';
import { clearCache } from '../../lib/cache.js';
import { setQuery, useLocation } from '../../lib/router.js';
import { useSession } from '../../session/session.js';
import { articleProblemOf, canCreateRecords, checkArticleText, decodeUpload, type IngestView, PROBLEM_MESSAGES } from './ingest.data.js';
import { IngestResult } from './ingest-result.js';
import './ingest.css';

// The Ingest page (docs/web.md, docs/ingestion.md): paste or upload an article → the proposals, each with its
// quote marked in the article; accept, edit or reject each. The proposals' id is in the URL (?ingest=…): they
// are stored on the server, so a reload or a later visit finds them again.

/** The Ingest page. */
export default function IngestPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { query } = useLocation();
  const id = query.get('ingest') ?? '';
  return (
    <div className="ingest-page">
      <h1>{t('ingest.title')}</h1>
      {!canCreateRecords(session) ? (
        <>
          <p>{t('ingest.intro')}</p>
          <p className="notice" data-testid="ingest-not-allowed">{t('ingest.notAllowed')}</p>
        </>
      ) : id ? (
        <IngestResult key={id} id={id} onAnother={() => setQuery({ ingest: undefined })} />
      ) : (
        <>
          <p className="intro">{t('ingest.intro')}</p>
          <ArticleForm onProposed={(view) => { clearCache(); setQuery({ ingest: view.id }); }} />
        </>
      )}
    </div>
  );
}

type Problem = { field: 'text' | 'url' | 'date' | 'language' | 'publisher'; message: string };

function ArticleForm({ onProposed }: { onProposed: (view: IngestView) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [language, setLanguage] = useState('');
  const [url, setUrl] = useState('');
  const [publisher, setPublisher] = useState('');
  const [details, setDetails] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const articleProblem = (key: MessageKey): Problem => ({ field: key === 'ingest.problem.language' ? 'language' : 'text', message: t(key, { options: t('ingest.optional') }) });

  const upload = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const result = decodeUpload(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) return setProblem(articleProblem(PROBLEM_MESSAGES[result.problem]));
    setProblem(null);
    setText(result.text);
  };
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const local = checkArticleText(text);
    if (local) return setProblem(articleProblem(PROBLEM_MESSAGES[local]));
    if (url.trim() && !/^https?:\/\/\S+$/i.test(url.trim())) {
      setDetails(true);
      return setProblem({ field: 'url', message: t('ingest.problem.url') });
    }
    setBusy(true);
    setProblem(null);
    try {
      const body = { text, ...(date ? { date } : {}), ...(language ? { language } : {}), ...(url.trim() ? { url: url.trim() } : {}), ...(publisher.trim() ? { publisher: publisher.trim() } : {}) };
      onProposed(await apiRequest<IngestView>('POST', '/api/ingest', body));
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      const known = articleProblemOf(caught.status, caught.code, caught.problems);
      if (known === 'language') setDetails(true);
      const field = (caught.problems[0]?.path ?? 'text') as Problem['field'];
      setProblem(known ? articleProblem(PROBLEM_MESSAGES[known]) : { field: ['url', 'date', 'publisher'].includes(field) ? field : 'text', message: t('ingest.problem.other', { message: caught.problems[0]?.message ?? caught.message }) });
    } finally {
      setBusy(false);
    }
  };
  const invalid = (field: Problem['field']) => (problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'ingest-problem' } : {});
  return (
    <form className="panel ingest-form" noValidate onSubmit={(event) => void submit(event)}>
      <label htmlFor="ingest-text">{t('ingest.text')}</label>
      <textarea id="ingest-text" rows={12} value={text} onChange={(event) => setText(event.target.value)} {...invalid('text')} />
      <label htmlFor="ingest-file">{t('ingest.file')}</label>
      <input id="ingest-file" type="file" accept=".txt,.text,.html,.htm,text/plain,text/html" onChange={(event) => void upload(event.target.files?.[0])} />
      <details open={details} onToggle={(event) => setDetails(event.currentTarget.open)}>
        <summary>{t('ingest.optional')}</summary>
        <div className="ingest-options">
          <div>
            <label htmlFor="ingest-date">{t('ingest.date')}</label>
            <input id="ingest-date" type="date" value={date} onChange={(event) => setDate(event.target.value)} aria-describedby="ingest-date-hint" {...invalid('date')} />
            <span id="ingest-date-hint" className="muted small">{t('ingest.dateHint')}</span>
          </div>
          <div>
            <label htmlFor="ingest-language">{t('ingest.language')}</label>
            <select id="ingest-language" value={language} onChange={(event) => setLanguage(event.target.value)} {...invalid('language')}>
              <option value="">{t('ingest.language.auto')}</option>
              <option value="de">{t('ingest.language.de')}</option>
              <option value="en">{t('ingest.language.en')}</option>
            </select>
          </div>
          <div>
            <label htmlFor="ingest-url">{t('ingest.url')}</label>
            <input id="ingest-url" type="url" inputMode="url" value={url} onChange={(event) => setUrl(event.target.value)} {...invalid('url')} />
          </div>
          <div>
            <label htmlFor="ingest-publisher">{t('ingest.publisher')}</label>
            <input id="ingest-publisher" value={publisher} onChange={(event) => setPublisher(event.target.value)} aria-describedby="ingest-publisher-hint" {...invalid('publisher')} />
            <span id="ingest-publisher-hint" className="muted small">{t('ingest.publisherHint')}</span>
          </div>
        </div>
      </details>
      {problem && <p id="ingest-problem" role="alert" className="error" data-testid="ingest-problem">{problem.message}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>{busy ? t('ingest.proposing') : t('ingest.propose')}</button>
      </div>
    </form>
  );
}
