import { CLI_PRINCIPAL } from '../cli-principal.js';
import { serviceAction } from '../command-shell.js';
import type { Command } from 'commander';
import { z } from 'zod';
import { burdenQuerySchema } from '../../contracts/funding.schema.js';
import type { BurdenReport } from '../../services/funding/burden-report.js';
import type { CliIo } from '../io.js';
import { formatNumber, formatTable } from '../output.js';
import { describeConversion, formatMillions, formatShare } from './funding-format.js';

// `coalition burden`: each party's PURL money, other finance and pledged personnel against a fair share by
// GDP, money as % of GDP, ranked; its share of EU joint borrowing apart, as a liability (not money given).

const optionsSchema = burdenQuerySchema.extend({ json: z.boolean().optional() });

/** Register the burden command. */
export function registerBurdenCommand(program: Command, io: CliIo): void {
  program
    .command('burden')
    .description('burden sharing: contributions against a fair share by GDP, as % of GDP, ranked')
    .option('--key <key>', "the fair-share key: gdp (default; population and custom keys later)")
    .option('--currency <code>', 'the currency of the figures (ISO 4217, default EUR)')
    .option('--as-of <date>', 'only contributions and pledges up to then (YYYY-MM-DD; default today)')
    .option('--json', 'machine-readable output')
    .action(
      serviceAction(io, optionsSchema, {
        prepare:
          ({ json: _json, ...query }) =>
          ({ funding }) =>
            funding.burden(CLI_PRINCIPAL, query),
        text: (report) => renderBurden(report),
      }),
    );
}

function renderBurden(report: BurdenReport): string {
  const c = report.currency;
  const range = (value: { min: number; max: number } | null): string => (value === null ? '–' : value.min === value.max ? formatNumber(value.min) : `${formatNumber(value.min)}–${formatNumber(value.max)}`);
  const rows = report.rows.map((row) => [
    row.rank === null ? '–' : String(row.rank),
    row.party,
    formatMillions(row.purl, c),
    formatMillions(row.otherFinance, c),
    formatMillions(row.liability, c),
    formatShare(row.shareOfGdp, 3),
    formatShare(row.keyShare),
    formatMillions(row.fairShare, c),
    formatMillions(row.gap, c),
    range(row.personnel),
    range(row.personnelGap),
  ]);
  const lines = [
    `Burden sharing by ${report.key.toUpperCase()} in ${c}, as of ${report.asOf} (ranked by money as % of GDP)`,
    '',
    formatTable(
      ['#', 'party', 'PURL', 'other finance', 'liability (not given)', '% of GDP', 'GDP key', 'fair share', 'gap', 'personnel', 'personnel gap'],
      rows,
      ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    `Money given ${formatMillions(report.totals.money, c)}; shared by GDP: ${formatMillions(report.totals.keyedMoney, c)}; personnel ${range(report.totals.personnel)}.`,
    `Liabilities (shares of joint borrowing or guarantees, not money given) ${formatMillions(report.totals.liabilities, c)}.`,
  ];
  if (report.outsideKey.length > 0) lines.push(`No GDP figure (outside the key): ${report.outsideKey.join(', ')}.`);
  for (const item of report.otherFinance) lines.push(`Other finance from ${item.plan}: the decided option ${item.option}${item.conversion ? ` (${describeConversion(item.conversion)})` : ''}.`);
  for (const item of report.liabilities) lines.push(`Liability from ${item.plan}: each state's ${item.exposure === 'guarantee' ? 'guarantee' : 'share of the joint borrowing'} under the decided option ${item.option}${item.conversion ? ` (${describeConversion(item.conversion)})` : ''}.`);
  lines.push(`GDP: ${report.gdp.source}${report.gdp.conversion ? `; ${describeConversion(report.gdp.conversion)}` : ''}.`);
  lines.push(...report.notes);
  return `${lines.join('\n')}\n`;
}
