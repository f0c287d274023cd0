import type { Command } from 'commander';
import { scenarioOptionsSchema } from '../../contracts/cli-options.schema.js';
import { parseInput } from '../../contracts/input-error.js';
import { demoDataDirectory, loadDatasetDirectory, loadScenarioFile } from '../../services/load-dataset.js';
import { runScenario } from '../../services/run-scenario.js';
import type { CliIo } from '../io.js';
import { renderScenario } from '../render-scenario.js';

// `coalition scenario`: which pledges activate under a scenario, why the others do not, and the coverage.

/** Register the scenario command. */
export function registerScenarioCommand(program: Command, io: CliIo): void {
  program
    .command('scenario')
    .description('evaluate pledges, coverage and the assurance gap under a scenario')
    .option('--demo', 'use the demo dataset (the default without --input)')
    .option('--input <file>', 'a scenario file (docs/scenario-file.md)')
    .option('--set <fact=value>', 'set a fact to true, false or unknown (repeatable)', collect, [])
    .option('--as-of <date>', 'evaluate as known on this date (YYYY-MM-DD)')
    .option('--min-status <status>', 'only pledges at or above this status (announced, offered, committed, approved, delivered)')
    .option('--json', 'machine-readable output')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseInput(scenarioOptionsSchema, raw, 'options', '--');
      const dataset = options.input ? await loadScenarioFile(options.input) : await loadDatasetDirectory(demoDataDirectory());
      const request: Parameters<typeof runScenario>[1] = { facts: options.set };
      if (options.asOf) request.asOf = options.asOf;
      if (options.minStatus) request.minStatus = options.minStatus;
      const result = runScenario(dataset, request);
      io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderScenario(result));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
