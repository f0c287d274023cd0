import type { Principal } from '../../core/access/principal.js';
import { type AsOfState, buildAsOfState } from '../../core/changes/as-of-state.js';
import { type ChangeReport, diffStates } from '../../core/changes/diff-states.js';
import { listNamedPledges, type NamedPledge } from '../../core/changes/named-pledges.js';
import type { IsoDate } from '../../core/types.js';
import type { ChangesPoint } from '../../contracts/changes.schema.js';
import { AppError, InputError } from '../../contracts/input-error.js';
import type { Meeting } from '../../contracts/records.schema.js';
import { contributionEntity } from '../../db/entities/funding-entities.js';
import { meetingDecisionEntity, meetingEntity } from '../../db/entities/meeting-entities.js';
import type { Store } from '../../db/open-store.js';
import { findRecord } from '../../db/record.repository.js';
import type { ScenarioService } from '../scenarios.service.js';
import { reconstructRecordsAsOf } from './reconstruct-records-as-of.js';

// What changed between two dates (or meetings), on what the caller may see: the dataset of each date comes
// from the scenario service's time travel (the same visibility as every other as-of view), the coverage from
// its evaluation as of that date, contributions and decisions from the audit log by the same rule; the core
// compares the two states.

/** A changes report with the meetings it was asked relative to. */
export interface ChangesAnswer extends ChangeReport {
  /** The pledges the report names by id alone, with party, capability and quantity (listNamedPledges). */
  namedPledges: NamedPledge[];
  sinceMeeting: { id: string; title: string; date: IsoDate } | null;
  untilMeeting: { id: string; title: string; date: IsoDate } | null;
}

export class ChangesService {
  constructor(
    private readonly store: Store,
    private readonly scenarios: ScenarioService,
    private readonly now: () => Date,
  ) {}

  /** The changes between `since` and `until` (default: today). */
  async changes(principal: Principal, query: { since: ChangesPoint; until?: ChangesPoint | undefined }): Promise<ChangesAnswer> {
    const since = await this.resolve(query.since, 'since');
    const until = query.until === undefined ? { date: this.today(), meeting: null } : await this.resolve(query.until, 'until');
    if (since.date > until.date) {
      throw new InputError('input.invalid', 'the changes end before they start', [{ path: 'until', message: `${until.date} is before since (${since.date})` }]);
    }
    const then = await this.stateAt(principal, since.date);
    const now = await this.stateAt(principal, until.date);
    const report = diffStates(then, now);
    return { ...report, namedPledges: listNamedPledges(report.pledges, then.pledges, now.pledges), sinceMeeting: since.meeting, untilMeeting: until.meeting };
  }

  /** The state known at the end of a date, as the principal may see it. */
  async stateAt(principal: Principal, date: IsoDate): Promise<AsOfState> {
    const dataset = await this.scenarios.dataset(principal, date);
    const evaluation = await this.scenarios.evaluate(principal, { asOf: date });
    const db = this.store.db;
    const contributions = await reconstructRecordsAsOf(db, contributionEntity, date, principal);
    const decisions = await reconstructRecordsAsOf(db, meetingDecisionEntity, date, principal);
    const meetings = await reconstructRecordsAsOf(db, meetingEntity, date, principal);
    return buildAsOfState({
      date,
      pledges: dataset.pledges,
      facts: dataset.facts,
      requirements: dataset.requirements,
      coverage: evaluation.coverage,
      contributions,
      decisions,
      meetingDates: new Map(meetings.map((meeting) => [meeting.id, meeting.date])),
    });
  }

  /** The meeting a point names, or not_found. */
  async meeting(id: string, path = 'meeting'): Promise<Meeting> {
    const found = await findRecord(this.store.db, meetingEntity, id);
    if (!found) throw new AppError('not_found', `meetings '${id}' not found`, [{ path, message: `no meeting '${id}'` }]);
    return found.record;
  }

  private async resolve(point: ChangesPoint, path: string): Promise<{ date: IsoDate; meeting: ChangesAnswer['sinceMeeting'] }> {
    if (point.kind === 'date') return { date: point.date, meeting: null };
    const meeting = await this.meeting(point.meeting, path);
    return { date: meeting.date, meeting: { id: meeting.id, title: meeting.title, date: meeting.date } };
  }

  private today(): IsoDate {
    return this.now().toISOString().slice(0, 10);
  }
}
