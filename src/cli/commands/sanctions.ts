import type { Command } from 'commander';
import { z } from 'zod';
import type { AlignmentMatrix, MatrixCell } from '../../core/sanctions/alignment-matrix.js';
import type { DatedOn } from '../../core/sanctions/sanctions-dates.js';
import type { TimelineEvent } from '../../core/sanctions/sanctions-timeline.js';
import { isoDateSchema } from '../../contracts/primitives.schema.js';
import { CLI_PRINCIPAL } from '../cli-principal.js';
import { serviceAction } from '../command-shell.js';
import type { CliIo } from '../io.js';

// `coalition sanctions alignment|timeline [--as-of DATE] [--json]`: the alignment matrix (per measure type, who has
// it since when, at what level, with which exemptions; unknown where no record says) and the timeline (docs/sanctions.md).

const optionsSchema = z.strictObject({ asOf: isoDateSchema.optional(), json: z.boolean().optional() });

/** Register the sanctions commands. */
export function registerSanctionsCommands(program: Command, io: CliIo): void {
  const sanctions = program.command('sanctions').description('the sanctions alignment matrix and timeline');
  sanctions
    .command('alignment')
    .description('per measure type and jurisdiction: since when, at what level, with which exemptions (unknown where no record says)')
    .option('--as-of <date>', 'as known at the end of this date (YYYY-MM-DD, default today)')
    .option('--json', 'machine-readable output')
    .action(
      serviceAction(io, optionsSchema, {
        prepare: (options) => (services) => services.sanctions.alignment(CLI_PRINCIPAL, { asOf: options.asOf }),
        text: (matrix) => renderAlignment(matrix),
      }),
    );
  sanctions
    .command('timeline')
    .description('packages adopted, measures proposed or applying later, exemptions beginning and ending')
    .option('--as-of <date>', 'as known at the end of this date (YYYY-MM-DD, default today)')
    .option('--json', 'machine-readable output')
    .action(
      serviceAction(io, optionsSchema, {
        prepare: (options) => (services) => services.sanctions.timeline(CLI_PRINCIPAL, { asOf: options.asOf }),
        text: (timeline) => renderTimeline(timeline.asOf, timeline.events, timeline.undated),
      }),
    );
}

function describeDate(on: DatedOn | null): string {
  if (on === null) return 'no date recorded';
  return on.basis === 'source' ? `no date recorded (earliest source ${on.date})` : on.date;
}

function describeStatus(cell: MatrixCell): string {
  const date = describeDate(cell.since);
  switch (cell.status) {
    case 'in_force':
      return cell.since === null || cell.since.basis === 'source' ? `in force, ${date}` : `in force since ${date}`;
    case 'adopted':
      return `adopted, applies from ${date}`;
    case 'proposed':
      return `proposed on ${date}`;
    case 'absent':
      return `recorded as not adopted (${date})`;
    default:
      return 'unknown';
  }
}

function describeCell(cell: MatrixCell): string {
  const parts = [`${cell.jurisdiction}: ${describeStatus(cell)}`];
  if (cell.level !== null) parts.push(`level ${cell.level.text}${cell.level.on !== null && cell.level.on.date !== cell.since?.date ? ` (from ${describeDate(cell.level.on)})` : ''}`);
  const lines = [`  ${parts.join('; ')}`];
  for (const exemption of cell.exemptions) {
    const span = `${exemption.since ?? 'start not recorded'} – ${exemption.until ?? 'no end recorded'}`;
    lines.push(`      exemption ${exemption.party} (${span})${exemption.ended ? ' ended' : ''}: ${exemption.description}`);
  }
  return lines.join('\n');
}

function renderAlignment(matrix: AlignmentMatrix): string {
  const lines = [`Sanctions alignment as of ${matrix.asOf} ("unknown": no record says; not the same as "no")`, ''];
  for (const type of matrix.types) {
    const cells = matrix.cells.filter((cell) => cell.type === type);
    const filled = cells.filter((cell) => cell.status !== 'unknown');
    lines.push(type.replaceAll('_', ' '));
    for (const cell of filled) lines.push(describeCell(cell));
    const unknown = cells.filter((cell) => cell.status === 'unknown').map((cell) => cell.jurisdiction);
    if (unknown.length > 0) lines.push(`  unknown: ${unknown.join(', ')}`);
    lines.push('');
  }
  if (matrix.untyped.length > 0) lines.push(`Measures outside the matrix (no type): ${matrix.untyped.join(', ')}`);
  return `${lines.join('\n').trimEnd()}\n`;
}

const EVENT_WORDS: Record<TimelineEvent['kind'], string> = {
  package: 'adopted',
  proposed: 'proposed',
  applies: 'applies',
  not_adopted: 'not adopted',
  exemption_from: 'exemption from',
  exemption_ends: 'exemption ends',
};

function renderTimeline(asOf: string, events: readonly TimelineEvent[], undated: readonly string[]): string {
  const lines = [`Sanctions timeline as of ${asOf}`, ''];
  for (const event of events) {
    const who = event.party === undefined ? event.jurisdiction : `${event.jurisdiction}, ${event.party}`;
    const date = event.on.basis === 'source' ? `${event.on.date}*` : event.on.date;
    const word = event.kind === 'package' && event.on.basis === 'source' ? 'recorded' : EVENT_WORDS[event.kind];
    lines.push(`${date}  ${who}  ${word}${event.future ? ' (ahead)' : ''}: ${event.text}`);
  }
  if (events.some((event) => event.on.basis === 'source')) lines.push('', '* the date of its earliest source: the record has no date of its own');
  if (undated.length > 0) lines.push('', `Without any date: ${undated.join(', ')}`);
  return `${lines.join('\n').trimEnd()}\n`;
}
