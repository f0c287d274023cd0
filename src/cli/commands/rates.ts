import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { rateQuerySchema } from '../../contracts/funding.schema.js';
import { readRateFile } from '../../services/funding/rates.service.js';
import type { CliIo } from '../io.js';
import { withServices } from '../with-services.js';
import { formatTable } from '../output.js';
import { parseOptions } from '../parse-options.js';
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
    .action(async (file: string, raw: Record<string, unknown>) => {
      const options = parseOptions(importOptionsSchema, raw);
      const text = await readRateFile(file);
      await withServices(async ({ funding }) => {
        const summary = await funding.importRates({ name: `rates import ${basename(file)}` }, { name: basename(file), text });
        if (options.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
        else {
          io.out(
            `Imported ${basename(file)} in one transaction: ${summary.added} rates added, ${summary.changed} changed, ${summary.unchanged} unchanged; ` +
              `${summary.currencies.length} currencies, ${summary.firstDate ?? '–'} to ${summary.lastDate ?? '–'}.\n`,
          );
        }
      });
    });
  rates
    .command('show')
    .description('the rates of a date (the nearest earlier publication day when none was published that day)')
    .option('--date <date>', 'YYYY-MM-DD (default today)')
    .option('--from <code>', 'convert from this currency (with --amount)')
    .option('--to <code>', 'convert to this currency (default EUR)')
    .option('--amount <minor>', 'an amount in minor units (cents) to convert')
    .option('--json', 'machine-readable output')
    .action(async (raw: Record<string, unknown>) => {
      const { json, ...query } = parseOptions(showOptionsSchema, raw);
      await withServices(async ({ funding }) => {
        const answer = await funding.rates(query);
        if (json) {
          io.out(`${JSON.stringify(answer, null, 2)}\n`);
          return;
        }
        const lines = [`ECB reference rates (${answer.info.origin}: ${answer.info.rows} rates, ${answer.info.firstDate ?? '–'} to ${answer.info.lastDate ?? '–'}) for ${answer.date}:`];
        lines.push(formatTable(['currency', 'per EUR', 'published', ''], answer.rates.map((rate) => [rate.currency, rate.rate, rate.date, rate.exact ? '' : 'nearest earlier']), ['left', 'right']));
        if (answer.conversion) lines.push(`${formatMillions(answer.conversion.from.amount, answer.conversion.from.currency)} = ${formatMillions(answer.conversion.to.amount, answer.conversion.to.currency)} (${answer.conversion.to.amount} minor units; ${describeConversion(answer.conversion)})`);
        io.out(`${lines.join('\n')}\n`);
      });
    });
}
