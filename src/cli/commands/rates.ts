import { basename } from 'node:path';
import type { RatesAnswer } from '../../services/funding/funding.service.js';
import { serviceAction } from '../command-shell.js';
import type { Command } from 'commander';
import type { RatesImportSummary } from '../../services/funding/rates.service.js';
import { z } from 'zod';
import { rateQuerySchema } from '../../contracts/funding.schema.js';
import { readRateFile } from '../../services/funding/rates.service.js';
import type { CliIo } from '../io.js';
import { formatTable } from '../output.js';
import { describeConversion, formatMillions } from './funding-format.js';

// `coalition rates import FILE`: load an ECB reference-rate file (eurofxref-hist.csv layout) into the store,
// all or nothing; `coalition rates show`: the rates of a date and, with --amount, a conversion.

const importOptionsSchema = z.strictObject({ json: z.boolean().optional() });
const showOptionsSchema = rateQuerySchema.safeExtend({ json: z.boolean().optional() });

/** Register the rates commands. */
export function registerRatesCommands(program: Command, io: CliIo): void {
  const rates = program.command('rates').description('ECB euro reference rates used for currency conversions');
  rates
    .command('import')
    .description('load an ECB reference-rate file (eurofxref-hist.csv layout): every line is checked first, then all are written or nothing')
    .argument('<file>', 'the CSV file (e.g. eurofxref-hist.csv from the ECB)')
    .option('--json', 'machine-readable summary')
    .action(
      serviceAction(io, importOptionsSchema, {
        text: ({ name, summary }: { name: string; summary: RatesImportSummary }) =>
          `Imported ${name} in one transaction: ${summary.added} rates added, ${summary.changed} changed, ${summary.unchanged} unchanged; ` +
          `${summary.currencies.length} currencies, ${summary.firstDate ?? '–'} to ${summary.lastDate ?? '–'}.\n`,
        json: ({ summary }: { name: string; summary: RatesImportSummary }) => summary,
        prepare: async (_options, [file = '']) => {
          const text = await readRateFile(file);
          const name = basename(file);
          return async ({ funding }) => ({ name, summary: await funding.importRates({ name: `rates import ${name}` }, { name, text }) });
        },
      }),
    );
  rates
    .command('show')
    .description('the rates of a date (the nearest earlier publication day when none was published that day)')
    .option('--date <date>', 'YYYY-MM-DD (default today)')
    .option('--from <code>', 'convert from this currency (with --amount)')
    .option('--to <code>', 'convert to this currency (default EUR)')
    .option('--amount <minor>', 'an amount in minor units (cents) to convert')
    .option('--json', 'machine-readable output')
    .action(
      serviceAction(io, showOptionsSchema, {
        prepare:
          ({ json: _json, ...query }) =>
          ({ funding }) =>
            funding.rates(query),
        text: (answer) => renderRates(answer),
      }),
    );
}

function renderRates(answer: RatesAnswer): string {
  const lines = [`ECB reference rates (${answer.info.origin}: ${answer.info.rows} rates, ${answer.info.firstDate ?? '–'} to ${answer.info.lastDate ?? '–'}) for ${answer.date}:`];
  lines.push(formatTable(['currency', 'per EUR', 'published', ''], answer.rates.map((rate) => [rate.currency, rate.rate, rate.date, rate.exact ? '' : 'nearest earlier']), ['left', 'right']));
  if (answer.conversion) lines.push(`${formatMillions(answer.conversion.from.amount, answer.conversion.from.currency)} = ${formatMillions(answer.conversion.to.amount, answer.conversion.to.currency)} (${answer.conversion.to.amount} minor units; ${describeConversion(answer.conversion)})`);
  return `${lines.join('\n')}\n`;
}
