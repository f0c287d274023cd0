// What was known and decided at a date (DESIGN.md §5, time travel): a fund, package or plan announced after the
// date did not exist yet, and a plan decided after it was still open. Records without a date count at any date.

/** True when a record with an optional announcement date was known at the end of `asOf`. */
export function knownAsOf(record: { announcedOn?: string | undefined }, asOf: string): boolean {
  return record.announcedOn === undefined || record.announcedOn <= asOf;
}

/** The option a plan had decided on by the end of `asOf`, or undefined while it was still open. */
export function decidedAsOf(plan: { decidedOption?: string | undefined; decidedOn?: string | undefined }, asOf: string): string | undefined {
  if (plan.decidedOption === undefined) return undefined;
  return plan.decidedOn === undefined || plan.decidedOn <= asOf ? plan.decidedOption : undefined;
}
