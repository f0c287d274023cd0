import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { Loaded } from '../lib/use-api.js';

// Loading and error states, the same on every screen.

/** Draw `children(data)` once loaded; a spinner text or the error (with a retry) otherwise. */
export function Loading<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.error && !loaded.data) {
    return (
      <p role="alert" className="error">
        {t('common.error', { message: loaded.error.message })} <button onClick={loaded.reload}>{t('common.retry')}</button>
      </p>
    );
  }
  if (loaded.data === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  return <>{children(loaded.data)}</>;
}
