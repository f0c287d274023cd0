import { useI18n } from '../../i18n/i18n.js';
import { ApiError, apiGet, apiRequest } from '../../lib/api-client.js';
import { clearCache } from '../../lib/cache.js';
import { useLoad } from '../../lib/use-api.js';
import { useSession } from '../../session/session.js';
import { useState } from 'react';
import { approvalActions, type PendingApproval } from './pledges.data.js';

// Four-eyes approval (docs/access-control.md): setting a pledge to `approved` waits for a second person.
// Shows the pending request and offers what this user may do with it; a confirmation names the revision shown,
// so a proposal changed meanwhile is refused (409 approval.stale) rather than approved unseen.

/** The pending approval of a pledge, if any, with confirm / withdraw / reject. */
export function PendingApprovalBox({ pledge, generation, onDone }: { pledge: string; generation: number; onDone: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const loaded = useLoad(`approval:${pledge}:${generation}`, () =>
    apiGet<PendingApproval>(`/api/pledges/${encodeURIComponent(pledge)}/approval`).catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
      throw error;
    }),
  );
  const pending = loaded.data;
  // Once confirmed or withdrawn the request is gone: keep saying what happened rather than vanish with it.
  if (!pending) {
    return message ? (
      <div className="notice" data-testid="pending-approval" role="status">
        <p>{message}</p>
      </div>
    ) : null;
  }
  const actions = approvalActions(session, pending);
  const act = async (method: 'POST' | 'DELETE'): Promise<void> => {
    try {
      await apiRequest<unknown>(method, `/api/pledges/${encodeURIComponent(pledge)}/approval`, method === 'POST' ? { revision: pending.revision } : undefined);
      clearCache();
      setMessage(method === 'POST' ? t('approval.confirmed') : t('approval.withdrawn'));
      loaded.reload();
      onDone();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div className="notice" data-testid="pending-approval" role="status">
      <p>{t('approval.pending', { user: pending.requestedBy, at: pending.requestedAt.slice(0, 16).replace('T', ' ') })}</p>
      {actions.confirm && <button onClick={() => void act('POST')}>{t('approval.confirm')}</button>}{' '}
      {actions.withdraw && <button onClick={() => void act('DELETE')}>{actions.own ? t('approval.withdraw') : t('approval.reject')}</button>}
      {message && <p>{message}</p>}
    </div>
  );
}
