import type { MessageKey } from './i18n/messages.js';

// The app's paths and its navigation, as data (tested without a browser).

export type PageName = 'overview' | 'map' | 'party' | 'pledges' | 'requirements' | 'purl' | 'financing' | 'analysis' | 'sanctions' | 'guarantees' | 'timeline' | 'changes' | 'sources' | 'ingest' | 'incidents' | 'login' | 'public' | 'not-found';

export const NAVIGATION: { path: string; page: PageName; label: MessageKey }[] = [
  { path: '/', page: 'overview', label: 'nav.overview' },
  { path: '/map', page: 'map', label: 'nav.map' },
  { path: '/pledges', page: 'pledges', label: 'nav.pledges' },
  { path: '/requirements', page: 'requirements', label: 'nav.requirements' },
  { path: '/purl', page: 'purl', label: 'nav.purl' },
  { path: '/financing', page: 'financing', label: 'nav.financing' },
  { path: '/analysis', page: 'analysis', label: 'nav.analysis' },
  { path: '/sanctions', page: 'sanctions', label: 'nav.sanctions' },
  { path: '/guarantees', page: 'guarantees', label: 'nav.guarantees' },
  { path: '/timeline', page: 'timeline', label: 'nav.timeline' },
  { path: '/changes', page: 'changes', label: 'nav.changes' },
  { path: '/sources', page: 'sources', label: 'nav.sources' },
  { path: '/ingest', page: 'ingest', label: 'nav.ingest' },
  { path: '/incidents', page: 'incidents', label: 'nav.incidents' },
];

/** The page for a path, with the record id where the path names one (`/parties/FR`, `/pledges/fr-1`). */
export function matchRoute(path: string): { page: PageName; id?: string } {
  const parts = path.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
  const [first, second] = parts;
  if (parts.length === 0) return { page: 'overview' };
  if (first === 'parties' && second && parts.length === 2) return { page: 'party', id: second };
  if (first === 'pledges' && parts.length <= 2) return second ? { page: 'pledges', id: second } : { page: 'pledges' };
  const simple = NAVIGATION.find((item) => item.path === `/${first}`);
  if (simple && parts.length === 1) return { page: simple.page };
  if (first === 'login' && parts.length === 1) return { page: 'login' };
  if (first === 'public' && parts.length === 1) return { page: 'public' };
  return { page: 'not-found' };
}

const TITLES: Record<PageName, MessageKey> = {
  overview: 'nav.overview',
  map: 'map.title',
  party: 'title.party',
  pledges: 'pledges.title',
  requirements: 'requirements.title',
  purl: 'purl.title',
  financing: 'financing.title',
  analysis: 'analysis.title',
  sanctions: 'sanctions.title',
  guarantees: 'guarantees.title',
  timeline: 'timeline.title',
  changes: 'changes.title',
  sources: 'sources.title',
  ingest: 'ingest.title',
  incidents: 'incidents.title',
  login: 'login.title',
  public: 'public.title',
  'not-found': 'notFound',
};

/** The message naming a page in the browser tab (a page with a record adds the record's name itself). */
export function titleKeyOf(page: PageName): MessageKey {
  return TITLES[page];
}
