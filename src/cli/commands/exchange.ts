import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';
import { serviceAction } from '../command-shell.js';
import { z } from 'zod';
import { InputError } from '../../contracts/input-error.js';
import { EXCHANGE_ENTITIES, isExchangeEntity } from '../../services/exchange/codecs.js';
import { type ExportFile, formatExport, readExportTables } from '../../services/exchange/export-records.js';
import { importExchangeFile } from '../../services/exchange/import-exchange-file.js';
import type { ImportSummary } from '../../services/import-records.service.js';
import type { CliIo } from '../io.js';
import { createProgressBar } from '../progress-bar.js';

// `coalition import FILE` and `coalition export`: the exchanged record types (pledges, meetings, …) as JSON, CSV or XLSX
// with the same column names (docs/data-exchange.md).

const ENTITY_NAMES = EXCHANGE_ENTITIES.join(', ');

const entityList = z
  .string()
  .transform((text) => [...new Set(text.split(',').map((name) => name.trim()))])
  .superRefine((names, ctx) => {
    for (const name of names) if (!isExchangeEntity(name)) ctx.addIssue({ code: 'custom', message: `unknown entity '${name}' (use ${ENTITY_NAMES})` });
  })
  .transform((names) => names.filter(isExchangeEntity));

const exportOptionsSchema = z
  .strictObject({
    format: z.enum(['json', 'csv', 'xlsx'], { error: 'must be json, csv or xlsx' }).default('json'),
    out: z.string().min(1, 'must name a file or directory').optional(),
    entities: entityList.optional(),
  })
  .superRefine((options, ctx) => {
    const several = (options.entities ?? EXCHANGE_ENTITIES).length > 1;
    if (options.format === 'xlsx' && !options.out) ctx.addIssue({ code: 'custom', path: ['out'], message: 'an XLSX export needs --out FILE.xlsx' });
    if (options.format === 'csv' && !options.out && several) {
      ctx.addIssue({ code: 'custom', path: ['out'], message: 'a CSV export of several entities needs --out DIRECTORY (or --entities with one entity for stdout)' });
    }
  });

const importOptionsSchema = z.strictObject({
  entity: z.string().optional(),
  dryRun: z.boolean().optional(),
  json: z.boolean().optional(),
});

/** Register `import` and `export`. */
export function registerExchangeCommands(program: Command, io: CliIo): void {
  program
    .command('export')
    .description(`export ${ENTITY_NAMES} as JSON (default, to stdout), CSV or XLSX`)
    .option('--format <format>', 'json, csv or xlsx')
    .option('--out <path>', 'the file to write (json, xlsx), or the directory for <entity>.csv files (csv)')
    .option('--entities <list>', `comma-separated subset of ${ENTITY_NAMES}`)
    .action(
      serviceAction(io, exportOptionsSchema, {
        prepare:
          (options) =>
          async ({ store }) => {
            const tables = await readExportTables(store.db, options.entities ?? EXCHANGE_ENTITIES);
            const base = options.out && options.format !== 'csv' ? basename(options.out, extname(options.out)) : undefined;
            const files = await formatExport(tables, options.format, {
              now: new Date(),
              ...(base ? { base } : {}),
              onTruncated: (cell) => io.err(`warning: ${cell.entity}/${cell.id} ${cell.column} has ${cell.length} characters; its XLSX cell holds the first part and says so (CSV and JSON export it whole)\n`),
            });
            // Without --out the files go to stdout; with it, where they were written goes to stderr.
            if (!options.out) return files.map((file) => String(file.content)).join('');
            const written = await writeExport(files, options.format, options.out);
            io.err(`Exported ${tables.map((table) => `${table.rows.length} ${table.name}`).join(', ')} to ${written.join(', ')}\n`);
            return '';
          },
        text: (content) => content,
      }),
    );

  program
    .command('import')
    .description(`import ${ENTITY_NAMES} from a .json, .xlsx or .csv file: every row is checked first, then all are written in one transaction, or nothing`)
    .argument('<file>', 'the file; a .csv file holds one entity, named by the file (pledges.csv) or by --entity')
    .option('--entity <name>', `what a .csv file holds: ${ENTITY_NAMES}`)
    .option('--dry-run', 'check everything (also against the store) but write nothing')
    .option('--json', 'machine-readable summary')
    .action(
      serviceAction(io, importOptionsSchema, {
        text: ({ file, summary }: { file: string; summary: ImportSummary }, options) => describeImport(basename(file), summary, options.dryRun === true),
        json: ({ summary }: { file: string; summary: ImportSummary }, options) => ({ dryRun: options.dryRun === true, ...summary }),
        prepare: async (options, [file = '']) => {
          const bytes = await readInput(file);
          const progress = createProgressBar(io, 'records written', process.stderr.isTTY === true);
          return async ({ store, cache, now }) => ({
            file,
            summary: await importExchangeFile(store, cache, { name: file, bytes }, {
              now,
              ...(options.entity !== undefined ? { entity: options.entity } : {}),
              ...(options.dryRun ? { dryRun: true } : {}),
              onProgress: (done, total) => {
                if (total >= 2_000 && !options.json) progress(done, total);
              },
            }),
          });
        },
      }),
    );
}

/** Write the export files; returns their paths. */
async function writeExport(files: readonly ExportFile[], format: string, out: string): Promise<string[]> {
  if (format !== 'csv') {
    const [file] = files;
    if (file) await writeFile(out, file.content);
    return [out];
  }
  await mkdir(out, { recursive: true });
  const paths: string[] = [];
  for (const file of files) {
    const path = join(out, file.name);
    await writeFile(path, file.content);
    paths.push(path);
  }
  return paths;
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const message = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code || String(error)})`;
    throw new InputError('input.invalid', `cannot read ${file}`, [{ path: file, message }]);
  }
}

function describeImport(file: string, summary: ImportSummary, dryRun: boolean): string {
  const lines = Object.entries(summary.byEntity).map(
    ([name, counts]) => `  ${name}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged\n`,
  );
  const head = dryRun ? `Dry run of ${file}: every row is valid; this is what an import would do (nothing was written):\n` : `Imported ${file} in one transaction:\n`;
  return `${head}${lines.join('')}`;
}
