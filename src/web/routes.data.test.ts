import { describe, expect, it } from 'vitest';
import { matchRoute, titleKeyOf } from './routes.data.js';

describe('routes', () => {
  it('maps paths to pages and ids', () => {
    expect(matchRoute('/')).toEqual({ page: 'overview' });
    expect(matchRoute('/map')).toEqual({ page: 'map' });
    expect(matchRoute('/parties/FR')).toEqual({ page: 'party', id: 'FR' });
    expect(matchRoute('/pledges')).toEqual({ page: 'pledges' });
    expect(matchRoute('/pledges/fr-1')).toEqual({ page: 'pledges', id: 'fr-1' });
    expect(matchRoute('/login')).toEqual({ page: 'login' });
    expect(matchRoute('/changes')).toEqual({ page: 'changes' });
    expect(matchRoute('/public')).toEqual({ page: 'public' });
    expect(matchRoute('/ingest')).toEqual({ page: 'ingest' });
    expect(matchRoute('/nothing/here')).toEqual({ page: 'not-found' });
    expect(matchRoute('/parties')).toEqual({ page: 'not-found' });
  });
});

describe('page titles', () => {
  it('names every page in the browser tab', () => {
    for (const page of ['overview', 'map', 'party', 'pledges', 'requirements', 'purl', 'financing', 'analysis', 'timeline', 'changes', 'sources', 'ingest', 'login', 'public', 'not-found'] as const) {
      expect(titleKeyOf(page)).toBeTruthy();
    }
    expect(titleKeyOf('pledges')).toBe('pledges.title');
  });
});
