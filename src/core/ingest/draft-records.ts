// What a proposal would become as a record (docs/ingestion.md "Accepting"): the ingest page shows this draft,
// the analyst edits it, and the accepted draft is written through the record services. Pure.

import type { Proposal, PledgeDomain, PledgeUnit } from './types.js';

export interface RecordDraft {
  /** The record type (API resource name): meetings, contributions, pledges, requirements, sanctions-packages, facts. */
  entity: string;
  record: Record<string, unknown>;
  /** A fact is an existing record: its value is replaced. */
  replaces?: boolean;
}

const CAPABILITY: Record<PledgeDomain, string> = {
  land: 'land.personnel',
  air: 'air.isr',
  maritime: 'maritime.vessels',
  air_defence: 'air_defence.systems',
  training: 'training.trainees_per_year',
  monitoring: 'monitoring.observers',
  logistics: 'logistics.hub',
  intelligence: 'intelligence.support',
  industry: 'industry.long_range_missiles',
  finance: 'finance.grant',
};

/** The capability a pledge's domain and unit suggest (brigade sets are land.brigade_equipment). */
export function suggestCapability(domain: PledgeDomain, unit: PledgeUnit | null): string {
  if (domain === 'land' && unit === 'brigade_sets') return 'land.brigade_equipment';
  if (domain === 'air' && unit === 'platforms') return 'air.policing';
  return CAPABILITY[domain];
}

/** The condition text of a pledge's conditions (`mandate.XX` for a parliament). */
export function conditionText(conditions: readonly string[], party: string): string {
  const facts = conditions.map((condition) => (condition === 'parliament' ? `mandate.${party}` : condition));
  return facts.length > 0 ? facts.join(' and ') : 'true';
}

/** The record a proposal suggests; null for a refusal (no record: it is shown for information). */
export function draftRecord(options: { proposal: Proposal; id: string; articleDate: string | null; funds: readonly string[] }): RecordDraft | null {
  const { proposal, id, articleDate } = options;
  switch (proposal.kind) {
    case 'meeting': {
      const online = proposal.online;
      return {
        entity: 'meetings',
        record: {
          id,
          date: proposal.date ?? articleDate,
          format: proposal.format,
          ...(proposal.place ? { place: proposal.place } : {}),
          title: `${proposal.format === 'nsa' ? 'National security advisers' : proposal.format === 'ministers' ? 'Ministers' : proposal.format === 'leaders' ? 'Leaders' : 'Meeting'}${proposal.place ? ` in ${proposal.place}` : ''}${proposal.date ? ` on ${proposal.date}` : ''}`,
          inPerson: proposal.participants.filter((code) => !online.includes(code)),
          online,
        },
      };
    }
    case 'contribution': {
      const date = proposal.date ?? articleDate;
      const year = date?.slice(0, 4);
      const purlFunds = options.funds.filter((fund) => /purl/i.test(fund));
      const fund = proposal.programme === 'purl' ? (purlFunds.find((f) => year !== undefined && f.includes(year)) ?? purlFunds[purlFunds.length - 1]) : undefined;
      return {
        entity: 'contributions',
        record: {
          id,
          ...(fund ? { fund } : {}),
          donors: proposal.donors.map((party) => ({ party })),
          amount: Math.round(proposal.amount * 100),
          currency: proposal.currency,
          date,
          status: 'pledged',
          confidentiality: 'public',
        },
      };
    }
    case 'pledge':
      if (proposal.negative) return null;
      return {
        entity: 'pledges',
        record: {
          id,
          party: proposal.party,
          capability: suggestCapability(proposal.domain, proposal.unit),
          quantity: proposal.quantity,
          status: 'announced',
          condition: conditionText(proposal.conditions, proposal.party),
          confidentiality: 'public',
          ...(articleDate ? { announcedOn: articleDate } : {}),
        },
      };
    case 'estimate':
      return {
        entity: 'requirements',
        record: {
          id,
          capability: proposal.unit === 'persons' ? 'land.personnel' : 'finance.grant',
          quantity: proposal.unit === 'persons' ? Math.round(proposal.amount) : Math.round(proposal.amount * 100),
          estimate: true,
          title: `${proposal.what}${proposal.by ? ` (${proposal.by})` : ''}`.slice(0, 500),
        },
      };
    case 'sanctions':
      return {
        entity: 'sanctions-packages',
        record: {
          id,
          jurisdiction: proposal.jurisdiction,
          ...(proposal.number !== null ? { number: proposal.number } : {}),
          ...(proposal.date ? { adoptedOn: proposal.date } : {}),
          title: `${proposal.jurisdiction} sanctions${proposal.number !== null ? ` package ${proposal.number}` : ''}${proposal.measures.length ? `: ${proposal.measures.join(', ')}` : ''}`,
        },
      };
    case 'fact':
      return { entity: 'facts', record: { id: proposal.fact, value: proposal.value ?? 'unknown' }, replaces: true };
  }
}
