import { selectCandidates } from '../activation/candidates.js';
import type { RequirementCoverage } from '../coverage/compute-coverage.js';
import type { Fact, IsoDate, Pledge, Requirement } from '../types.js';

// What was known at the end of a date, as the changes report compares it (DESIGN.md §5, time travel): the
// records reconstructed from the audit log as of that date, of which the dated ones count only once their date
// has come (a pledge once announced, a contribution once made, a decision once its meeting met), and the
// coverage evaluated as of that date. Pure: the service reconstructs, evaluates and passes them in.

/** A contribution as the report needs it (funding records carry more). */
export interface StateContribution {
  id: string;
  fund: string;
  date: IsoDate;
  donors: { party: string }[];
  /** null: no amount was published. */
  amount: number | null;
  currency: string;
  status: string;
  [field: string]: unknown;
}

/** A meeting decision with its meeting's date. */
export interface StateDecision {
  id: string;
  meeting: string;
  text: string;
  [field: string]: unknown;
}

/** The coverage figures of one requirement at a date. */
export interface CoverageFigures {
  demand: number | null;
  supplyMin: number;
  supplyMax: number;
  shortfallMin: number | null;
  shortfallMax: number | null;
  /** Matching certain or possible pledges that give no number. */
  unquantified: number;
}

export interface AsOfState {
  date: IsoDate;
  pledges: ReadonlyMap<string, Pledge>;
  /** Pledges known then that no longer counted: withdrawn (with the date, if recorded) or superseded (by which). */
  withdrawn: ReadonlyMap<string, { on: IsoDate | null }>;
  superseded: ReadonlyMap<string, { by: string }>;
  facts: ReadonlyMap<string, Fact>;
  requirements: ReadonlyMap<string, Requirement>;
  coverage: ReadonlyMap<string, CoverageFigures>;
  contributions: ReadonlyMap<string, StateContribution>;
  decisions: ReadonlyMap<string, StateDecision>;
}

export interface AsOfStateInput {
  date: IsoDate;
  /** The dataset's records as reconstructed for that date (already restricted to what the caller may see). */
  pledges: readonly Pledge[];
  facts: readonly Fact[];
  requirements: readonly Requirement[];
  /** The coverage evaluated as of that date. */
  coverage: readonly RequirementCoverage[];
  contributions: readonly StateContribution[];
  decisions: readonly StateDecision[];
  /** Each meeting's date, to date its decisions. */
  meetingDates: ReadonlyMap<string, IsoDate>;
}

/** Build the state known at the end of `date` from reconstructed records (pure). */
export function buildAsOfState(input: AsOfStateInput): AsOfState {
  const { date } = input;
  const known = input.pledges.filter((pledge) => pledge.announcedOn === undefined || pledge.announcedOn <= date);
  const { excluded } = selectCandidates(known, { asOf: date });
  const withdrawn = new Map<string, { on: IsoDate | null }>();
  const superseded = new Map<string, { by: string }>();
  for (const [id, reason] of excluded) {
    if (reason.kind === 'withdrawn') withdrawn.set(id, { on: reason.on ?? null });
    if (reason.kind === 'superseded') superseded.set(id, { by: reason.by });
  }
  const byId = <R extends { id: string }>(records: readonly R[]): Map<string, R> => new Map(records.map((record) => [record.id, record]));
  return {
    date,
    pledges: byId(known),
    withdrawn,
    superseded,
    facts: byId(input.facts),
    requirements: byId(input.requirements),
    coverage: new Map(
      input.coverage.map((row) => [
        row.requirement,
        { demand: row.demand, supplyMin: row.supplyMin, supplyMax: row.supplyMax, shortfallMin: row.shortfallMin, shortfallMax: row.shortfallMax, unquantified: row.unquantifiedPledges.length },
      ]),
    ),
    contributions: byId(input.contributions.filter((contribution) => contribution.date <= date)),
    decisions: byId(
      input.decisions.filter((decision) => {
        const met = input.meetingDates.get(decision.meeting);
        return met !== undefined && met <= date;
      }),
    ),
  };
}
