import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { describeHistory, type FollowUpItem, ownerOf } from './follow-up.data.js';
import '../changes/changes.css';

// Action items on the timeline: the follow-up list (open items, overdue marked, the caller's party first) and
// one meeting's items with owner, due date, status and its changes.

const STATUS_KEYS: Record<string, MessageKey | undefined> = { open: 'followUp.status.open', done: 'followUp.status.done', dropped: 'followUp.status.dropped' };

/** The status in the UI's language. */
export function useStatusWord(): (status: string) => string {
  const { t } = useI18n();
  return (status) => {
    const key = STATUS_KEYS[status];
    return key ? t(key) : status;
  };
}

/** The open action items to follow up, judged on `on`. */
export function FollowUpList({ items, overdue, on, partyName }: { items: FollowUpItem[]; overdue: number; on: string; partyName: (id: string) => string }) {
  const { t } = useI18n();
  return (
    <section className="follow-up" aria-labelledby="follow-up-title" data-testid="follow-up">
      <h2 id="follow-up-title">
        {t('followUp.title')} <span className="muted small">({items.length}{overdue > 0 && ` · ${t('followUp.overdueCount', { count: overdue })}`})</span>
      </h2>
      <p className="muted small">{t('followUp.intro', { date: on })}</p>
      {items.length === 0 ? <p>{t('followUp.none')}</p> : <ActionItems items={items} partyName={partyName} withMeeting />}
    </section>
  );
}

/** A list of action items: text, owner, due date or overdue, status and its changes. */
export function ActionItems({ items, partyName, withMeeting = false }: { items: FollowUpItem[]; partyName: (id: string) => string; withMeeting?: boolean }) {
  const { t } = useI18n();
  const statusWord = useStatusWord();
  return (
    <ul className="action-items">
      {items.map((item) => {
        const owner = ownerOf(item, partyName);
        const history = describeHistory(item, statusWord);
        return (
          <li key={item.id} className={[item.overdue ? 'overdue' : '', item.ownParty ? 'own' : ''].filter(Boolean).join(' ') || undefined} data-item={item.id}>
            <div>
              <span className={`badge badge-${item.status}`}>{statusWord(item.status)}</span>{' '}
              {item.overdue && <span className="badge badge-overdue">{t('followUp.overdue', { days: item.daysOverdue })}</span>} {item.text}
            </div>
            <div className="muted small">
              {owner ? t('followUp.owner', { owner }) : t('followUp.noOwner')}
              {item.ownParty && ` · ${t('followUp.own')}`} · {item.due ? t('followUp.due', { date: item.due }) : t('followUp.noDue')}
              {withMeeting && item.meetingTitle && ` · ${item.meetingDate ?? ''} ${item.meetingTitle}`}
              {history && ` · ${t('followUp.history', { history })}`}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
