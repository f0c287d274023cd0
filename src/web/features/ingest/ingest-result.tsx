import { useEffect, useMemo, useState } from 'react';
import { Loading } from '../../components/status.js';
import { partyNamer } from '../../i18n/party-names.data.js';
import { recordNamer } from '../../i18n/record-names.data.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError, apiGet, apiRequest } from '../../lib/api-client.js';
import { clearCache } from '../../lib/cache.js';
import { type FactRecord, type FundRecord, loadCollection, type PartyRecord } from '../../lib/records.js';
import { useLoad } from '../../lib/use-api.js';
import { ArticleText } from './ingest-article.js';
import type { Choices } from './ingest-fields.js';
import { type Decide, ProposalCard } from './ingest-proposal.js';
import { type IngestView, problemField } from './ingest.data.js';
import type { Namers } from './record-summary.js';
import { SourceMissing } from './source-missing.js';

// The proposals of one ingested article: the article with the quotes marked beside the list of proposals, and
// the source every accepted record will cite (publisher, date, address; prefilled from the article).

/** The article and its proposals, loaded by id. */
export function IngestResult({ id, onAnother }: { id: string; onAnother: () => void }) {
  const { t } = useI18n();
  const loaded = useLoad(`ingest:${id}`, async () => {
    // The names a proposal is shown with (parties, facts, funds); no pledge is loaded.
    const [view, parties, facts, funds] = await Promise.all([
      apiGet<IngestView>(`/api/ingest/${encodeURIComponent(id)}`),
      loadCollection<PartyRecord>('parties', undefined),
      loadCollection<FactRecord>('facts', undefined),
      loadCollection<FundRecord>('funds', undefined),
    ]);
    return { view, reference: { parties, facts }, funds };
  });
  return (
    <>
      <p>
        <button type="button" onClick={onAnother}>{t('ingest.another')}</button>
      </p>
      <Loading loaded={loaded}>{(data) => <Proposals initial={data.view} reference={data.reference} funds={data.funds} />}</Loading>
    </>
  );
}

function Proposals({ initial, reference, funds }: { initial: IngestView; reference: { parties: PartyRecord[]; facts: FactRecord[] }; funds: FundRecord[] }) {
  const { t, language, n } = useI18n();
  const [view, setView] = useState(initial);
  const [selected, setSelected] = useState<number | null>(null);
  const [source, setSource] = useState({ publisher: initial.publisher ?? '', date: initial.date ?? '', url: initial.url ?? '' });
  const [sourceProblems, setSourceProblems] = useState<Record<string, string>>({});
  const party = useMemo(() => partyNamer(language, reference.parties), [language, reference.parties]);
  const namers = useMemo<Namers>(() => {
    const fundTitles = new Map(funds.map((fund) => [fund.id, fund.title]));
    return { party, fund: (fundId) => fundTitles.get(fundId) ?? fundId, fact: recordNamer(language, reference.facts) };
  }, [party, funds, language, reference.facts]);
  const choices = useMemo<Choices>(
    () => ({
      parties: reference.parties.map((record) => ({ id: record.id, name: party(record.id) })).sort((a, b) => a.name.localeCompare(b.name, language)),
      funds: funds.map((fund) => ({ id: fund.id, name: fund.title })),
      partyName: party,
    }),
    [reference.parties, funds, party, language],
  );

  // A selected proposal: its card and its first marked passage come into view.
  const select = (index: number, from: 'article' | 'list'): void => {
    setSelected(index);
    requestAnimationFrame(() => {
      if (from === 'article') {
        const card = document.getElementById(`proposal-${index}`);
        card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        card?.focus({ preventScroll: true });
      } else {
        const mark = [...document.querySelectorAll<HTMLElement>('mark.quote')].find((element) => (element.dataset.proposals ?? '').split(' ').includes(String(index)));
        mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
    });
  };
  useEffect(() => setSelected(null), [view.id]);

  const decide: Decide = async (action) => {
    if (action.kind === 'reject') {
      setView(await apiRequest<IngestView>('POST', `/api/ingest/${encodeURIComponent(view.id)}/reject`, { items: [{ index: action.index }] }));
      return;
    }
    // The source needs a publisher: asked for here rather than refused by the server.
    if (!source.publisher.trim() && !initial.publisher) {
      setSourceProblems({ publisher: t('ingest.field.required') });
      document.getElementById('source-publisher')?.focus();
      throw new SourceMissing(t('ingest.sourceMissing'));
    }
    const given = Object.fromEntries(Object.entries(source).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value !== ''));
    try {
      await apiRequest('POST', `/api/ingest/${encodeURIComponent(view.id)}/accept`, { items: [{ index: action.index, ...(action.record ? { record: action.record } : {}) }], ...(Object.keys(given).length ? { source: given } : {}) });
      setSourceProblems({});
    } catch (caught) {
      if (caught instanceof ApiError) {
        const named = Object.fromEntries(caught.problems.map((problem) => problemField(problem.path)).flatMap((where, i) => (where.scope === 'source' ? [[where.field, caught.problems[i]?.message ?? '']] : [])));
        setSourceProblems(named);
      }
      throw caught;
    }
    clearCache();
    setView(await apiGet<IngestView>(`/api/ingest/${encodeURIComponent(view.id)}`));
  };

  const recorded = view.proposals.filter((p) => p.status === 'open' && p.duplicate !== null).length;
  const counts = {
    open: n(view.proposals.filter((p) => p.status === 'open' && p.duplicate === null && p.draft !== null).length),
    accepted: n(view.proposals.filter((p) => p.status === 'accepted').length),
    rejected: n(view.proposals.filter((p) => p.status === 'rejected').length),
    recorded: n(recorded),
  };
  const expires = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(view.expiresAt));
  return (
    <>
      <p className="muted small">{t('ingest.expires', { date: expires })}</p>
      <div className="ingest-result">
        <section className="panel article-panel" aria-labelledby="ingest-article-heading">
          <h2 id="ingest-article-heading">{t('ingest.article')}</h2>
          {view.title && <p className="article-title" data-free-text>{view.title}</p>}
          <p className="muted small">{t('ingest.articleHint')}</p>
          <ArticleText text={view.text} proposals={view.proposals} selected={selected} onSelect={(index) => select(index, 'article')} />
        </section>
        <section className="panel proposals-panel" aria-labelledby="ingest-proposals-heading">
          <h2 id="ingest-proposals-heading">{t('ingest.proposals')}</h2>
          <p className="muted small" data-testid="ingest-counts">{t('ingest.counts', counts)}</p>
          <fieldset className="ingest-source">
            <legend>{t('ingest.source')}</legend>
            <p className="muted small">{t('ingest.sourceHint')}</p>
            {(['publisher', 'date', 'url'] as const).map((field) => (
              <div key={field} className="ingest-field">
                <label htmlFor={`source-${field}`}>{field === 'url' ? t('ingest.field.url') : t('ingest.field.requiredMark', { label: t(`ingest.field.${field}`) })}</label>
                <input
                  id={`source-${field}`}
                  type={field === 'date' ? 'date' : field === 'url' ? 'url' : 'text'}
                  value={source[field]}
                  onChange={(event) => setSource({ ...source, [field]: event.target.value })}
                  aria-invalid={sourceProblems[field] ? true : undefined}
                  aria-describedby={sourceProblems[field] ? `source-${field}-problem` : undefined}
                />
                {sourceProblems[field] && <span id={`source-${field}-problem`} className="error field-problem">{sourceProblems[field]}</span>}
              </div>
            ))}
          </fieldset>
          {view.proposals.length === 0 ? (
            <p>{t('ingest.noProposals')}</p>
          ) : (
            <ol className="proposal-list">
              {view.proposals.map((proposal) => (
                <ProposalCard key={proposal.index} proposal={proposal} selected={selected === proposal.index} namers={namers} choices={choices} decide={decide} onShowQuote={() => select(proposal.index, 'list')} />
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
