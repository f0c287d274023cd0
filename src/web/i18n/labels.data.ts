import type { MessageKey } from './messages.js';

// Words for the codes records use: areas, pledge statuses, contribution statuses. A code a dataset adds
// outside these lists is shown as it is.

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const AREAS: Readonly<Record<string, MessageKey>> = {
  any: 'area.any',
  ua: 'area.ua',
  'ua.rear': 'area.ua.rear',
  'ua.front': 'area.ua.front',
  'ua.airspace': 'area.ua.airspace',
  black_sea: 'area.black_sea',
  outside_ua: 'area.outside_ua',
};

const STATUSES: Readonly<Record<string, MessageKey>> = {
  announced: 'status.announced',
  offered: 'status.offered',
  committed: 'status.committed',
  approved: 'status.approved',
  delivered: 'status.delivered',
  withdrawn: 'status.withdrawn',
  // contributions and fund packages
  pledged: 'status.pledged',
  paid: 'status.paid',
  open: 'status.open',
  funded: 'status.funded',
  ordered: 'status.ordered',
};

const GROUPS: Readonly<Record<string, MessageKey>> = { coalition: 'group.coalition' };

/** An area's name ("Ukraine, away from the line of contact"); an unknown area by its id. */
export function areaName(t: Translate, area: string): string {
  const key = AREAS[area];
  return key ? t(key) : area;
}

/** A pledge status in words; an unknown status as it is. */
export function statusName(t: Translate, status: string): string {
  const key = STATUSES[status];
  return key ? t(key) : status;
}

/** A party group in words: a group that is itself a party (EU, NATO) by that party's name. */
export function groupName(t: Translate, group: string, party: (id: string) => string): string {
  const key = GROUPS[group];
  return key ? t(key) : party(group);
}

const FORMATS: Readonly<Record<string, MessageKey>> = { leaders: 'meeting.format.leaders', ministers: 'meeting.format.ministers', nsa: 'meeting.format.nsa', other: 'meeting.format.other' };

/** A meeting format in words ("national security advisers"); an unknown format as it is. */
export function meetingFormat(t: Translate, format: string): string {
  const key = FORMATS[format];
  return key ? t(key) : format;
}

const DOMAINS: Readonly<Record<string, MessageKey>> = {
  land: 'domain.land',
  air: 'domain.air',
  air_defence: 'domain.air_defence',
  sea: 'domain.sea',
  maritime: 'domain.sea',
  intel: 'domain.intel',
  intelligence: 'domain.intel',
  monitoring: 'domain.monitoring',
  logistics: 'domain.logistics',
  training: 'domain.training',
  industry: 'domain.industry',
  demining: 'domain.demining',
  finance: 'domain.finance',
};

/** A domain (a capability's part before the dot, or a public release's domain) in words; an unknown one as it is. */
export function domainName(t: Translate, domain: string): string {
  const key = DOMAINS[domain];
  return key ? t(key) : domain;
}
