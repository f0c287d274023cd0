import { describe, expect, it } from 'vitest';
import { describeBasis, monitorsByArea } from './incidents.data.js';

describe('the Incidents page data', () => {
  it('groups monitoring pledges by area, leaving out withdrawn ones and other capabilities', () => {
    const rows = monitorsByArea(
      [
        { id: 'de-1', party: 'DE', capability: 'monitoring.observers', areas: ['outside_ua'], status: 'committed' },
        { id: 'us-1', party: 'US', capability: 'monitoring.observers', areas: ['ua', 'outside_ua'], status: 'announced' },
        { id: 'fr-1', party: 'FR', capability: 'air.isr', areas: ['ua'], status: 'committed' },
        { id: 'gb-1', party: 'GB', capability: 'monitoring.observers', areas: ['ua'], status: 'withdrawn' },
      ],
      'monitoring.observers',
    );
    expect(rows).toEqual([
      { area: 'outside_ua', parties: ['DE', 'US'], pledges: ['de-1', 'us-1'] },
      { area: 'ua', parties: ['US'], pledges: ['us-1'] },
    ]);
  });

  it('describes the basis of a derived fact, and nothing for a recorded one', () => {
    expect(describeBasis({ value: true, derived: { since: '2026-02-10', basis: [{ id: 'inc-1', date: '2026-02-10', title: 'Shelling', confirmedOn: '2026-02-12' }] } })).toEqual([
      { id: 'inc-1', title: 'Shelling', date: '2026-02-10', confirmedOn: '2026-02-12' },
    ]);
    expect(describeBasis({ value: false })).toEqual([]);
  });
});
