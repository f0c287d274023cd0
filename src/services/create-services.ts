import type { Store } from '../db/open-store.js';
import { AccessPolicy } from './access/access-policy.js';
import { AnalysisService } from './analyses/analyses.service.js';
import { AccountService } from './access/accounts.service.js';
import { ApprovalService } from './access/approvals.service.js';
import { IncidentVerificationService } from './incidents/incident-verification.service.js';
import { AuditViewService } from './access/audit-view.service.js';
import { DonorConfirmationService } from './access/donor-confirmations.service.js';
import { PublicReleaseService } from './access/public-releases.service.js';
import { SessionService } from './access/sessions.service.js';
import { BriefingService } from './briefing/briefing.service.js';
import { ChangesService } from './changes/changes.service.js';
import { FundingService } from './funding/funding.service.js';
import { FollowUpService } from './meetings/follow-up.service.js';
import { IngestService } from './ingest/ingest.service.js';
import { RecordListService } from './list-records.service.js';
import { PledgeListService } from './pledge-list.service.js';
import { PartyDomainService } from './party-domains.service.js';
import { PledgePreviewService } from './preview-pledge.service.js';
import { RecordService } from './records.service.js';
import { SanctionsService } from './sanctions/sanctions.service.js';
import { ScenarioService } from './scenarios.service.js';
import { DatasetCache } from './store-dataset.js';

// Wires the services around one store; the API and the CLI both start here.

export interface Services {
  store: Store;
  cache: DatasetCache;
  /** Who may see and write what: call it from every service that reads or writes records. */
  access: AccessPolicy;
  records: RecordService;
  /** Pages of records for the API's lists, now or as of a past date. */
  recordLists: RecordListService;
  scenarios: ScenarioService;
  /** The web's pledge list: a page of a scenario's pledges, filtered, searched and sorted, or its export. */
  pledgeList: PledgeListService;
  /** The map's aggregate of a scenario: per party and domain, counts by state and the strongest state. */
  partyDomains: PartyDomainService;
  /** The pledge editor's preview: a draft evaluated under a scenario, nothing stored. */
  pledgePreview: PledgePreviewService;
  /** What changed between two dates or meetings. */
  changes: ChangesService;
  /** Unlockers, allocation (LP in a worker thread) and risk, on the caller's view. */
  analyses: AnalysisService;
  /** Action items followed up, and the calendar. */
  followUp: FollowUpService;
  /** News ingestion: proposals from an article, accepted as records. */
  ingest: IngestService;
  /** Funds, financing plans, burden sharing and the ECB rates (one rate-table cache for the app). */
  funding: FundingService;
  /** The briefing pack of a meeting. */
  briefing: BriefingService;
  /** The sanctions alignment matrix and timeline, now or as of a date. */
  sanctions: SanctionsService;
  /** Four-eyes: replacing a pledge, and pending approvals. */
  approvals: ApprovalService;
  donorConfirmations: DonorConfirmationService;
  /** Four-eyes verification of incidents (docs/incidents.md). */
  incidentVerifications: IncidentVerificationService;
  accounts: AccountService;
  sessions: SessionService;
  auditView: AuditViewService;
  /** The dated public releases under disclosure control (GET /public/summary is the newest). */
  publicReleases: PublicReleaseService;
  now: () => Date;
}

/** Create the services for a store; `now` is injectable for tests. */
export function createServices(store: Store, now: () => Date = () => new Date()): Services {
  const cache = new DatasetCache();
  const access = new AccessPolicy(store.db, now);
  const records = new RecordService(store, cache, now, access);
  const scenarios = new ScenarioService(store, cache);
  const changes = new ChangesService(store, scenarios, now);
  const analyses = new AnalysisService(scenarios);
  const accounts = new AccountService(store, now);
  const funding = new FundingService(store, now, cache);
  const sanctions = new SanctionsService(store, now);
  return {
    store,
    cache,
    access,
    records,
    recordLists: new RecordListService(records, scenarios, sanctions, store),
    scenarios,
    pledgeList: new PledgeListService(scenarios, now),
    partyDomains: new PartyDomainService(scenarios),
    pledgePreview: new PledgePreviewService(scenarios, access),
    changes,
    analyses,
    followUp: new FollowUpService(store, now),
    ingest: new IngestService(store, cache, records, access, now),
    funding,
    briefing: new BriefingService(store, scenarios, changes, now, funding, analyses),
    sanctions,
    approvals: new ApprovalService(store, records, access, now, cache),
    donorConfirmations: new DonorConfirmationService(records, access),
    incidentVerifications: new IncidentVerificationService(store, records, access, now),
    accounts,
    sessions: new SessionService(store, accounts, now),
    auditView: new AuditViewService(store, access),
    publicReleases: new PublicReleaseService(store, cache, access, now),
    now,
  };
}
