import type { Command } from 'commander';
import { serviceAction } from '../command-shell.js';
import { z } from 'zod';
import { groupByOwner } from '../../core/meetings/follow-up.js';
import { followUpQuerySchema } from '../../contracts/follow-up.schema.js';
import type { ActionItemView } from '../../services/meetings/follow-up.service.js';
import { CLI_PRINCIPAL } from '../cli-principal.js';
import type { CliIo } from '../io.js';

// `coalition action-items [--overdue] [--on DATE] [--party XX] [--json]`: the meetings' action items by owner,
// overdue ones marked, a party's own first.

const optionsSchema = followUpQuerySchema.extend({ overdue: z.boolean().optional(), json: z.boolean().optional() });

/** Register the action-items command. */
export function registerActionItemsCommand(program: Command, io: CliIo): void {
  program
    .command('action-items')
    .description("the meetings' action items by owner: due dates, status and its history, overdue ones marked")
    .option('--overdue', 'only open items past their due date')
    .option('--on <date>', 'judge overdue on this day (YYYY-MM-DD, default today)')
    .option('--party <party>', "this party's items first")
    .option('--json', 'machine-readable output')
    .action(
      serviceAction(io, optionsSchema, {
        prepare: (options) => (services) => services.followUp.actionItems(CLI_PRINCIPAL, options),
        text: (answer, options) => renderActionItems(answer.on, answer.items, options.overdue === true),
      }),
    );
}

function renderActionItems(on: string, items: ActionItemView[], overdueOnly: boolean): string {
  if (items.length === 0) return overdueOnly ? `No action item is overdue on ${on}.\n` : 'No action items recorded.\n';
  const lines = [`${overdueOnly ? 'Overdue action items' : 'Action items'} on ${on}`, ''];
  for (const group of groupByOwner(items)) {
    lines.push(group.owner ?? 'No owner named');
    for (const item of group.items) {
      const due = item.due === undefined ? 'no due date' : `due ${item.due}`;
      const state = item.overdue ? `OVERDUE by ${item.daysOverdue} d` : item.status;
      lines.push(`  [${state}] ${item.text} (${due}; ${item.meetingTitle ?? item.meeting}, ${item.id})`);
      const changes = item.history.filter((change) => change.from !== null);
      for (const change of changes) lines.push(`      ${change.at.slice(0, 10)} ${change.from} → ${change.to} (${change.actor})`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
