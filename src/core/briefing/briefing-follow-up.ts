import type { ChangeReport } from '../changes/diff-states.js';
import type { FieldChange } from '../changes/diff-records.js';
import { type FollowUpItem, groupByOwner } from '../meetings/follow-up.js';
import type { ScenarioResult } from '../scenario/evaluate-scenario.js';
import type { BriefingSection } from './briefing-document.js';
import type { BriefingContext } from './briefing-context.js';
import type { BriefingDecision, BriefingFund, BriefingMeeting, BriefingPlan, BriefingSanction } from './build-briefing.js';
import { formatCount, formatMoney, formatSpan } from './briefing-text.js';

// Money, sanctions, changes and follow-up: what the meeting acts on.

/** PURL funds (contributed, packages funded, shortfall) and the financing plans' status. */
export function fundsSection(context: BriefingContext, funds: readonly BriefingFund[], plans: readonly BriefingPlan[]): BriefingSection {
  const { t, lang } = context;
  const blocks: BriefingSection['blocks'] = [];
  if (funds.length === 0) blocks.push({ kind: 'paragraph', text: t.noFunds });
  else {
    blocks.push({
      kind: 'table',
      columns: [
        { title: t.fund, width: 0.4 },
        { title: t.contributed, width: 0.2, align: 'right' },
        { title: t.fundedPackages, width: 0.2, align: 'right' },
        { title: t.fundShortfall, width: 0.2, align: 'right' },
      ],
      rows: funds.map((fund) => ({
        cells: [fund.title, formatMoney(fund.contributed, fund.currency, lang), `${formatCount(fund.fundedPackages, lang)} / ${formatCount(fund.packages, lang)}`, formatMoney(fund.shortfall, fund.currency, lang)],
        notes: [context.citeRecord(`${fund.title} (${fund.id})`, fund.sources)],
      })),
    });
  }
  if (plans.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [{ title: t.financingPlan, width: 0.55 }, { title: t.need, width: 0.2, align: 'right' }, { title: '', width: 0.25 }],
      rows: plans.map((plan) => ({
        cells: [plan.title, formatMoney(plan.needAmount, plan.currency, lang), plan.decidedOption === null ? t.notDecided : `${t.decided}: ${plan.decidedOption}`],
        notes: [context.citeRecord(`${plan.title} (${plan.id})`, plan.sources)],
      })),
    });
  }
  return { title: t.funds, blocks };
}

/** Sanctions packages adopted after the previous meeting, up to this one. */
export function sanctionsSection(context: BriefingContext, sanctions: readonly BriefingSanction[]): BriefingSection {
  const { t } = context;
  if (sanctions.length === 0) return { title: t.sanctions, blocks: [{ kind: 'paragraph', text: t.sanctionsNone }] };
  return {
    title: t.sanctions,
    blocks: [
      {
        kind: 'list',
        items: sanctions.map((item) => ({
          text: `${item.adoptedOn ? `${context.date(item.adoptedOn)} — ` : ''}${item.jurisdiction}${item.number === undefined ? '' : ` #${item.number}`}: ${item.title}`,
          notes: [context.citeRecord(`${item.jurisdiction} ${item.title} (${item.id})`, item.sources)],
        })),
      },
    ],
  };
}

/** What changed since the previous meeting. */
export function changesSection(context: BriefingContext, changes: ChangeReport | null): BriefingSection {
  const { t, lang } = context;
  const title = t.changes;
  if (changes === null) return { title, blocks: [{ kind: 'paragraph', text: t.noPrevious }] };
  const blocks: BriefingSection['blocks'] = [{ kind: 'paragraph', text: `${context.date(changes.since)} → ${context.date(changes.until)}` }];
  const list = (heading: string, items: { text: string; notes?: number[] }[]) => {
    if (items.length === 0) return;
    blocks.push({ kind: 'subheading', text: `${heading} (${items.length})` });
    blocks.push({ kind: 'list', items });
  };
  const field = (change: FieldChange) => `${change.field}: ${value(change.before, lang, t.noFigure)} → ${value(change.after, lang, t.noFigure)}`;
  list(t.pledgesAdded, changes.pledges.added.map((pledge) => ({ text: `${context.pledge(pledge.id)}, ${t.pledgeStatuses[pledge.status] ?? pledge.status}`, notes: [context.citePledge(pledge.id)] })));
  list(t.pledgesChanged, changes.pledges.changed.map((change) => ({ text: `${context.pledge(change.id)}: ${change.fields.map(field).join('; ')}`, notes: [context.citePledge(change.id)] })));
  list(t.pledgesWithdrawn, changes.pledges.withdrawn.map((item) => ({ text: `${context.pledge(item.id)}${item.on ? `, ${context.date(item.on)}` : ''}`, notes: [context.citePledge(item.id)] })));
  list(t.pledgesSuperseded, changes.pledges.superseded.map((item) => ({ text: `${context.pledge(item.id)} ${t.supersededBy} ${item.by}`, notes: [context.citePledge(item.id), context.citePledge(item.by)] })));
  const figures = (f: ChangeReport['coverage'][number]['then']) => (f === null ? '–' : `${formatSpan(f.supplyMin, f.supplyMax, lang)}${f.demand === null ? '' : ` / ${formatCount(f.demand, lang)}`}`);
  list(t.coverageMoved, changes.coverage.filter((row) => row.changed).map((row) => ({ text: `${context.requirement(row.requirement)}: ${t.then} ${figures(row.then)}, ${t.now} ${figures(row.now)}`, notes: [context.citeRequirement(row.requirement)] })));
  list(t.factsChanged, [...changes.facts.changed.map((change) => ({ text: `${context.fact(change.id)}: ${change.fields.map(field).join('; ')}` })), ...changes.facts.added.map((fact) => ({ text: `${context.fact(fact.id)} = ${t.factValues[String(fact.value)] ?? String(fact.value)}` }))]);
  list(t.contributionsAdded, changes.contributions.added.map((item) => ({ text: `${item.donors.map((donor) => context.party(donor.party)).join(', ')}: ${item.amount === null ? t.noFigure : formatMoney(item.amount, item.currency, lang)}, ${context.date(item.date)}`, notes: [context.citeRecord(`${item.id}`, Array.isArray(item.sources) ? item.sources.filter((id): id is string => typeof id === 'string') : [])] })));
  list(t.decisionsAdded, changes.decisions.added.map((item) => ({ text: item.text, notes: [context.citeRecord(item.id, Array.isArray(item.sources) ? item.sources.filter((id): id is string => typeof id === 'string') : [])] })));
  if (blocks.length === 1) blocks.push({ kind: 'paragraph', text: t.changesNone });
  return { title, blocks };
}

/** Open action items as of the meeting, by owner, overdue ones marked. */
export function actionItemsSection(context: BriefingContext, items: readonly FollowUpItem[]): BriefingSection {
  const { t, lang } = context;
  const open = items.filter((item) => item.status === 'open');
  if (open.length === 0) return { title: t.actions, blocks: [{ kind: 'paragraph', text: t.actionsNone }] };
  const blocks: BriefingSection['blocks'] = [];
  for (const group of groupByOwner(open)) {
    blocks.push({ kind: 'subheading', text: group.owner === null ? t.noOwner : ownerName(context, group.items[0]) });
    blocks.push({ kind: 'list', items: group.items.map((item) => ({ text: actionLine(context, item, lang) })) });
  }
  return { title: t.actions, blocks };
}

/** The previous meeting's decisions, and what became of the pledges they named and of its action items. */
export function decisionsSection(
  context: BriefingContext,
  input: { previous: BriefingMeeting | null; decisions: readonly BriefingDecision[]; states: ReadonlyMap<string, string>; scenario: ScenarioResult; actionItems: readonly FollowUpItem[] },
): BriefingSection {
  const { t, lang } = context;
  const title = t.decisionsFollowUp;
  if (input.previous === null) return { title, blocks: [{ kind: 'paragraph', text: t.noPrevious }] };
  const blocks: BriefingSection['blocks'] = [{ kind: 'paragraph', text: `${input.previous.title}, ${context.date(input.previous.date)}` }];
  if (input.decisions.length === 0) blocks.push({ kind: 'paragraph', text: t.decisionsNone });
  const now = new Map(input.scenario.pledges.map((pledge) => [pledge.id, pledge.state]));
  for (const decision of input.decisions) {
    blocks.push({ kind: 'paragraph', text: decision.text, emphasis: true, notes: [context.citeRecord(decision.id, decision.sources)] });
    const named = decision.pledges.filter((id) => now.has(id) || input.states.has(id));
    if (named.length > 0) {
      blocks.push({
        kind: 'list',
        items: named.map((id) => ({
          text: `${context.pledge(id)}: ${t.states[input.states.get(id) ?? 'absent'] ?? ''} → ${t.states[now.get(id) ?? 'absent'] ?? ''}`,
          notes: [context.citePledge(id)],
        })),
      });
    }
  }
  const ofPrevious = input.actionItems.filter((item) => item.meeting === input.previous?.id);
  if (ofPrevious.length > 0) {
    blocks.push({ kind: 'subheading', text: t.actionItemsOf });
    blocks.push({ kind: 'list', items: ofPrevious.map((item) => ({ text: `${actionLine(context, item, lang)} — ${t.statuses[item.status] ?? item.status}` })) });
  }
  return { title, blocks };
}

function ownerName(context: BriefingContext, item: FollowUpItem | undefined): string {
  if (!item) return context.t.noOwner;
  const party = item.owner === undefined ? undefined : context.party(item.owner);
  if (party !== undefined && item.ownerPerson !== undefined) return `${party} (${item.ownerPerson})`;
  return party ?? item.ownerPerson ?? context.t.noOwner;
}

function actionLine(context: BriefingContext, item: FollowUpItem, lang: 'en' | 'de'): string {
  const { t } = context;
  const due = item.due === undefined ? t.noDue : `${t.due} ${context.date(item.due)}`;
  const overdue = item.overdue ? ` — ${t.overdueBy} ${formatCount(item.daysOverdue, lang)} ${t.days}` : '';
  return `${item.text} (${due}${overdue}; ${item.meetingTitle ?? item.meeting})`;
}

function value(raw: unknown, lang: 'en' | 'de', none: string): string {
  if (raw === null || raw === undefined) return none;
  if (typeof raw === 'string' || typeof raw === 'boolean') return String(raw);
  if (typeof raw === 'number') return formatCount(raw, lang);
  if (Array.isArray(raw)) return raw.map((item) => value(item, lang, none)).join(', ');
  const range = raw as { min?: unknown; max?: unknown };
  if (typeof range.min === 'number' && typeof range.max === 'number') return formatSpan(range.min, range.max, lang);
  return JSON.stringify(raw);
}
