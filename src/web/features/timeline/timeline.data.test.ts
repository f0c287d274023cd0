import { describe, expect, it } from 'vitest';
import { briefingHref, buildTimeline } from './timeline.data.js';

describe('timeline', () => {
  it('puts dated sanctions packages and meetings in one list, newest first', () => {
    const events = buildTimeline(
      [
        { id: 'eu-17', jurisdiction: 'EU', number: 17, adoptedOn: '2025-05-20', title: '17th package', sources: ['s'] },
        { id: 'us-x', jurisdiction: 'US', title: 'undated', sources: [] },
      ],
      [{ id: 'm1', package: 'eu-17', kind: 'vessels', description: '189 vessels', count: 189 }],
      [{ id: 'paris', date: '2026-01-06', format: 'leaders', place: 'Paris', title: 'Paris summit', inPerson: ['FR'], online: ['AU'], sources: [] }],
      [{ id: 'd1', meeting: 'paris', text: 'Paris Declaration' }],
    );
    expect(events.map((event) => [event.id, event.kind, event.subtitle])).toEqual([
      ['paris', 'meeting', 'leaders · Paris'],
      ['eu-17', 'sanctions', 'EU #17'],
    ]);
    expect(events[0]?.items).toEqual(['Paris Declaration']);
    expect(events[1]?.items).toEqual(['189 vessels']);
    const before = buildTimeline([{ id: 'eu-17', jurisdiction: 'EU', adoptedOn: '2025-05-20', title: '17th', sources: [] }], [], [], [], '2025-05-19');
    expect(before).toEqual([]);
  });

  it("links a meeting to its briefing pack in the page's language", () => {
    expect(briefingHref('paris-2026-01-06', 'de')).toBe('/api/meetings/paris-2026-01-06/briefing.pdf?lang=de');
    expect(briefingHref('a b', 'en')).toBe('/api/meetings/a%20b/briefing.pdf?lang=en');
  });
});
