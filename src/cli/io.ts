import type { Services } from '../services/create-services.js';
import type { DemoAccount } from '../services/access/demo-users.js';

// Where the CLI writes: injected so tests can capture output without spawning a process.

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The process's real streams. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** What the entry point injects: the HTTP server lives in src/api, which the CLI layer does not import. */
export interface CliHooks {
  /** Standard input for `coalition ingest -` (tests inject one). */
  stdin?: AsyncIterable<Buffer | string>;
  /** Reads a password for --password-stdin (tests inject one). */
  readPassword?: () => Promise<string>;
  startServer?: (
    services: Services,
    options: { host: string; port: number; logLevel: string; demoAccounts?: readonly DemoAccount[] },
  ) => Promise<{ address: string; app: { close(): Promise<unknown> } }>;
}
