import { useEffect } from 'react';

// Each page names itself in the browser tab ("Pledges — Coalition Ledger"), so tabs, history and bookmarks
// can be told apart.

/** Set the document title to `title — app` while the calling page is shown. */
export function usePageTitle(title: string | undefined, app: string): void {
  useEffect(() => {
    if (title) document.title = `${title} — ${app}`;
  }, [title, app]);
}
