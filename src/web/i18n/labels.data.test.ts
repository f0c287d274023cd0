import { describe, expect, it } from 'vitest';
import { KNOWN_AREAS } from '../../core/areas.js';
import { PLEDGE_STATUSES } from '../../core/types.js';
import { areaName, domainName, statusName } from './labels.data.js';
import { translate } from './messages.js';

describe('labels for codes', () => {
  const en = (key: Parameters<typeof translate>[1]): string => translate('en', key);
  const de = (key: Parameters<typeof translate>[1]): string => translate('de', key);

  it('names every known area and status in both languages', () => {
    for (const area of KNOWN_AREAS) {
      expect(areaName(en, area)).not.toBe(area);
      expect(areaName(de, area)).not.toBe(area === 'ua' ? 'ua' : areaName(en, area));
    }
    for (const status of PLEDGE_STATUSES) expect(statusName(de, status)).not.toBe(status);
  });

  it('names the domains of capabilities and public releases', () => {
    expect(domainName(de, 'air_defence')).toBe('Luftverteidigung');
    expect(domainName(en, 'maritime')).toBe('sea');
    expect(domainName(en, 'space')).toBe('space');
  });

  it('shows a code it does not know as it is', () => {
    expect(areaName(en, 'ua.rear.west')).toBe('ua.rear.west');
    expect(statusName(en, 'rumoured')).toBe('rumoured');
  });
});
