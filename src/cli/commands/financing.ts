import { CLI_PRINCIPAL } from '../cli-principal.js';
import { serviceAction } from '../command-shell.js';
import type { Command } from 'commander';
import { z } from 'zod';
import { idSchema } from '../../contracts/domain.schema.js';
import { parseInput } from '../../contracts/input-error.js';
import type { FinancingReport } from '../../services/funding/financing-report.js';
import type { CliIo } from '../io.js';
import { formatTable } from '../output.js';
import { formatMillions, formatShare } from './funding-format.js';

// `coalition financing [PLAN]`: each state's share and exposure under each option of a financing plan, side
// by side, and which option was decided.

const optionsSchema = z.strictObject({ json: z.boolean().optional() });

/** Register the financing command. */
export function registerFinancingCommand(program: Command, io: CliIo): void {
  program
    .command('financing')
    .description("financing plans: each state's share and exposure under each option, side by side")
    .argument('[plan]', 'a financing plan id (default: every plan)')
    .option('--json', 'machine-readable output')
    .action(
      serviceAction(io, optionsSchema, {
        text: (answer: FinancingReport | FinancingReport[]) => {
          const reports = Array.isArray(answer) ? answer : [answer];
          return reports.length === 0 ? 'No financing plans recorded (coalition demo loads one).\n' : reports.map(renderPlan).join('\n');
        },
        prepare: (_options, [plan]) => {
          const id = plan === undefined ? undefined : parseInput(idSchema, plan, 'plan id', 'PLAN');
          return async ({ funding }) => (id === undefined ? funding.listFinancing(CLI_PRINCIPAL) : funding.financing(CLI_PRINCIPAL, id));
        },
      }),
    );
}

function renderPlan(report: FinancingReport): string {
  const { plan, options } = report;
  const c = plan.currency;
  const period = plan.period ? ` for ${plan.period.from ?? '…'} – ${plan.period.to ?? '…'}` : '';
  const lines = [`${plan.title} (${plan.id}): need ${formatMillions(plan.needAmount, c)}${period}`, ''];
  options.forEach((option, i) => {
    const mark = option.decided ? 'DECIDED' : 'not decided';
    lines.push(`[${i + 1}] ${option.id} — ${option.kind}, ${mark}: ${option.title}`);
    lines.push(`    ${formatMillions(option.amount, c)} as ${option.exposure}, key ${option.key}${option.key !== option.keyUsed ? ` (${option.keyUsed} used)` : ''}, ${option.shares.length} states${option.optedOut.length > 0 ? `, opted out: ${option.optedOut.join(', ')}` : ''}`);
    if (option.sources.length > 0) lines.push(`    sources: ${option.sources.join(', ')}`);
    for (const warning of option.warnings) lines.push(`    note: ${warning}`);
  });
  lines.push('');
  const rows = report.sideBySide.map((row) => [
    row.party,
    row.name,
    ...row.amounts.map((amount, i) => (amount === null ? '–' : `${formatMillions(amount, c)} (${formatShare(row.shares[i] ?? null)})`)),
  ]);
  rows.sort((a, b) => compareAmounts(report, b[0] ?? '', a[0] ?? ''));
  lines.push(formatTable(['state', 'name', ...options.map((_, i) => `[${i + 1}]${options[i]?.decided ? ' ✓' : ''}`)], rows, ['left', 'left', ...options.map(() => 'right' as const)]));
  if (plan.sources.length > 0) lines.push('', `Sources: ${plan.sources.join(', ')}`);
  if (plan.note) lines.push(plan.note);
  lines.push(`Key figures: ${report.keySource}.`);
  return `${lines.join('\n')}\n`;
}

// Rows by their largest amount under any option, largest first.
function compareAmounts(report: FinancingReport, a: string, b: string): number {
  const most = (party: string): number => Math.max(0, ...(report.sideBySide.find((row) => row.party === party)?.amounts ?? []).map((amount) => amount ?? 0));
  return most(a) - most(b) || (a < b ? 1 : -1);
}
