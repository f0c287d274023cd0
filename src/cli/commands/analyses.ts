import type { Command } from 'commander';
import type { z } from 'zod';
import type { PreparedDataset } from '../../core/dataset/prepare-dataset.js';
import { allocateOptionsSchema, guaranteesOptionsSchema, riskOptionsSchema, unlockOptionsSchema } from '../../contracts/analysis-options.schema.js';
import { AppError, InputError } from '../../contracts/input-error.js';
import { AllocationSolver } from '../../services/analyses/allocation-solver.js';
import { runAllocation, runRisk, runUnlockers } from '../../services/analyses/run-analyses.js';
import { runGuarantees } from '../../services/analyses/run-guarantees.js';
import { createServices, type Services } from '../../services/create-services.js';
import { demoDataDirectory, loadDatasetDirectory, loadScenarioFile } from '../../services/load-dataset.js';
import { CLI_PRINCIPAL } from '../cli-principal.js';
import type { CliIo } from '../io.js';
import { withStore } from '../open-configured-store.js';
import { parseOptions } from '../parse-options.js';
import { renderAllocation, renderRisk, renderUnlockers } from '../render-analyses.js';
import { renderGuarantees } from '../render-guarantees.js';

// `coalition unlock`, `coalition allocate`, `coalition risk`, `coalition guarantees`: the decision analyses on the demo files, a scenario
// file or the store, with the scenario command's options; a table for people or --json (docs/analyses.md, docs/guarantees.md).

type ScenarioFlags = z.output<typeof unlockOptionsSchema>;

/** Register the analysis commands. */
export function registerAnalysisCommands(program: Command, io: CliIo): void {
  withScenarioOptions(program.command('unlock').description('rank the facts that would unlock the most coverage, and the pivotal parties')).action(async (raw: Record<string, unknown>) => {
    const options = parseOptions(unlockOptionsSchema, raw);
    const request = scenarioRequest(options);
    const result = await onDataset(options, (dataset) => runUnlockers(dataset, request), (services) => services.analyses.unlockers(CLI_PRINCIPAL, request));
    io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderUnlockers(result));
  });

  withScenarioOptions(program.command('allocate').description('who fills which requirement, by linear program (solved as a max flow), beside greedy coverage'))
    .option('--bound <bound>', 'min: certain pledges at their minimum (default); max: certain and possible at their maximum')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(allocateOptionsSchema, raw);
      const request = { ...scenarioRequest(options), bound: options.bound };
      const result = await onDataset(
        options,
        async (dataset) => {
          const solver = new AllocationSolver();
          try {
            return await runAllocation(dataset, request, solver.allocate);
          } finally {
            await solver.close();
          }
        },
        (services) => services.analyses.allocation(CLI_PRINCIPAL, request),
      );
      io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderAllocation(result));
    });

  withScenarioOptions(program.command('risk').description('how likely each requirement is met when the unknown facts are uncertain'))
    .option('--method <method>', 'exact (default with at most 16 unknown facts) or monte-carlo')
    .option('--samples <n>', 'Monte Carlo samples (default 10000, at most 1000000)')
    .option('--seed <n>', 'Monte Carlo seed (default 1)')
    .option('--coordination <kind>', 'greatest (default: the coalition moves together) or least (nobody moves first)')
    .option('--probability <fact=p>', 'the probability that an unknown fact is true (repeatable; default: the fact’s record)', collect, [])
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(riskOptionsSchema, raw);
      const request = {
        ...scenarioRequest(options),
        probabilities: options.probability,
        ...(options.method === undefined ? {} : { method: options.method }),
        ...(options.samples === undefined ? {} : { samples: options.samples }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.coordination === undefined ? {} : { coordination: options.coordination }),
      };
      const result = await onDataset(options, (dataset) => runRisk(dataset, request), (services) => services.analyses.risk(CLI_PRINCIPAL, request));
      io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderRisk(result));
    });

  withScenarioOptions(program.command('guarantees').description('what if the ceasefire is violated: which guarantee commitments activate, what they add, what is left unanswered'))
    .option('--trigger <fact>', 'the fact turning true (default violation)')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(guaranteesOptionsSchema, raw);
      const request = { ...scenarioRequest(options), ...(options.trigger === undefined ? {} : { trigger: options.trigger }) };
      const result = await onDataset(options, (dataset) => runGuarantees(dataset, request), (services) => services.analyses.guarantees(CLI_PRINCIPAL, request));
      io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderGuarantees(result));
    });
}

function withScenarioOptions(command: Command): Command {
  return command
    .option('--demo', 'use the demo dataset files instead of the store')
    .option('--input <file>', 'a scenario file (docs/scenario-file.md)')
    .option('--set <fact=value>', 'set a fact to true, false or unknown (repeatable)', collect, [])
    .option('--as-of <date>', 'as known on this date (YYYY-MM-DD)')
    .option('--min-status <status>', 'only pledges at or above this status (announced, offered, committed, approved, delivered)')
    .option('--json', 'machine-readable output');
}

function scenarioRequest(options: ScenarioFlags) {
  return {
    facts: options.set,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.minStatus === undefined ? {} : { minStatus: options.minStatus }),
  };
}

// On a file (--demo, --input) or on the store; problems are named by the flags that caused them.
async function onDataset<T>(options: ScenarioFlags, onFile: (dataset: PreparedDataset) => T | Promise<T>, onStore: (services: Services) => Promise<T>): Promise<T> {
  try {
    if (options.input || options.demo) return await onFile(options.input ? await loadScenarioFile(options.input) : await loadDatasetDirectory(demoDataDirectory()));
    return await withStore(async (store) => {
      const services = createServices(store);
      try {
        const dataset = await services.scenarios.dataset(CLI_PRINCIPAL);
        if (dataset.parties.length === 0) {
          throw new InputError('input.invalid', 'the store is empty', [
            { path: 'store', message: `no data in ${store.location}: run \`coalition demo\` to load the demo data, or use --demo or --input FILE` },
          ]);
        }
        return await onStore(services);
      } finally {
        await services.analyses.close();
      }
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problems = error.problems.map((problem) => ({ ...problem, path: toFlag(problem.path) }));
    throw new AppError(error.code, error.message, problems, error.details);
  }
}

// The services name a problem by its place in the request; on the command line that is a flag.
function toFlag(path: string): string {
  return path
    .replace(/^facts\[(\d+)\]\.id$/, '--set[$1]')
    .replace(/^probabilities\[(\d+)\]\.fact$/, '--probability[$1]')
    .replace(/^(samples|method|seed|bound|trigger)$/, '--$1');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
