import { isUser, type Principal, scopeOf } from '../../core/access/principal.js';
import { canSeeRecord } from '../../core/access/visibility.js';
import type { BriefingDocument } from '../../core/briefing/briefing-document.js';
import type { BriefingLanguage } from '../../core/briefing/briefing-text.js';
import { type BriefingMeeting, buildBriefing } from '../../core/briefing/build-briefing.js';
import { listFollowUp } from '../../core/meetings/follow-up.js';
import type { IsoDate } from '../../core/types.js';
import { actionItemEntity, meetingDecisionEntity, meetingEntity } from '../../db/entities/meeting-entities.js';
import { contributionEntity, financingPlanEntity, fundEntity } from '../../db/entities/funding-entities.js';
import { sanctionsPackageEntity } from '../../db/entities/sanctions-entities.js';
import type { Store } from '../../db/open-store.js';
import type { AnalysisService } from '../analyses/analyses.service.js';
import type { ChangesService } from '../changes/changes.service.js';
import { reconstructRecordsAsOf } from '../changes/reconstruct-records-as-of.js';
import { decidedAsOf } from '../../core/funding/known-as-of.js';
import type { FundingService } from '../funding/funding.service.js';
import type { ScenarioService } from '../scenarios.service.js';
import { runBriefingAnalyses } from './briefing-analyses.js';
import { renderBriefingPdf } from './render-briefing-pdf.js';
import { warmUpBriefingRenderer } from './warm-up-renderer.js';

// The briefing pack of a meeting (docs/meetings.md): everything as of the meeting's date, as the requester may
// see it — the dataset and coverage from the scenario service's time travel, the changes since the previous
// meeting from the changes service; meetings, decisions, action items, funds, their packages and contributions,
// financing plans and sanctions packages from the audit log by the same rule (reconstructRecordsAsOf) —
// assembled by the core and laid out as a PDF.

export class BriefingService {
  constructor(
    private readonly store: Store,
    private readonly scenarios: ScenarioService,
    private readonly changes: ChangesService,
    private readonly now: () => Date,
    private readonly funding: FundingService,
    /** The decision analyses, where they are wired in (the pack leaves their section out otherwise). */
    private readonly analyses?: AnalysisService,
  ) {}

  /** The briefing document of a meeting (not_found for an unknown meeting). */
  async document(principal: Principal, meetingId: string, options: { lang: BriefingLanguage; generatedAt: Date }): Promise<BriefingDocument> {
    const meeting = await this.changes.meeting(meetingId, 'meeting');
    const date = meeting.date;
    const db = this.store.db;
    const meetings = await reconstructRecordsAsOf(db, meetingEntity, date, principal);
    const previous = meetings.filter((item) => item.date < date).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)).at(-1) ?? null;
    const dataset = await this.scenarios.dataset(principal, date);
    const scenario = await this.scenarios.evaluate(principal, { asOf: date });
    const previousScenario = previous ? await this.scenarios.evaluate(principal, { asOf: previous.date }) : null;
    const changes = previous ? await this.changes.changes(principal, { since: { kind: 'date', date: previous.date }, until: { kind: 'date', date } }) : null;

    // Funds, their packages and contributions, financing plans and sanctions packages as recorded by then.
    const fundRecords = new Map((await reconstructRecordsAsOf(db, fundEntity, date, principal)).map((fund) => [fund.id, fund]));
    const funds = (await this.funding.listFunds(principal, { asOf: date, recorded: 'as-of' })).map((fund) => ({ ...fund, sources: fundRecords.get(fund.id)?.sources ?? [] }));
    const plans = (await reconstructRecordsAsOf(db, financingPlanEntity, date, principal)).map((record) => {
      // A decision taken after the meeting was not taken then; the option by its short name in the pack's language.
      const decided = record.options.find((option) => option.id === decidedAsOf(record, date));
      return {
        id: record.id,
        title: record.title,
        needAmount: record.needAmount,
        currency: record.currency,
        decidedOption: decided === undefined ? null : (decided.name?.[options.lang] ?? decided.title),
        sources: record.sources,
      };
    });
    const after = previous?.date ?? '0000-00-00';
    const sanctions = (await reconstructRecordsAsOf(db, sanctionsPackageEntity, date, principal))
      .filter((item) => item.adoptedOn !== undefined && item.adoptedOn > after && item.adoptedOn <= date)
      .sort((a, b) => (a.adoptedOn ?? '').localeCompare(b.adoptedOn ?? '') || a.id.localeCompare(b.id));

    const meetingDates = new Map(meetings.map((item) => [item.id, { date: item.date, title: item.title }]));
    const items = (await reconstructRecordsAsOf(db, actionItemEntity, date, principal)).filter((item) => (meetingDates.get(item.meeting)?.date ?? '9999') <= date);
    const party = isUser(principal) && principal.role === 'delegate' ? principal.party : null;
    const actionItems = listFollowUp(items, { today: date, party, meetings: meetingDates });
    const previousDecisions = previous ? (await reconstructRecordsAsOf(db, meetingDecisionEntity, date, principal)).filter((item) => item.meeting === previous.id) : [];

    // The marking: every confidential record the pack may show (pledges known then, contributions made by then).
    const scope = scopeOf(principal);
    const known = dataset.pledges.filter((pledge) => pledge.announcedOn === undefined || pledge.announcedOn <= date);
    const contributions = (await reconstructRecordsAsOf(db, contributionEntity, date, principal)).filter((item) => item.date <= date && canSeeRecord(scope, item));
    const confidential = [
      ...known.map((pledge) => ({ confidentiality: pledge.confidentiality, owners: [pledge.party, ...(pledge.sharedWith ?? [])] })),
      ...contributions.map((item) => ({ confidentiality: item.confidentiality, owners: [...item.donors.map((donor) => donor.party), ...(item.sharedWith ?? [])] })),
    ];

    return buildBriefing({
      lang: options.lang,
      generatedAt: options.generatedAt,
      requester: isUser(principal) ? `${principal.name} (${principal.role}${principal.party ? `, ${principal.party}` : ''})` : principal.name,
      meeting: toBriefingMeeting(meeting),
      previous: previous ? toBriefingMeeting(previous) : null,
      parties: dataset.parties,
      capabilities: new Map([...dataset.capabilityById].map(([id, capability]) => [id, capability.name])),
      sources: dataset.sources,
      requirements: dataset.requirements,
      factNames: new Map(dataset.facts.flatMap((fact) => {
        const name = localizedName(fact);
        return name ? [[fact.id, name] as const] : [];
      })),
      pledges: known,
      scenario,
      previousStates: new Map((previousScenario?.pledges ?? []).filter((pledge) => pledge.candidate).map((pledge) => [pledge.id, pledge.state])),
      changes,
      funds,
      plans,
      sanctions,
      actionItems,
      previousDecisions,
      confidential,
      analyses: this.analyses ? await runBriefingAnalyses(this.analyses, principal, date) : null,
    });
  }

  /** Prepare the renderer (fonts, layout code) so that the first pack is not slower than the next: call once a server listens. */
  async warmUp(): Promise<void> {
    await warmUpBriefingRenderer();
  }

  /** The briefing as PDF bytes, generated now. */
  async pdf(principal: Principal, meetingId: string, lang: BriefingLanguage): Promise<{ bytes: Buffer; filename: string }> {
    const generatedAt = this.now();
    const document = await this.document(principal, meetingId, { lang, generatedAt });
    return { bytes: await renderBriefingPdf(document, generatedAt), filename: `briefing-${meetingId}-${lang}.pdf` };
  }
}

function toBriefingMeeting(meeting: { id: string; date: IsoDate; title: string; format: string; place?: string | undefined; inPerson: string[]; online: string[]; sources: string[] }): BriefingMeeting {
  return { id: meeting.id, date: meeting.date, title: meeting.title, format: meeting.format, place: meeting.place, inPerson: meeting.inPerson, online: meeting.online, sources: meeting.sources };
}

// A record's `name: { en, de }` where it has one (facts and requirements carry it in the data, not in the core's types).
function localizedName(record: object): { en: string; de: string } | undefined {
  const name: unknown = (record as { name?: unknown }).name;
  if (typeof name !== 'object' || name === null) return undefined;
  const { en, de } = name as { en?: unknown; de?: unknown };
  return typeof en === 'string' && typeof de === 'string' ? { en, de } : undefined;
}
