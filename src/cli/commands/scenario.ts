import { CLI_PRINCIPAL } from '../cli-principal.js';
import type { Command } from 'commander';
import { scenarioOptionsSchema } from '../../contracts/cli-options.schema.js';
import { InputError } from '../../contracts/input-error.js';
import { withServices } from '../with-services.js';
import { parseOptions } from '../parse-options.js';
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
    .option('--demo', 'use the demo dataset files instead of the store')
    .option('--input <file>', 'a scenario file (docs/scenario-file.md)')
    .option('--set <fact=value>', 'set a fact to true, false or unknown (repeatable)', collect, [])
    .option('--as-of <date>', 'evaluate as known on this date (YYYY-MM-DD)')
    .option('--min-status <status>', 'only pledges at or above this status (announced, offered, committed, approved, delivered)')
    .option('--json', 'machine-readable output')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(scenarioOptionsSchema, raw);
      const request: Parameters<typeof runScenario>[1] = { facts: options.set };
      if (options.asOf) request.asOf = options.asOf;
      if (options.minStatus) request.minStatus = options.minStatus;
      const result = await namingSetFlags(async () =>
        options.input || options.demo ? runScenario(await loadFile(options.input), request) : await runOnStore(request),
      );
      io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderScenario(result));
    });
}

async function loadFile(input: string | undefined) {
  return input ? loadScenarioFile(input) : loadDatasetDirectory(demoDataDirectory());
}

// Without a file, the scenario runs on the store; an empty store gets a hint instead of an empty report.
async function runOnStore(request: Parameters<typeof runScenario>[1]) {
  return withServices(async (services) => {
    const dataset = await services.scenarios.dataset(CLI_PRINCIPAL);
    if (dataset.parties.length === 0) {
      throw new InputError('input.invalid', 'the store is empty', [
        { path: 'store', message: `no data in ${services.store.location}: run \`coalition demo\` to load the demo data, or use --demo or --input FILE` },
      ]);
    }
    return services.scenarios.evaluate(CLI_PRINCIPAL, request);
  });
}

// The scenario service names a requested fact by its place in the request (`facts[0].id`, as the API sends it);
// on the command line that place is the n-th --set.
async function namingSetFlags<T>(evaluate: () => Promise<T>): Promise<T> {
  try {
    return await evaluate();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problems = error.problems.map((problem) => ({ ...problem, path: problem.path.replace(/^facts\[(\d+)\]\.id$/, '--set[$1]') }));
    throw new InputError(error.code, error.message, problems);
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
