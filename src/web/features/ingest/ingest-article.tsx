import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { highlightPieces, type ProposalView } from './ingest.data.js';

// The article as read, each proposal's quote marked; a mark is a link to its proposal (the first, when several
// proposals quote the same passage).

/** The article with its quoted passages marked. */
export function ArticleText({ text, proposals, selected, onSelect }: { text: string; proposals: readonly ProposalView[]; selected: number | null; onSelect: (index: number) => void }) {
  const { t } = useI18n();
  const pieces = useMemo(() => highlightPieces(text, proposals), [text, proposals]);
  const status = new Map(proposals.map((proposal) => [proposal.index, proposal.duplicate && proposal.status === 'open' ? 'recorded' : proposal.status]));
  return (
    <div className="article-text" data-free-text>
      {pieces.map((piece) => {
        const first = piece.proposals[0];
        if (first === undefined) return <span key={piece.start}>{piece.text}</span>;
        const active = selected !== null && piece.proposals.includes(selected);
        return (
          <mark key={piece.start} id={`quote-${first}-${piece.start}`} data-proposals={piece.proposals.join(' ')} className={`quote quote-${status.get(first) ?? 'open'}${active ? ' active' : ''}`}>
            <a
              href={`#proposal-${first}`}
              title={t('ingest.showQuote')}
              onClick={(event) => {
                event.preventDefault();
                onSelect(piece.proposals.includes(selected ?? -1) && selected !== null ? nextOf(piece.proposals, selected) : first);
              }}
            >
              {piece.text}
            </a>
          </mark>
        );
      })}
    </div>
  );
}

/** Clicking a passage quoted by several proposals again goes to the next of them. */
function nextOf(list: readonly number[], current: number): number {
  const at = list.indexOf(current);
  return list[(at + 1) % list.length] ?? current;
}
