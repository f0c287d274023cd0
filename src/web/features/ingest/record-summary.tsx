import type { ReactNode } from 'react';
import { Money } from '../../components/money.js';
import { domainName, meetingFormat, statusName } from '../../i18n/labels.data.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatQuantity, capabilityName } from '../../i18n/capabilities.data.js';
import type { ProposalView } from './ingest.data.js';
import { donorCodes } from './ingest.data.js';
import { isMoneyCapability } from './ingest-form.data.js';

// A record (a proposal's draft, or the existing record it duplicates) in one line of words: names of parties,
// capabilities, funds and facts, never their ids.

export interface Namers {
  party: (id: string) => string;
  fund: (id: string) => string;
  fact: (id: string) => string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** One line naming what a record says. */
export function RecordSummary({ entity, record, namers }: { entity: string; record: Record<string, unknown>; namers: Namers }): ReactNode {
  const { t, language, n } = useI18n();
  const names = (codes: string[]): string => codes.map(namers.party).join(', ');
  const parts: ReactNode[] = [];
  switch (entity) {
    case 'meetings': {
      parts.push(meetingFormat(t, text(record.format)), text(record.date) || t('ingest.summary.noDate'));
      if (text(record.place)) parts.push(t('ingest.summary.in', { place: namers.party(text(record.place)) }));
      if (list(record.inPerson).length) parts.push(t('ingest.summary.with', { names: names(list(record.inPerson)) }));
      if (list(record.online).length) parts.push(t('ingest.summary.online', { names: names(list(record.online)) }));
      break;
    }
    case 'contributions': {
      parts.push(names(donorCodes(record.donors)));
      if (typeof record.amount === 'number') parts.push(<Money language={language} amount={record.amount} currency={text(record.currency)} />);
      if (text(record.fund)) parts.push(namers.fund(text(record.fund)));
      if (text(record.date)) parts.push(text(record.date));
      break;
    }
    case 'pledges': {
      const quantity = typeof record.quantity === 'number' ? { min: record.quantity, max: record.quantity } : typeof record.quantity === 'object' && record.quantity !== null ? (record.quantity as { min: number; max: number }) : null;
      parts.push(`${namers.party(text(record.party))}: ${capabilityName(language, text(record.capability))}`, formatQuantity(language, quantity, text(record.capability)));
      if (text(record.condition) && text(record.condition) !== 'true') parts.push(<>{t('ingest.summary.condition', { condition: '' })}<code>{text(record.condition)}</code></>);
      if (text(record.status)) parts.push(statusName(t, text(record.status)));
      break;
    }
    case 'requirements': {
      const quantity = typeof record.quantity === 'number' ? record.quantity : null;
      parts.push(<span data-free-text>{text(record.title)}</span>, capabilityName(language, text(record.capability)));
      if (quantity !== null) parts.push(isMoneyCapability(record.capability) ? <Money language={language} amount={quantity} currency="EUR" /> : formatQuantity(language, { min: quantity, max: quantity }, text(record.capability)));
      break;
    }
    case 'sanctions-packages': {
      parts.push(namers.party(text(record.jurisdiction)));
      if (typeof record.number === 'number') parts.push(t('ingest.summary.package', { number: n(record.number) }));
      if (text(record.adoptedOn)) parts.push(text(record.adoptedOn));
      if (text(record.title)) parts.push(<span data-free-text>{text(record.title)}</span>);
      break;
    }
    case 'facts': {
      const value = record.value === true ? t('fact.true') : record.value === false ? t('fact.false') : t('fact.unknown');
      parts.push(`${namers.fact(text(record.id))}: ${value}`);
      break;
    }
    default:
      parts.push(text(record.title) || text(record.id));
  }
  return (
    <span className="record-summary">
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          {part}
        </span>
      ))}
    </span>
  );
}

/** A refusal ("no troops"): the party and the domain it refuses. */
export function RefusalSummary({ proposal, namers }: { proposal: ProposalView['proposal']; namers: Namers }) {
  const { t } = useI18n();
  if (proposal.kind !== 'pledge') return null;
  return (
    <span className="record-summary">
      {namers.party(proposal.party)}: {domainName(t, proposal.domain)}
    </span>
  );
}
