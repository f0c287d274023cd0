import { startServer } from './api/server.js';
import { runCli } from './cli/main.js';
import { processIo } from './cli/io.js';

// The composition root: the CLI gets the HTTP server injected, so no layer imports one beside it.
process.exitCode = await runCli(process.argv.slice(2), processIo, { startServer });
