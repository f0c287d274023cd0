import { runCli } from './main.js';

// Process entry point: run and exit with the CLI's code.
process.exitCode = await runCli(process.argv.slice(2));
