import { CLI_PRINCIPAL } from '../cli-principal.js';
import { serviceAction } from '../command-shell.js';
import type { Command } from 'commander';
import { z } from 'zod';
import { idSchema, isoDateSchema } from '../../contracts/domain.schema.js';
import { parseInput } from '../../contracts/input-error.js';
import type { FundAllocationReport } from '../../services/funding/fund-allocation.js';
import type { FundSummary } from '../../services/funding/funding.service.js';
import type { CliIo } from '../io.js';
import { formatTable } from '../output.js';
import { describeConversion, formatMillions, formatShare } from './funding-format.js';

// `coalition funds [FUND]`: the pooled funds (PURL) with their totals, or one fund's allocation: packages,
// donors, the publicly reported totals beside the computed ones, and the rates used.

type FundsAnswer = { kind: 'funds'; funds: FundSummary[] } | { kind: 'allocation'; report: FundAllocationReport };

const optionsSchema = z.strictObject({ asOf: isoDateSchema.optional(), json: z.boolean().optional() });

/** Register the funds command. */
export function registerFundsCommand(program: Command, io: CliIo): void {
  program
    .command('funds')
    .description('pooled funds (PURL): totals, or one fund allocated to its packages (earmarks first, then priority)')
    .argument('[fund]', 'a fund id (e.g. purl-2025) for its allocation')
    .option('--as-of <date>', 'only contributions dated up to then (YYYY-MM-DD; default today)')
    .option('--json', 'machine-readable output')
    .action(
      serviceAction(io, optionsSchema, {
        text: (answer: FundsAnswer) => (answer.kind === 'funds' ? renderFunds(answer.funds) : renderAllocation(answer.report)),
        json: (answer: FundsAnswer) => (answer.kind === 'funds' ? answer.funds : answer.report),
        prepare: (options, [fund]) => {
          const id = fund === undefined ? undefined : parseInput(idSchema, fund, 'fund id', 'FUND');
          const query = options.asOf !== undefined ? { asOf: options.asOf } : {};
          return async ({ funding }): Promise<FundsAnswer> =>
            id === undefined ? { kind: 'funds', funds: await funding.listFunds(CLI_PRINCIPAL, query) } : { kind: 'allocation', report: await funding.allocation(CLI_PRINCIPAL, id, query) };
        },
      }),
    );
}

function renderFunds(funds: readonly FundSummary[]): string {
  if (funds.length === 0) return 'No funds recorded (coalition demo loads the PURL funds).\n';
  const rows = funds.map((fund) => [
    fund.id,
    formatMillions(fund.contributed, fund.currency),
    `${fund.fundedPackages}/${fund.packages}`,
    formatMillions(fund.shortfall, fund.currency),
    fund.target === null ? '–' : `${formatShare(fund.fundedShareOfTarget)} of ${formatMillions(fund.target, fund.currency)}`,
    fund.title,
  ]);
  return `${formatTable(['fund', 'contributed', 'funded pkgs', 'shortfall', 'target', 'title'], rows, ['left', 'right', 'right', 'right', 'right'])}\n`;
}

function renderAllocation(report: FundAllocationReport): string {
  const { fund, allocation } = report;
  const c = fund.currency;
  const lines: string[] = [`${fund.title} (${fund.id}), in ${c}, contributions up to ${report.asOf}`, ''];
  lines.push(
    formatTable(
      ['prio', 'package', 'price', 'funded', 'earmarked', 'from pool', 'shortfall', 'status'],
      allocation.packages.map((item) => [
        String(item.priority),
        item.id,
        formatMillions(item.price, c),
        `${formatMillions(item.funded, c)} (${formatShare(item.fundedShare, 0)})`,
        formatMillions(item.earmarked, c),
        formatMillions(item.fromPool, c),
        formatMillions(item.shortfall, c),
        item.status === item.recordedStatus ? item.status : `${item.status} (recorded ${item.recordedStatus})`,
      ]),
      ['right', 'left', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  const t = allocation.totals;
  lines.push('', `Contributed ${formatMillions(t.contributed, c)} (paid ${formatMillions(t.paid, c)}, pledged ${formatMillions(t.pledged, c)}); allocated ${formatMillions(t.allocated, c)}; not needed by any package ${formatMillions(t.unallocated, c)}; packages short ${formatMillions(t.shortfall, c)}.`);
  if (t.target !== null) lines.push(`Target ${formatMillions(t.target, c)}: ${formatShare(t.fundedShareOfTarget)} reached, ${formatMillions(t.targetShortfall, c)} missing.`);
  lines.push('', 'By donor (joint contributions split by their shares; equal parts where not reported, marked *):');
  lines.push(
    formatTable(
      ['donor', 'total', 'earmarked', 'contributions'],
      allocation.donors.map((donor) => [donor.party, `${formatMillions(donor.total, c)}${donor.sharesAssumed > 0 ? ' *' : ''}`, formatMillions(donor.earmarked, c), String(donor.contributions)]),
      ['left', 'right', 'right', 'right'],
    ),
  );
  const withoutAmount = report.contributions.filter((item) => item.amount === null);
  if (withoutAmount.length > 0) {
    lines.push('', 'Pledged without a published amount (donors listed, no money counted):');
    for (const item of withoutAmount) lines.push(`  ${item.id} (${item.date}): ${item.donors.join(', ')}`);
  }
  if (report.reportedTotals.length > 0) {
    lines.push('', 'Reported running totals beside the computed ones (contributions dated up to then, in the reported currency):');
    lines.push(
      formatTable(
        ['date', 'reported', 'computed', 'difference', 'donors', 'what was reported'],
        report.reportedTotals.map((row) => [
          row.date,
          `${row.reported.atLeast ? '>' : row.reported.approximate ? '~' : ''}${row.reported.currency === null ? `${formatMillions(row.reported.amount, '???').replace('??? ', '')} (currency unknown)` : formatMillions(row.reported.amount, row.reported.currency)}`,
          formatMillions(row.computed.amount, row.computed.currency),
          row.difference === null ? 'none (currency unknown)' : formatMillions(row.difference, row.computed.currency),
          `${row.computed.donors}${row.reported.countries !== null ? ` (reported ${row.reported.countries})` : ''}`,
          row.what,
        ]),
        ['left', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  const conversions = [...report.contributions.flatMap((item) => (item.conversion ? [[item.id, item.conversion] as const] : [])), ...report.priceConversions.map((item) => [item.package, item.conversion] as const)];
  if (conversions.length > 0) {
    lines.push('', 'Rates used (ECB, units per EUR):');
    for (const [id, note] of conversions) lines.push(`  ${id}: ${describeConversion(note)}`);
  }
  if (allocation.warnings.length > 0) lines.push('', ...allocation.warnings.map((warning) => `warning: ${warning}`));
  return `${lines.join('\n')}\n`;
}
